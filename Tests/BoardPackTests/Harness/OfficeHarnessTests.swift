import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The test harness itself: children get a clean signal mask, and LibreOffice ends with its suite.
@Suite struct OfficeHarnessTests {
    let scratch = TemporaryFolder()

    @Test func childrenStartWithNoSignalBlockedOrIgnored() throws {
        // Under `swift test` the test threads block SIGTERM, SIGCHLD and more; a child that
        // inherited that mask could not be terminated.
        let status = String(decoding: try run("/bin/cat", ["/proc/self/status"]), as: UTF8.self)
        func mask(_ name: String) -> UInt64? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }.flatMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        }
        #expect(mask("SigBlk") == 0)
        // Signals 1 to 31; glibc keeps its own two real-time signals (32, 33) as they are.
        #expect(mask("SigIgn").map { $0 & 0x7FFF_FFFF } == 0)
    }

    @Test func aStuckProgramIsKilledWithEverythingItStarted() throws {
        // The shell notes its own id (its process group's) and those of the two children it starts.
        let ids = scratch.file("ids")
        let started = Date()
        #expect(throws: ProcessFailure.self) {
            try run("/bin/sh", ["-c", #"echo $$ > "$0"; sleep 30 & echo $! >> "$0"; sleep 30 & echo $! >> "$0"; wait"#, ids.path], timeout: 1)
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let pids = try String(contentsOf: ids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
        try #require(pids.count == 3, "the shell and both children started")
        // A killed process takes a moment to go.
        var left = Office.processes(inGroup: pids[0])
        for _ in 0..<100 where !left.isEmpty {
            usleep(20_000)
            left = Office.processes(inGroup: pids[0])
        }
        #expect(left.isEmpty, "every process of the group is gone, children included: \(left)")
        if !left.isEmpty { kill(-pids[0], SIGKILL) }  // not left behind by this test either
    }

    @Test func anOfficeRunsInItsOwnGroupAndLeavesNothingBehind() throws {
        let office = try Office()
        let group = office.processGroup
        #expect(Office.processes(inGroup: group).contains { $0.contains("soffice.bin") }, "the office runs in the group")
        let pdf = try office.pdf(of: repositoryRoot.appendingPathComponent("examples/returns/jppb.xlsx"), into: scratch.url)
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        #expect(office.end().isEmpty, "nothing of the office's group is left")
        #expect(Office.processes(inGroup: group).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: office.folder.path), "its profile and temporary files are removed")
    }
}
