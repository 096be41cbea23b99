import BoardPack
import Foundation
import ReportModel

/// An upload checked against its period's report for the agency it was meant for, by the
/// same checker as `boardpack check`, and the row that keeps it.
public enum UploadCheck {
    /// The largest file the portal takes: a return is well under 1 MB; 20 MB leaves room for
    /// one saved with pictures, and bounds what one request can make the server hold.
    public static let largestFile = 20 * 1024 * 1024

    /// What the check makes of a return, from the worst.
    public static func outcome(of checked: CheckedReturn) -> UploadOutcome {
        if checked.refused || checked.agency == nil { return .refused }
        if checked.isBlank { return .blank }
        if checked.problems.contains(where: { $0.weight == .refused }) { return .mustFix }
        return checked.problems.isEmpty ? .received : .toLookAt
    }

    /// Checks `bytes` as a return from `agency` and makes the upload's row (not yet stored).
    /// - Parameters:
    ///   - name: the file's name as the sender's computer gave it (see `FileName.cleaned`).
    public static func check(
        _ bytes: [UInt8], name: String, agency: String, period: PeriodRecord, checker: ReturnChecker, source: UploadSource,
        uploadedBy: String, address: String?, at time: Date
    ) -> UploadRecord {
        let checked = checker.check(OpenedReturn(bytes: bytes, name: name, path: name), from: agency)
        let scope = ReturnScope.all(in: checker.report, only: agency)
        return UploadRecord(
            id: nil, periodID: period.id!, agencyID: agency, source: source, originalName: name, size: bytes.count,
            sha256: checked.sha256, receivedAt: time, uploadedBy: uploadedBy, address: address, outcome: outcome(of: checked),
            usable: checked.isUsable, completedBy: checked.completedBy, dateCompleted: checked.date,
            goalsAnswered: checked.isUsable ? checked.goals.count : 0, goalsOwed: scope?.goals.count ?? 0,
            figuresGiven: checked.isUsable ? checked.measures.count { $0.value != nil } : 0, figuresOwed: scope?.measures.count ?? 0,
            result: UploadResult(checked).encoded())
    }
}

extension ReturnScope {
    /// What one agency is asked for; nil when it is asked for nothing.
    static func all(in report: Report, only agency: String) -> ReturnScope? {
        (try? all(in: report, only: agency, file: ""))?.first
    }
}

/// The name a browser sent with a file, kept only as text to show and to name the return in
/// messages: the last part of any path (some browsers send C:\fakepath\...), no control
/// characters, at most 200 characters. Never used to name a file on the disk.
public enum FileName {
    public static func cleaned(_ sent: String) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let visible = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let trimmed = visible.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "return.xlsx" : String(trimmed.prefix(200))
    }
}
