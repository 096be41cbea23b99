import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process started the way a shell starts one: every signal unblocked and at its default
/// action, in a process group of its own, so that the whole group can be ended at once.
///
/// Why not Foundation's `Process`: it cannot start a process group, and it hands the caller's
/// signal mask to the child. Under `swift test` the test threads block most signals (SIGTERM,
/// SIGINT, SIGCHLD, SIGALRM, SIGPIPE...): LibreOffice started that way ignored SIGTERM, outlived
/// every test run, and the UNO script that started it died with signal 11 when it was finally
/// killed mid-conversation.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    /// Our end of the child's standard input, when asked for; otherwise it reads /dev/null.
    public private(set) var input: Int32?
    /// Our ends of the child's standard output and standard error.
    public let output: Int32
    public let errors: Int32
    private var reaped: Int32?

    public init(
        _ program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        keepingInputOpen: Bool = false
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Before the pipes are made, so a failure here has nothing to close.
        if let directory { guard c_addchdir(&actions, directory.path) == 0 else { throw ChildProcess.failure("chdir") } }

        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard c_pipe2(&outPipe, O_CLOEXEC) == 0, c_pipe2(&errPipe, O_CLOEXEC) == 0 else { throw ChildProcess.failure("pipe") }
        if keepingInputOpen { guard c_pipe2(&inPipe, O_CLOEXEC) == 0 else { throw ChildProcess.failure("pipe") } }

        if keepingInputOpen {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let env = (environment.map { ProcessInfo.processInfo.environment.merging($0) { $1 } } ?? ProcessInfo.processInfo.environment)
            .map { "\($0.key)=\($0.value)" }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, program, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        if keepingInputOpen { close(inPipe[0]) }
        guard status == 0 else {
            [outPipe[0], errPipe[0]].forEach { close($0) }
            if keepingInputOpen { close(inPipe[1]) }
            throw ProcessFailure(command: program, status: -1, standardOutput: "", standardError: "cannot start \(program): \(String(cString: strerror(status)))")
        }
        pid = child
        output = outPipe[0]
        errors = errPipe[0]
        input = keepingInputOpen ? inPipe[1] : nil
    }

    deinit {
        closeInput()
        close(output)
        close(errors)
        if reaped == nil {
            killGroup(SIGKILL)
            _ = waitForExit()
        }
    }

    private static func failure(_ what: String) -> ProcessFailure {
        ProcessFailure(command: what, status: -1, standardOutput: "", standardError: String(cString: strerror(errno)))
    }

    /// Closing the child's standard input is how a well-behaved child is told to finish.
    public func closeInput() {
        if let input { close(input) }
        input = nil
    }

    /// Sends `signal` to the child's whole process group (it and everything it started).
    public func killGroup(_ signal: Int32) { kill(-pid, signal) }

    /// Waits for the child to end; returns its exit status, or 128 + the signal that ended it.
    @discardableResult
    public func waitForExit() -> Int32 {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        let result = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        reaped = result
        return result
    }

    /// Waits up to `seconds` for the child to end; nil if it is still running.
    public func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let reaped { return reaped }
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                let signal = status & 0x7F
                reaped = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                return reaped
            }
            usleep(20_000)
        }
        return nil
    }

    /// Reads standard output and standard error to their ends, at most `seconds` long.
    /// - Returns: nil when the time ran out (the child is still running).
    public func readToEnd(seconds: Double) -> (output: Data, errors: Data)? {
        var out = Data(), err = Data()
        var open: [Int32: Bool] = [output: true, errors: true]
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while open.values.contains(true) {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var fds = open.filter(\.value).keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for fd in fds where fd.revents != 0 {
                let n = read(fd.fd, &buffer, buffer.count)
                if n > 0 {
                    if fd.fd == output { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || errno != EINTR {
                    open[fd.fd] = false
                }
            }
        }
        return (out, err)
    }
}

// glibc has both, but Glibc's module map hides them behind _GNU_SOURCE. Pipes must be made
// close-on-exec atomically: tests spawn in parallel, and a pipe end leaked into a long-lived
// child (LibreOffice) would keep another test waiting for an end of file that never comes.
@_silgen_name("pipe2") private func c_pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func c_addchdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32

/// Runs a program to its end and returns its standard output; throws with its standard error on
/// failure. A program still running after `timeout` seconds is killed with everything it
/// started, so a stuck tool fails its test instead of hanging the run.
@discardableResult
public func run(
    _ program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    timeout: Double = 300
) throws -> Data {
    let child = try ChildProcess(program, arguments, in: directory, environment: environment)
    let command = ([program] + arguments).joined(separator: " ")
    guard let (out, err) = child.readToEnd(seconds: timeout) else {
        child.killGroup(SIGKILL)
        child.waitForExit()
        throw ProcessFailure(command: command, status: -1, standardOutput: "", standardError: "still running after \(Int(timeout)) s; killed")
    }
    let status = child.waitForExit()
    guard status == 0 else {
        throw ProcessFailure(
            command: command, status: status, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
    }
    return out
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public var command: String
    /// The exit status, 128 + the signal that ended the program, or -1 when it did not start or timed out.
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
    public var description: String { "\(command) exited \(status): \(standardError)\(standardOutput)" }
}
