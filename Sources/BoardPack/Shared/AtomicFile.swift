import Foundation
import ReportModel

/// Writes a file so that readers see either the old file or the complete new one, never a part:
/// the content goes to a temporary file beside the destination, which is renamed over it.
public enum AtomicFile {
    /// Calls `write` with a temporary path in the destination's folder, then renames it to `url`.
    /// On any error the temporary file is removed and the destination is left untouched, and the
    /// error names `url`, the file the user asked for, never the hidden temporary file.
    public static func write(to url: URL, _ write: (String) throws -> Void) throws {
        let folder = url.deletingLastPathComponent().path
        removeStale(besides: url)
        // The writer's process id is in the name, so a later run can tell one left by a killed
        // run from one another run is writing now.
        var template = Array("\(folder)/.\(url.lastPathComponent).\(getpid()).XXXXXX.tmp".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else {
            throw AtomicFileError(path: url.path, reason: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        // mkstemps makes the file private (0600); a board pack is meant to be shared, and a
        // file written again keeps the permissions it had.
        var existing = stat()
        fchmod(fd, stat(url.path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644)
        close(fd)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try write(temporary)
            guard rename(temporary, url.path) == 0 else {
                throw AtomicFileError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as AtomicFileError {
            unlink(temporary)
            throw error
        } catch let problems as ReportProblems {
            // Found in the input while the file was being made: said as they are.
            unlink(temporary)
            throw problems
        } catch {
            unlink(temporary)
            let reason = error is CocoaError ? SystemReason.of(error) : "\(error)"
            throw AtomicFileError(path: url.path, reason: reason.replacingOccurrences(of: temporary, with: url.lastPathComponent))
        }
    }

    /// Removes the temporary files of `url` left by runs that were killed (their process is gone).
    static func removeStale(besides url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let parts = name.dropFirst(prefix.count).split(separator: ".")
            guard parts.count == 3, let pid = pid_t(parts[0]), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Writes bytes atomically.
    public static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { path in try data.write(to: URL(fileURLWithPath: path)) }
    }
}

public struct AtomicFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot be written (\(reason))" }
}
