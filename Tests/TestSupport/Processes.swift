import Foundation

/// Runs a program and returns its standard output; throws with its standard error on failure.
@discardableResult
public func run(_ program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a chatty child cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ProcessFailure(
            command: ([program] + arguments).joined(separator: " "), status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self), standardError: String(decoding: errData, as: UTF8.self))
    }
    return outData
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
    public var description: String { "\(command) exited \(status): \(standardError)\(standardOutput)" }
}

/// A fresh temporary folder, removed by the caller with `FileManager.removeItem`.
public func temporaryFolder(_ name: String = "boardpack-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository's root folder, found from this source file.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// LibreOffice, headless: the real spreadsheet application the board pack must open in.
public enum LibreOffice {
    public static let path = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Converts `file` with a conversion filter (e.g. "pdf") into `folder`, with a private
    /// profile so parallel tests do not share one.
    public static func convert(_ file: URL, to filter: String, into folder: URL) throws {
        guard let path else { throw InspectorError("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc") }
        let profile = folder.appendingPathComponent("lo-profile").path
        try run(path, [
            "-env:UserInstallation=file://\(profile)", "--headless", "--norestore", "--convert-to", filter,
            "--outdir", folder.path, file.path,
        ])
    }

    /// Every sheet as LibreOffice shows it (formatted text), one CSV file per sheet, keyed by sheet name.
    public static func sheetsAsShown(_ file: URL, in folder: URL) throws -> [String: [[String]]] {
        // Tokens: comma, double quote, UTF-8, from line 1, default formats, language, do not quote
        // all text, detect numbers, save cell contents as shown, ..., sheet -1 = every sheet.
        try convert(file, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", into: folder)
        let stem = file.deletingPathExtension().lastPathComponent
        var out: [String: [[String]]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasPrefix(stem + "-") && name.hasSuffix(".csv") {
            let sheet = String(name.dropFirst(stem.count + 1).dropLast(4))
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            out[sheet] = CSV.parse(text)
        }
        return out
    }
}

/// Just enough RFC 4180 to read LibreOffice's CSV output in tests.
public enum CSV {
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, wasQuoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true
            } else if c == "," {
                row.append(field); field = ""; wasQuoted = false
            } else if c == "\n" || c == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
