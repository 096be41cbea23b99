import ChildProcess
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A selenium script (Scripts/*_browser.py) run to its end in a process group of its own, its
/// JSON config as its argument. It prints one JSON object of what it saw.
struct BrowserScript {
    let status: Int32
    /// Its standard output; nil when it ran over the time allowed (and was killed).
    let output: String?
    let errors: String
    /// Whether anything of its group (chromium, chromedriver) outlived it and had to be killed.
    let left: Bool

    init(_ script: URL, config: [String: Any], seconds: Double = 300) throws {
        let browser = try ChildProcess("/usr/bin/env", ["python3", script.path, String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)])
        let read = browser.readToEnd(seconds: seconds)
        if read == nil { browser.killGroup(SIGKILL) }
        status = browser.waitForExit()
        // driver.quit() ends chromium; its helpers take a moment. Whatever outlives that is killed
        // (and fails the test).
        var left = true
        for _ in 0..<50 where left {
            left = kill(-browser.pid, 0) == 0
            if left { usleep(100_000) }
        }
        if left { kill(-browser.pid, SIGKILL) }
        self.left = left
        output = read.map { String(decoding: $0.output, as: UTF8.self) }
        errors = read.map { String(decoding: $0.errors, as: UTF8.self) } ?? ""
    }

    /// What it saw, after expecting a clean end; nil when it failed (the expectations say how).
    func seen() throws -> [String: Any]? {
        #expect(!left, "no browser or driver is left running")
        let text = try #require(output, "the browser script ran over its time")
        #expect(status == 0, "\(text)\n\(errors.suffix(3000))")
        guard status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}
