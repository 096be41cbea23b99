/// How names that people type are compared: case, stray spaces and line breaks do not matter.
/// One rule for agency names, statuses, proposals and the headers of returned sheets.
public enum Forgiving {
    /// "  Amber " and "amber" give the same key; so do "Lead\nAgency" and "lead agency".
    public static func key(_ text: String) -> String {
        // Plain ASCII (nearly every key, status and header) in one pass over its bytes; the
        // same rule as the general one below, which looks up each character's properties.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
