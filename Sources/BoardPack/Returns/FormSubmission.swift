import Foundation
import ReportModel

/// A return given on the portal's web form: the same answers a return workbook holds, as the
/// fields were filled in. Kept as its canonical JSON (keys sorted, pretty-printed), whose SHA-256
/// names it as a workbook's bytes name an upload; `boardpack check` and `merge` read such a file
/// (`AGENCY-form.json`) through the same rules as a workbook, so the command line gives what the
/// portal gave.
public struct FormSubmission: Codable, Equatable, Sendable {
    /// Says what the file is, so that a form is told from any other JSON.
    public static let marker = "boardpack return form"

    /// One goal's fields, as typed (nil where left empty).
    public struct GoalFields: Codable, Equatable, Sendable {
        public var id: String
        public var status: String?
        public var update: String?
        public var proposal: String?
        public var wording: String?

        public init(id: String, status: String? = nil, update: String? = nil, proposal: String? = nil, wording: String? = nil) {
            self.id = id
            self.status = status
            self.update = update
            self.proposal = proposal
            self.wording = wording
        }
    }

    /// One measure's fields, as typed.
    public struct MeasureFields: Codable, Equatable, Sendable {
        public var id: String
        public var value: String?
        public var note: String?

        public init(id: String, value: String? = nil, note: String? = nil) {
            self.id = id
            self.value = value
            self.note = note
        }
    }

    public var boardpack = FormSubmission.marker
    public var report: String
    public var period: String
    public var agency: String
    public var completedBy: String?
    public var date: String?
    public var goals: [GoalFields]
    public var measures: [MeasureFields]

    public init(report: String, period: String, agency: String, completedBy: String? = nil, date: String? = nil, goals: [GoalFields] = [], measures: [MeasureFields] = []) {
        self.report = report
        self.period = period
        self.agency = agency
        self.completedBy = completedBy
        self.date = date
        self.goals = goals
        self.measures = measures
    }

    /// The canonical JSON: the same answers always give the same bytes, and so the same SHA-256.
    public var bytes: [UInt8] {
        // Encoding strings and arrays of them cannot fail.
        var data = try! ReportCoding.canonicalEncoder().encode(self)
        data.append(0x0A)
        return [UInt8](data)
    }

    /// What some bytes are: a form, a form that cannot be read (with why), or not a form at all.
    public enum Reading: Sendable {
        case notAForm
        case form(FormSubmission)
        case unreadable(String)
    }

    /// Reads `bytes` as a form when they are one: JSON that says it is (`marker`).
    public static func reading(_ bytes: [UInt8]) -> Reading {
        guard let first = bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }), first == UInt8(ascii: "{") else { return .notAForm }
        let data = Data(bytes)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["boardpack"] as? String == marker else {
            return .notAForm
        }
        do {
            return .form(try JSONDecoder().decode(FormSubmission.self, from: data))
        } catch {
            return .unreadable("is a return form, but its fields cannot be read (\(Self.reason(error))); fill in the form again")
        }
    }

    private static func reason(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, _): return "no \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")) is not text"
        @unknown default: return "\(error)"
        }
    }

    /// The form's file name for an agency: "kent-probation-form.json" beside "kent-probation.xlsx".
    public static func fileName(of agency: Agency) -> String {
        let workbook = ReturnScope.fileName(of: agency)
        return String(workbook.dropLast(".xlsx".count)) + "-form.json"
    }

    /// The fields of an answer as a return read them: an upload's answers, to start the form with.
    public init(_ checked: CheckedReturn, report: Report) {
        self.init(report: report.id, period: report.period.label, agency: checked.agency?.id ?? "", completedBy: checked.completedBy, date: checked.date)
        for answer in checked.goals + checked.refusedGoals {
            goals.append(GoalFields(
                id: answer.goalID, status: answer.status, update: answer.update.isEmpty ? nil : Wording.paragraphs(answer.update),
                proposal: answer.proposal?.action.label, wording: answer.proposal?.wording))
        }
        measures = checked.measures.map { MeasureFields(id: $0.measureID, value: $0.value?.text, note: $0.note) }
    }
}

/// The names of the form's fields, as messages and the merged report's provenance say them:
/// "EE-3 status" where a workbook says "Goals!B9". One home, so that the page's labels, its
/// error summary and the checker's places agree.
public enum FormField {
    /// The parts of the form, as provenance names them.
    public static let goals = "Goals"
    public static let measures = "Measures"
    public static let signature = "Signature"

    public static func goal(_ id: String, _ field: ReturnLayout.GoalField) -> String {
        switch field {
        case .goal: "\(id) wording"
        case .status: "\(id) status"
        case .update: "\(id) update"
        case .proposal: "\(id) proposal"
        case .wording: "\(id) proposed wording"
        }
    }

    public static func value(_ id: String) -> String { "\(id) value" }
    public static func note(_ id: String) -> String { "\(id) note" }
    public static var completedBy: String { ReturnLayout.Signature.completedBy }
    public static var date: String { ReturnLayout.Signature.date }
}
