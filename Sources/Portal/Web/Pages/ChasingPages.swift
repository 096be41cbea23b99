import BoardPack
import Foundation
import ReportModel

/// The secretariat's dates page: the period's dates, the reminder schedule, extensions.
struct DatesPage {
    struct ExtensionRow {
        var agency: String
        var until: String
    }

    struct AgencyChoice {
        var id: String
        var name: String
    }

    var chrome: Chrome
    var period: String
    var problem: String?
    var csrf: String
    var timeZone: String
    var today: String
    var opens: String
    var due: String
    var closes: String
    var schedule: String
    var scheduleWording: String
    var nextStep: String?
    var extensions: [ExtensionRow]
    var agencies: [AgencyChoice]
}

/// The contacts page: each agency's contacts as a form, with one empty row to add one.
struct ContactsPage {
    struct Row {
        var index: Int
        var prefix: String
        var legend: String
        var name: String
        var email: String
        var phone: String
    }

    struct AgencyContacts {
        var id: String
        var name: String
        var rows: [Row]
    }

    var chrome: Chrome
    var period: String
    var problem: String?
    var csrf: String
    var agencies: [AgencyContacts]

    static func rows(for agency: String, _ contacts: [Contact]) -> [Row] {
        (contacts.map(Optional.some) + [nil]).enumerated().map { index, contact in
            Row(
                index: index, prefix: "\(agency)-\(index)", legend: contact == nil ? "Add a contact" : "Contact \(index + 1)",
                name: contact?.name ?? "", email: contact?.email ?? "", phone: contact?.phone ?? "")
        }
    }
}

/// The reminders due, before they go: who gets each, what it says (editable), skip or send.
struct RemindersPage {
    struct Row {
        /// The agency's id: the form's fields are named after it.
        var id: String
        var agency: String
        var to: String?
        var subject: String
        var owes: String
        var body: String
        var mailto: String?
    }

    var chrome: Chrome
    var period: String
    var problem: String?
    var csrf: String
    var heading: String
    var note: String?
    var step: Int
    var mailer: Bool
    var reminders: [Row]

    /// What the agency owes, in a line: "its whole return (3 goals, 6 figures)" or "goals ACC-4, EE-8; figures ACC-M1".
    static func owes(_ owed: Owed) -> String {
        if owed.nothingReceived {
            let counts = [(owed.goals.count, "goal"), (owed.measures.count, "figure")].filter { $0.0 > 0 }.map { Wording.plural($0.0, $0.1) }
            return "its whole return (\(counts.joined(separator: ", ")))"
        }
        var parts: [String] = []
        if !owed.goals.isEmpty { parts.append((owed.goals.count == 1 ? "goal " : "goals ") + owed.goals.map(\.id).joined(separator: ", ")) }
        if !owed.measures.isEmpty { parts.append((owed.measures.count == 1 ? "figure " : "figures ") + owed.measures.map(\.id).joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// A mailto: link carrying the message, for a mail program when the portal has no mailer.
    static func mailto(_ reminder: Reminder) -> String? {
        guard !reminder.recipients.isEmpty else { return nil }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "mailto:" + reminder.recipients.map { encoded($0.email).replacingOccurrences(of: "%40", with: "@") }.joined(separator: ",")
            + "?subject=" + encoded(reminder.subject) + "&body=" + encoded(reminder.body.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}

/// The mail log: every message, its state and the mailer's error, a failed one retried from here.
struct MailLogPage {
    struct Entry {
        var id: Int64
        var subject: String
        var body: String
        var kind: String
        var agency: String
        var recipients: String
        var state: String
        var stateClass: String
        var error: String?
        var retryable: Bool
        var time: String
    }

    var chrome: Chrome
    var csrf: String
    var mailer: Bool
    var entries: [Entry]

    static func entry(_ mail: MailRecord, agencyName: String) -> Entry {
        let (state, cls): (String, String) = switch mail.state {
        case .sent: ("Sent", "tag-good")
        case .sending: ("Being sent", "tag-warn")
        case .failed: ("Not sent", "tag-bad")
        case .skipped: ("Skipped", "tag-none")
        }
        let kind = switch mail.kind {
        case .receipt: "Receipt"
        case .digest: "Daily digest"
        case .reminder: "Reminder, \(ReminderSchedule.name(mail.step ?? 0))"
        }
        return Entry(
            id: mail.id!, subject: mail.subject, body: mail.body, kind: kind, agency: agencyName, recipients: mail.recipients.isEmpty ? "nobody" : mail.recipients,
            state: state, stateClass: cls, error: mail.error, retryable: mail.state == .failed, time: Shown.time(mail.sentAt ?? mail.createdAt))
    }
}
