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

    /// The paragraphs of `text` split at blank lines ("\n\n"), each trimmed; empty ones dropped.
    public static func paragraphs(of text: String, separator: String) -> [String] {
        var paragraphs: [String] = []
        var rest = Substring(text)
        while let range = rest.utf8.firstRange(of: separator.utf8) {
            paragraphs.append(trimmed(String(Substring(rest.utf8[..<range.lowerBound]))))
            rest = Substring(rest.utf8[range.upperBound...])
        }
        paragraphs.append(trimmed(String(rest)))
        return paragraphs.filter { !$0.isEmpty }
    }
}
