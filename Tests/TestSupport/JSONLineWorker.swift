import ChildProcess
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A helper program that answers one JSON request per line with one JSON reply per line
/// (`{"ok": true, ...}` or `{"ok": false, "error": "..."}`): LibreOffice's `office.py`, and
/// openpyxl's `fill_openpyxl.py --serve`. It runs in a process group of its own; requests from
/// parallel tests take turns, and a reply that does not come in time fails the test instead of
/// hanging it. The program is told to finish by its standard input closing, which also happens
/// when the test process ends.
public final class JSONLineWorker: @unchecked Sendable {
    /// What the messages call it ("LibreOffice").
    public let name: String
    public let process: ChildProcess
    private let lock = NSLock()
    private var pending = Data()

    public init(_ name: String, _ program: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        self.name = name
        process = try ChildProcess(program, arguments, environment: environment, keepingInputOpen: true)
    }

    /// The next reply, waiting up to `timeout` seconds (a program's "ready" line, say).
    public func readReply(timeout: Double) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                guard let reply = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw InspectorError("\(name) replied \(String(decoding: line, as: UTF8.self))")
                }
                return reply
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw InspectorError("\(name) gave no answer in \(Int(timeout)) s") }
            var fd = pollfd(fd: process.output, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, Int32(min(remaining, 1) * 1000)) > 0 else { continue }
            let n = read(process.output, &buffer, buffer.count)
            if n <= 0 {
                let errors = process.readToEnd(seconds: 1)?.errors ?? Data()
                throw InspectorError("\(name) ended: \(String(decoding: errors, as: UTF8.self))")
            }
            pending.append(contentsOf: buffer[0..<n])
        }
    }

    /// Sends one request and waits for its reply, which must say it went well.
    @discardableResult
    public func request(_ body: [String: Any], timeout: Double = 120) throws -> [String: Any] {
        lock.lock()
        defer { lock.unlock() }
        guard let input = process.input else { throw InspectorError("\(name) has ended") }
        var line = try JSONSerialization.data(withJSONObject: body)
        line.append(0x0A)
        try line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(input, raw.baseAddress! + offset, raw.count - offset)
                guard n > 0 else { throw InspectorError("cannot write to \(name): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
        let reply = try readReply(timeout: timeout)
        guard reply["ok"] as? Bool == true else {
            throw InspectorError("\(name): \(reply["error"] as? String ?? "\(reply)")")
        }
        return reply
    }
}
