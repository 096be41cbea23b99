import Foundation

/// Inflates a large part on a thread of its own, a few chunks ahead of the reader: on two cores
/// zlib's work (about a fifth of reading a big sheet) then costs no time. Memory stays bounded:
/// at most `depth` chunks wait. Every check of the entry stream (limits, size, CRC-32) still
/// runs; its error reaches the reader in order, after the chunks before it.
final class InflateAhead {
    private let queue: Queue

    /// Starts inflating `stream` at once; `ended` runs on the thread as it ends (for tests).
    init(_ stream: EntryStream, depth: Int = 4, ended: @escaping @Sendable () -> Void = {}) {
        let queue = Queue(depth: depth)
        self.queue = queue
        let transfer = Transfer(stream)
        let thread = Thread {
            defer { ended() }
            while true {
                let item: Result<[UInt8]?, Error>
                do { item = .success(try transfer.stream.next()) } catch { item = .failure(error) }
                // Stop when the reader has gone, or after the end or an error.
                guard queue.put(item) else { return }
                if case .success(let chunk) = item, chunk != nil { continue }
                return
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The reader stopped early (an error, or it read what it wanted): let the thread end.
    deinit { queue.cancel() }

    /// The next chunk, or nil at the end; the stream's error where it failed.
    func next() throws -> [UInt8]? { try queue.take().get() }

    /// Hands the stream to the inflating thread: only that thread touches it from then on.
    private final class Transfer: @unchecked Sendable {
        let stream: EntryStream
        init(_ stream: EntryStream) { self.stream = stream }
    }

    /// A bounded queue between the inflating thread and the reader.
    private final class Queue: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [Result<[UInt8]?, Error>] = []
        private var cancelled = false
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        /// Waits for room; false when the reader has gone.
        func put(_ item: Result<[UInt8]?, Error>) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while items.count >= depth && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            items.append(item)
            condition.broadcast()
            return true
        }

        func take() -> Result<[UInt8]?, Error> {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty { condition.wait() }
            let item = items.removeFirst()
            // The end (or an error) stays for any later call, as a stream's would.
            if case .success(let chunk) = item, chunk != nil { condition.broadcast() } else { items.insert(item, at: 0) }
            return item
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
