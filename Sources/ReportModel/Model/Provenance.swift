/// Where a merged value came from: the agency's return file and the cells it was read from, or
/// for an answer given on the portal's web form, the form and its fields.
///
/// A workbook's answer is written `{"file", "sha256", "sheet", "cells"}` (as it always was); a
/// form's `{"file", "sha256", "form", "fields"}`, where `sha256` is that of the submission's
/// canonical JSON.
public struct Provenance: Codable, Equatable, Sendable {
    /// The return's file name as given (no folder), e.g. "jppb.xlsx" or "jppb-form.json".
    public var file: String
    /// SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// The sheet read, for a workbook's answer.
    public var sheet: String?
    /// The cells read, e.g. ["G7", "H7"] (none for a form's answer).
    public var cells: [String]
    /// The form it was given on ("Goals", "Measures", "Signature"), for a web form's answer.
    public var form: String?
    /// The form's fields read, e.g. ["EE-3 status", "EE-3 update"].
    public var fields: [String]?

    public init(file: String, sha256: String, sheet: String, cells: [String]) {
        self.file = file
        self.sha256 = sha256
        self.sheet = sheet
        self.cells = cells
    }

    /// An answer given on a web form.
    public init(file: String, sha256: String, form: String, fields: [String]) {
        self.file = file
        self.sha256 = sha256
        self.cells = []
        self.form = form
        self.fields = fields
    }

    private enum CodingKeys: String, CodingKey { case file, sha256, sheet, cells, form, fields }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        sha256 = try c.decode(String.self, forKey: .sha256)
        form = try c.decodeIfPresent(String.self, forKey: .form)
        fields = try c.decodeIfPresent([String].self, forKey: .fields)
        // A workbook's provenance names its sheet; only a form's may leave it out.
        sheet = form == nil ? try c.decode(String.self, forKey: .sheet) : try c.decodeIfPresent(String.self, forKey: .sheet)
        cells = try c.decodeIfPresent([String].self, forKey: .cells) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        if let form {
            try c.encode(form, forKey: .form)
            try c.encode(fields ?? [], forKey: .fields)
            try c.encodeIfPresent(sheet, forKey: .sheet)
            if !cells.isEmpty { try c.encode(cells, forKey: .cells) }
        } else {
            try c.encode(sheet ?? "", forKey: .sheet)
            try c.encode(cells, forKey: .cells)
        }
    }

    /// Where in the file, as a message says it: "Goals!B9" (the first cell read, or the last)
    /// or "EE-3 status" (the first field read, or the last).
    public func place(last: Bool = false) -> String {
        if let form {
            let read = fields ?? []
            return (last ? read.last : read.first) ?? form
        }
        return "\(sheet ?? "")!\((last ? cells.last : cells.first) ?? "")"
    }
}

/// One lead agency's answer for a goal, as merged from its return. Co-led goals keep one per agency.
public struct GoalReturn: Codable, Equatable, Sendable {
    /// The agency's id.
    public var agency: String
    /// The period the answer was given for.
    public var period: String?
    public var status: String?
    @DefaultEmpty public var update: [String] = []
    /// For a plan-refresh stock take: what the agency proposes for the goal.
    public var proposal: Proposal?
    public var source: Provenance
    /// Why the answer was not accepted, in a few words ("no update"), for an answer that came
    /// and was refused by the check: it never sets the goal's status, but the board pack shows
    /// that it came. `status` then holds what was returned when it is one of the scheme's.
    public var refused: String?

    public init(
        agency: String, period: String? = nil, status: String?, update: [String], proposal: Proposal? = nil, source: Provenance,
        refused: String? = nil
    ) {
        self.agency = agency
        self.period = period
        self.status = status
        self.update = update
        self.proposal = proposal
        self.source = source
        self.refused = refused
    }
}

/// Where a headline figure for a period came from, with the agency's note.
public struct MeasureSource: Codable, Equatable, Sendable {
    public var period: String
    public var agency: String
    public var note: String?
    public var source: Provenance

    public init(period: String, agency: String, note: String? = nil, source: Provenance) {
        self.period = period
        self.agency = agency
        self.note = note
        self.source = source
    }
}

/// A return merged into the report: whose, for which period, who completed it and when.
public struct ReceivedReturn: Codable, Equatable, Sendable {
    /// The agency's id.
    public var agency: String
    public var period: String
    /// As typed on the return's Instructions sheet.
    public var completedBy: String?
    public var date: String?
    /// The file, its SHA-256 and where the two were read.
    public var source: Provenance

    public init(agency: String, period: String, completedBy: String?, date: String?, source: Provenance) {
        self.agency = agency
        self.period = period
        self.completedBy = completedBy
        self.date = date
        self.source = source
    }
}
