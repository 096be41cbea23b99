import Foundation

/// Failures per address in a sliding window (wrong passwords, unknown links): past the limit,
/// the address waits. Successes are never counted, so a valid link or a signed-in page is never
/// held up by it.
actor FailureLimiter {
    let limit: Int
    let window: TimeInterval
    private let clock: @Sendable () -> Date
    private var failures: [String: [Date]] = [:]
    /// Addresses kept at most: a flood from many addresses cannot grow this without bound.
    private let addressesKept = 10_000

    init(limit: Int, window: TimeInterval, clock: @escaping @Sendable () -> Date = Date.init) {
        self.limit = limit
        self.window = window
        self.clock = clock
    }

    /// Seconds the address must wait, or nil when it may try.
    func retryAfter(_ address: String) -> Int? {
        let now = clock()
        let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[address] = recent.isEmpty ? nil : recent
        guard recent.count >= limit else { return nil }
        // Below the limit again once this one leaves the window.
        let leaving = recent[recent.count - limit]
        return max(1, Int((window - now.timeIntervalSince(leaving)).rounded(.up)))
    }

    func recordFailure(_ address: String) {
        let now = clock()
        if failures[address] == nil && failures.count >= addressesKept {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
            if failures.count >= addressesKept { failures.removeAll() }
        }
        failures[address, default: []].append(now)
    }
}
