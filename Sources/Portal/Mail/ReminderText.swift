import BoardPack
import Foundation
import ReportModel

/// A reminder's words: what is due when, exactly what is still owed (goals by id and wording,
/// figures by id and name), and the agency's private link. Plain text, so that it reads the same
/// in any mail program and can be copied into one by hand.
struct ReminderText {
    let board: String
    let period: String
    let agency: Agency
    let people: [Contact]
    let owed: Owed
    let deadline: Deadline
    let now: Date
    let link: String
    let askWho: String?

    var subject: String {
        "Reminder: \(agency.name)'s return for \(period) is \(deadline.countdown(at: now))"
    }

    var body: String {
        let names = people.map(\.name)
        var lines = [
            names.isEmpty ? "Dear colleague," : "Dear \(Wording.list(names)),", "",
            "The \(board) asks \(agency.name) for its return for \(period), due \(deadline.wording) (\(deadline.countdown(at: now))).", "",
        ]
        if owed.nothingReceived {
            lines.append("We have not received a return we can take from \(agency.name) yet. It asks for:")
        } else {
            lines.append("Thank you for your return. These are still without an answer we can take:")
        }
        if !owed.goals.isEmpty {
            lines += ["", "Goals (a status and an update for each):"]
            lines += owed.goals.map { "- \($0.id): \($0.text)" }
        }
        if !owed.measures.isEmpty {
            lines += ["", "Figures:"]
            lines += owed.measures.map { "- \($0.id): \($0.name)" }
        }
        lines += [
            "", "Your private link, to download your return, upload it and see at once what we read from it:", link, "",
            "The link is for \(agency.name) only: please do not forward it.",
        ]
        if let askWho { lines.append("Questions about your return: \(askWho).") }
        lines += ["", "This reminder was sent by the \(board)'s returns portal."]
        return lines.joined(separator: "\n")
    }
}
