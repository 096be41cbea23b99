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

/// Runs boardpack as a person would, returning its exit status, standard output and standard error.
func boardpack(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    do {
        return (0, String(decoding: try run(try boardpackBinary(), arguments, environment: environment), as: UTF8.self), "")
    } catch let failure as ProcessFailure {
        return (failure.status, failure.standardOutput, failure.standardError)
    }
}
