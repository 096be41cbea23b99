/// Entry names as the reader compares them. Some writers (old Windows tools) put `\` between
/// folders where the ZIP specification has `/`. Replaced byte by byte: `\` is ASCII and never
/// part of a longer UTF-8 sequence, and Foundation's `replacingOccurrences` cost a tenth of the
/// time of checking a return on Linux.
enum ZipName {
    /// A name read from a header (UTF-8; anything invalid shown as U+FFFD), with `/` between folders.
    static func decode<C: Collection<UInt8>>(_ bytes: C) -> String {
        bytes.contains(0x5C) ? String(decoding: bytes.map { $0 == 0x5C ? 0x2F : $0 }, as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
    }

    /// `name` with `/` between folders.
    static func slashed(_ name: String) -> String {
        name.utf8.contains(0x5C) ? decode(name.utf8) : name
    }
}
