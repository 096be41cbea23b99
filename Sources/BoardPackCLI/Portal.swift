import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `boardpack portal ...` runs `boardpack-portal ...`, the returns portal, built beside this
/// program. The portal is a program of its own so that its web packages are never compiled for
/// the plain command line; this keeps one name for both. It replaces this process (execv), so
/// exit status and signals (Ctrl-C to stop `serve`) go to the portal itself.
struct PortalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "The returns portal: init, serve, links, next, export, remind, digest, backup, restore (boardpack portal help).",
        discussion: "Runs boardpack-portal, built beside boardpack: swift build -c release --product boardpack-portal. See docs/portal.md.")

    @Argument(parsing: .captureForPassthrough, help: "The portal's subcommand and its options.")
    var arguments: [String] = []

    static let program = "boardpack-portal"

    func run() throws {
        let folder = Self.ownFolder()
        let portal = folder.appendingPathComponent(Self.program).path
        guard access(portal, X_OK) == 0 else {
            // The build that made this program makes the portal too, with the same configuration.
            let release = !folder.path.split(separator: "/").contains("debug")
            printError("""
                boardpack portal: the portal is not built (no \(portal)); build it with:
                  swift build\(release ? " -c release" : "") --product \(Self.program)
                """)
            throw ExitCode.badInput
        }
        let argv = ([Self.program] + arguments).map { strdup($0) } + [nil]
        execv(portal, argv)
        printError("boardpack portal: cannot run \(portal): \(String(cString: strerror(errno)))")
        throw ExitCode.badInput
    }

    /// The folder of the running program, its links resolved (the kernel knows it exactly).
    static func ownFolder() -> URL {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
