import Foundation

/// Work started on a thread of its own now and collected later, so that two independent steps
/// of a synchronous job use both cores (checking a report's JSON while it is decoded, encoding
/// its hidden copy while the sheets are laid out). A thread, not a task: the callers are
/// plain synchronous code, and each job starts only a few of these.
public final class InParallel<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    public init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: work)
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work and returns what it gave (or throws what it threw).
    public func value() throws -> T {
        done.wait()
        defer { done.signal() }  // a second call returns at once
        return try result!.get()
    }
}
