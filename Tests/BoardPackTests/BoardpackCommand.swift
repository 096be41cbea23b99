import ChildProcess
import Foundation
import TestSupport

/// The built `boardpack` executable, for end-to-end runs of the command line.
func boardpackBinary() throws -> String {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [products, products.deletingLastPathComponent(), products.deletingLastPathComponent().deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("boardpack").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    let built = String(decoding: try run("/usr/bin/env", ["swift", "build", "--show-bin-path"], in: repositoryRoot), as: UTF8.self)
    return built.trimmingCharacters(in: .whitespacesAndNewlines) + "/boardpack"
}

/// Runs boardpack as a person would, returning its exit status, standard output and standard
/// error (both, whatever the status: a warning on standard error is part of what it says).
func boardpack(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    let child = try ChildProcess(try boardpackBinary(), arguments, environment: environment)
    guard let (out, err) = child.readToEnd(seconds: 300) else {
        child.killGroup(SIGKILL)
        child.waitForExit()
        throw InspectorError("boardpack \(arguments.joined(separator: " ")) still running after 300 s; killed")
    }
    let status = child.waitForExit()
    return (status, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}
