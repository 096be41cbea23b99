import BoardPack
import CCrypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tokens the portal hands out (links, sessions, CSRF), and how they are kept: 256 random or
/// derived bits, written base64url (43 characters), stored only as their SHA-256.
public enum Tokens {
    /// 32 bytes from the system's cryptographic generator (getrandom on Linux).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return base64url((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// What the store keeps of a token: its SHA-256, so that a copy of the database opens nothing.
    public static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// Compares two tokens in time that does not depend on where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return x.withUnsafeBytes { p in y.withUnsafeBytes { q in CRYPTO_memcmp(p.baseAddress, q.baseAddress, x.count) == 0 } }
    }

    /// A well-formed token: 43 base64url characters. Anything else is not looked up at all.
    static func isWellFormed(_ token: Substring) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { isBase64URL($0) }
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func isBase64URL(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
    }
}

/// The key agency links are derived with, kept in the data folder (`link-secret`, mode 0600).
///
/// A link's token is HMAC-SHA256 under this key of the agency, the period and the link's
/// generation, so the server can give an agency its current link again (a reminder, `links`)
/// while the database keeps only the token's hash; rotating a link bumps its generation.
struct LinkSecret: Sendable {
    private let key: [UInt8]

    /// Makes a new key; refuses to replace one (every link issued would stop working).
    static func create(at url: URL) throws -> LinkSecret {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw DataFolderProblem("\(url.path): cannot be created (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        guard write(fd, key, key.count) == key.count, fsync(fd) == 0 else {
            throw DataFolderProblem("\(url.path): cannot be written (\(String(cString: strerror(errno))))")
        }
        return LinkSecret(key: key)
    }

    /// Reads the key; refuses one that other users could read, since it opens every agency's page.
    static func load(from url: URL) throws -> LinkSecret {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw DataFolderProblem("\(url.path): is missing (\(String(cString: strerror(errno)))); the portal's links cannot be checked without it")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw DataFolderProblem("\(url.path): can be read by other users (mode \(String(mode, radix: 8))); make it private with chmod 600 \(url.path)")
        }
        let key = [UInt8]((try? Data(contentsOf: url)) ?? Data())
        guard key.count == 32 else { throw DataFolderProblem("\(url.path): is not a link secret (32 bytes); it has \(key.count)") }
        return LinkSecret(key: key)
    }

    /// The token of one agency's link: the same inputs always give the same token.
    func token(agency: String, period: Int64, generation: Int) -> String {
        let message = Array("agency-link\u{0}\(period)\u{0}\(agency)\u{0}\(generation)".utf8)
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.bindMemory(to: UInt8.self).baseAddress, m.count, &out, &length)
            }
        }
        // HMAC fails only when libcrypto cannot allocate its context: out of memory.
        precondition(done != nil && length == 32, "libcrypto could not compute an HMAC")
        return Tokens.base64url(Array(out.prefix(32)))
    }
}
