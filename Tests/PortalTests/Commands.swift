import Foundation
import TestSupport

/// A built executable of this package (`boardpack`, `boardpack-portal`), for end-to-end runs.
func builtProgram(_ name: String) throws -> String {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [products, products.deletingLastPathComponent(), products.deletingLastPathComponent().deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    let built = String(decoding: try run("/usr/bin/env", ["swift", "build", "--show-bin-path"], in: repositoryRoot), as: UTF8.self)
    return built.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + name
}

/// Runs a program as a person would: its exit status, standard output and standard error.
func command(_ name: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
    do {
        return (0, String(decoding: try run(try builtProgram(name), arguments, in: directory), as: UTF8.self), "")
    } catch let failure as ProcessFailure {
        return (failure.status, failure.standardOutput, failure.standardError)
    }
}
