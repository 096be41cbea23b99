/// Text without the white space at its ends: spaces of every width, tabs and line breaks, the
/// characters Foundation's `.whitespacesAndNewlines` holds (Unicode's White_Space and, as
/// CoreFoundation has it, the zero-width space). Read from the scalars, because
/// `trimmingCharacters(in:)` goes through NSString on Linux and cost more than the rest of
/// reading an agency's update.
public enum Whitespace {
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex { !isSpace($0) }!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(Substring(scalars[first...last]))
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The paragraphs of `text` split at `separator` (a blank line, "\n\n"), each trimmed;
    /// empty ones dropped. The separator is found in the bytes, left to right as Foundation's
    /// `components(separatedBy:)` finds it.
    public static func paragraphs(of text: String, separator: String) -> [String] {
        let separator = Array(separator.utf8)
        func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
            var paragraphs: [String] = []
            var start = 0, i = 0
            while i + separator.count <= bytes.count {
                if bytes[i] == separator[0] && bytes[i..<i + separator.count].elementsEqual(separator) {
                    paragraphs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += separator.count
                    start = i
                } else {
                    i += 1
                }
            }
            if start == 0 { return [text] }  // most updates are one paragraph: no copy
            paragraphs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return paragraphs
        }
        let parts = text.utf8.withContiguousStorageIfAvailable(split) ?? Array(text.utf8).withUnsafeBufferPointer(split)
        return parts.map(trimmed).filter { !$0.isEmpty }
    }
}
