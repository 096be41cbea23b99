import Foundation

/// The portal's one folder: everything it keeps, so that copying the folder copies the portal.
///
/// ```
/// DIR/boardpack.sqlite   periods, links, uploads, sessions, merges, the audit log (WAL)
/// DIR/uploads/<sha256>   every uploaded file, named by its SHA-256, never overwritten
/// DIR/merged/<sha256>    every merged report, the same way
/// DIR/link-secret        the key link tokens are derived with (mode 0600)
/// ```
public struct DataFolder: Sendable {
    public let url: URL

    public init(_ path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    public var database: URL { url.appendingPathComponent("boardpack.sqlite") }
    public var uploads: URL { url.appendingPathComponent("uploads", isDirectory: true) }
    public var merged: URL { url.appendingPathComponent("merged", isDirectory: true) }
    public var secret: URL { url.appendingPathComponent("link-secret") }

    /// Whether a portal has been set up here (`portal init`).
    public var holdsPortal: Bool { FileManager.default.fileExists(atPath: database.path) }
}

/// A data folder that cannot be used, in words for the person who named it.
public struct DataFolderProblem: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}

/// The disk the data folder is on has no room for a write: full, over the owner's quota, or past
/// the largest file the system lets the portal write. Its own kind of error, so a page can say
/// so (`PageError.diskFull`) where any other failure is "something went wrong".
public struct DiskFull: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }

    static func isFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
}
