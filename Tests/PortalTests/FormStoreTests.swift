import BoardPack
import Foundation
import Portal
import ReportModel
import Testing

/// The store's side of the web form: a version is kept against the newest the page saw, in one
/// transaction, so two sends from one page never both count; drafts are never the agency's
/// answer; which agencies have started.
@Suite struct FormStoreTests {
    let fixture: PortalFixture
    static let agency = "kent-probation"

    init() throws { fixture = try PortalFixture() }

    var store: PortalStore { fixture.store }

    /// The form sent with every goal Green and every figure given, checked as the portal checks it.
    func version(_ note: String = "") throws -> (bytes: [UInt8], record: UploadRecord) {
        let scope = fixture.scope(Self.agency)
        let form = FormSubmission(
            report: fixture.report.id, period: fixture.report.period.label, agency: Self.agency, completedBy: "Rob Jacques", date: "08/07/2013",
            goals: scope.goals.map { .init(id: $0.goal.id, status: "Green", update: "As planned.\(note)") },
            measures: scope.measures.map { .init(id: $0.measure.id, value: "50%") })
        let period = try #require(try store.openPeriod())
        let record = UploadCheck.check(
            form.bytes, name: FormSubmission.fileName(of: scope.agency), agency: Self.agency, period: period,
            checker: try PeriodReports().checker(for: period), source: .form, uploadedBy: "Kent Probation (form)", address: "127.0.0.1", at: store.now)
        return (form.bytes, record)
    }

    @Test func aVersionFromAnOlderPageIsKeptAsADraftBesideTheNewer() throws {
        let first = try version()
        #expect(first.record.usable && first.record.outcome == .received)
        let (sent, none) = try store.addFormVersion(first.bytes, first.record, base: 0)
        #expect(none == nil && !sent.isDraft && sent.sha256 == SHA256.hex(first.bytes))
        let second = try version(" Typed later.")
        let (kept, newer) = try store.addFormVersion(second.bytes, second.record, base: 0)
        #expect(newer?.id == sent.id && kept.isDraft && !kept.usable)
        let merged = try store.newestUploads(period: sent.periodID, as: .secretariat).merged
        #expect(merged[Self.agency]?.id == sent.id, "the version sent is still the one merged")
        let third = try version(" From the newest page.")
        let (taken, noneNewer) = try store.addFormVersion(third.bytes, third.record, base: kept.id!)
        #expect(noneNewer == nil && !taken.isDraft, "a page made after the draft sends")
    }

    @Test func twoSendsFromOnePageAtOnceNeverBothCount() throws {
        let versions = [try version(" A."), try version(" B.")]
        let lock = NSLock()
        nonisolated(unsafe) var kept: [UploadRecord] = []
        let store = self.store
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let one = try? store.addFormVersion(versions[i].bytes, versions[i].record, base: 0).kept
            lock.withLock { if let one { kept.append(one) } }
        }
        let both = kept
        #expect(both.count == 2, "both are kept")
        #expect(both.filter { !$0.isDraft }.count == 1 && both.filter(\.isDraft).count == 1, "one sent, the other a draft")
    }

    @Test func draftsAreNeverTheAgencysAnswerAndSayItHasStarted() throws {
        var draft = try version()
        draft.record.makeDraft()
        let (kept, _) = try store.addFormVersion(draft.bytes, draft.record, base: 0)
        #expect(kept.isDraft && kept.goalsAnswered == 0 && kept.figuresGiven == 0)
        let (newest, merged) = try store.newestUploads(period: kept.periodID, as: .secretariat)
        #expect(newest[Self.agency] == nil && merged[Self.agency] == nil)
        #expect(try store.agenciesWithDrafts(period: kept.periodID) == [Self.agency])
        let audit = try store.auditLog(limit: 50).entries.map(\.action)
        #expect(audit.contains(.formDraft))
    }
}
