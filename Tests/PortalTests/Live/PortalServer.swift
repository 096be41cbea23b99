import ChildProcess
import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The real `boardpack-portal serve`, on a free port of 127.0.0.1, in a process group of its
/// own: `stop()` ends it as Ctrl-C would, `kill()` as kill -9 would, and dropping the last
/// reference kills the whole group, so no server outlives its test.
final class PortalServer: @unchecked Sendable {
    let process: ChildProcess
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// - Parameter wrapper: a program and its arguments that run the server (as `exec` does),
    ///   to start it under a limit (`FaultTests`).
    init(data: String, _ extra: [String] = [], wrapper: [String] = []) throws {
        let server = [try builtProgram("boardpack-portal"), "serve", "--data", data, "--port", "0"] + extra
        let command = wrapper + server
        process = try ChildProcess(command[0], Array(command.dropFirst()))
        let line = try Self.firstLine(of: process, timeout: 60)
        guard let range = line.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
            let port = Int(line[range].dropFirst("http://127.0.0.1:".count).dropLast())
        else {
            process.killGroup(SIGKILL)
            throw PortalTestError("boardpack-portal serve said: \(line)")
        }
        self.port = port
    }

    deinit {
        if process.waitForExit(seconds: 0) == nil {
            process.killGroup(SIGKILL)
            process.waitForExit()
        }
    }

    /// Ends it as Ctrl-C does; its exit status.
    func stop(_ signal: Int32 = SIGTERM) -> Int32? {
        process.killGroup(signal)
        return process.waitForExit(seconds: 20)
    }

    /// kill -9: no chance to finish anything.
    func kill() {
        process.killGroup(SIGKILL)
        process.waitForExit()
    }

    /// Whether any process of its group is still alive.
    var groupAlive: Bool { Glibc.kill(-process.pid, 0) == 0 }

    /// The first line a program writes, waiting at most `timeout` seconds.
    static func firstLine(of process: ChildProcess, timeout: Double) throws -> String {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var fd = pollfd(fd: process.output, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 200) > 0 else { continue }
            guard read(process.output, &byte, 1) == 1 else {
                let errors = process.readToEnd(seconds: 2)?.errors ?? Data()
                throw PortalTestError("the program (boardpack-portal serve, or a test's helper) ended: \(String(decoding: errors, as: UTF8.self))")
            }
            if byte == 0x0A { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
        throw PortalTestError("the program said nothing in \(Int(timeout)) s")
    }
}

/// HTTP over a plain socket, byte by byte as a client sends it: for what a test client cannot
/// do (a Content-Length with no body behind it, a chunked body, a request cut short).
final class RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw PortalTestError("cannot connect to 127.0.0.1:\(port)")
        }
        // A send never waits for ever: a server that has answered (413, say) and stopped reading
        // fills the socket's buffers, and a blocking send would then hang the test (and the
        // other tests waiting for its thread). After 10 s it fails, and `send` says false.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends all of `bytes`; false when the server has closed the connection, or has taken
    /// nothing for 10 seconds.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Whether a response has started to arrive, waiting at most `seconds`.
    func responseWaiting(seconds: Double) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads one response (its head, and its body by Content-Length).
    func response(timeout: Double = 30) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        var headEnd: Int?
        var length = 0
        while Date() < deadline {
            if headEnd == nil, let end = Self.find(Array("\r\n\r\n".utf8), in: data) {
                headEnd = end + 4
                let head = String(decoding: data[..<end], as: UTF8.self)
                length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            }
            if let headEnd, data.count >= headEnd + length { break }
            guard responseWaiting(seconds: min(1, max(0.01, deadline.timeIntervalSinceNow))) else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        guard let headEnd else { throw PortalTestError("no response in \(Int(timeout)) s (\(data.count) bytes)") }
        let lines = String(decoding: data[..<(headEnd - 4)], as: UTF8.self).split(separator: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased(), default: ""] += parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return (status, headers, Array(data[headEnd..<min(data.count, headEnd + length)]))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
