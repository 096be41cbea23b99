/// Gives sheets names Excel accepts: at most 31 characters, none of `[]:*?/\`, no leading or
/// trailing apostrophe, not "History", and unique ignoring case.
///
/// Long names are shortened the way a person would: first drop a parenthetical
/// ("Substance Misuse (Drugs & Alcohol)" → "Substance Misuse"), then cut at a word boundary.
/// The same inputs in the same order always give the same names.
public struct SheetNamer {
    public static let maxLength = 31
    private var used = Set<String>()

    public init() {}

    public mutating func name(for preferred: String) -> String {
        var base = Self.shorten(Self.clean(preferred), to: Self.maxLength)
        if base.isEmpty { base = "Sheet" }
        if base.lowercased() == "history" { base = "History sheet" }
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = Self.shorten(base, to: Self.maxLength - suffix.count) + suffix
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    static func clean(_ name: String) -> String {
        var s = ""
        for c in name {
            switch c {
            case "/", "\\": s.append("-")
            case "[", "]", ":", "*", "?": s.append(" ")
            default: s.append(c.isNewline || c == "\t" ? " " : c)
            }
        }
        s = s.split(separator: " ").joined(separator: " ")
        while s.hasPrefix("'") { s.removeFirst() }
        while s.hasSuffix("'") { s.removeLast() }
        return s.trimmingSpaces()
    }

    static func shorten(_ name: String, to limit: Int) -> String {
        if name.count <= limit { return name }
        let withoutAside = removingParentheticals(name)
        if withoutAside.count <= limit && !withoutAside.isEmpty { return withoutAside }
        var cut = ""
        for word in withoutAside.split(separator: " ") {
            let next = cut.isEmpty ? String(word) : cut + " " + word
            if next.count > limit { break }
            cut = next
        }
        if cut.isEmpty { cut = String(withoutAside.prefix(limit)) }
        while let last = cut.last, ",;-–&".contains(last) || last == " " { cut.removeLast() }
        return cut.trimmingSpaces()
    }

    private static func removingParentheticals(_ s: String) -> String {
        var out = ""
        var depth = 0
        for c in s {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
