import Foundation

/// A fresh folder under the system's temporary folder, removed with everything in it when the
/// last reference goes: keep it in a test's (or a fixture's) `let` and nothing is left behind.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    /// Creating a folder in the temporary folder does not fail in practice; if it ever did, the
    /// first file written into it fails its test with the system's reason.
    public init(_ name: String = "boardpack-test") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A path inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// The repository's root folder, found from this source file.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
