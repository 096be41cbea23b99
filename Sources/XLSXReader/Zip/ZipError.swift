/// Why a ZIP archive was refused. Each case reads as the end of a sentence about the file.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    case notZip
    case truncated(String)
    case corrupt(String)
    case encrypted(entry: String)
    case unsupportedMethod(entry: String, method: Int)
    case duplicateName(String)
    case overlappingEntries(String, String)
    case localHeaderMismatch(entry: String, field: String)
    case checksumMismatch(entry: String)
    case sizeMismatch(entry: String, declared: Int, actual: Int)
    case tooManyEntries(Int, limit: Int)
    case tooLarge(limit: Int)
    case suspiciousRatio(entry: String, ratio: Int)

    public var description: String {
        switch self {
        case .notZip: "is not a ZIP archive"
        case .truncated(let what): "is truncated or damaged (\(what))"
        case .corrupt(let what): "is a damaged ZIP archive (\(what))"
        case .encrypted(let entry): "has an encrypted part (\(entry)); remove the password and send it again"
        case .unsupportedMethod(let entry, let method): "uses an unsupported compression method \(method) for \(entry)"
        case .duplicateName(let name): "holds two parts named \(name), which a workbook never does"
        case .overlappingEntries(let a, let b): "has overlapping parts \(a) and \(b) (a ZIP bomb)"
        case .localHeaderMismatch(let entry, let field):
            "is inconsistent: the local header of \(entry) disagrees with the central directory on its \(field)"
        case .checksumMismatch(let entry): "is damaged: \(entry) fails its CRC-32 check"
        case .sizeMismatch(let entry, let declared, let actual):
            "is damaged: \(entry) declares \(declared) bytes but holds \(actual)"
        case .tooManyEntries(let n, let limit): "has \(n) parts, more than the \(limit) allowed"
        case .tooLarge(let limit): "unpacks to more than \(limit / (1 << 20)) MiB, which is refused (a ZIP bomb?)"
        case .suspiciousRatio(let entry, let ratio):
            "compresses \(entry) more than \(ratio) to 1, which is refused (a ZIP bomb?)"
        }
    }
}
