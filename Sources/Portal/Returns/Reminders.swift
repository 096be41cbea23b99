import BoardPack
import Foundation
import ReportModel

/// One agency's reminder of one step: who it goes to, what it owes, its link, and the text.
public struct Reminder: Sendable {
    public var agency: Agency
    public var step: Int
    /// The agency's contacts with an e-mail address; empty when it has none (it cannot be sent).
    public var recipients: [MailMessage.Address]
    public var owed: Owed
    /// The agency's current private link, as `boardpack portal links` prints it.
    public var link: String
    public var subject: String
    public var body: String
}

/// The reminders due on a day: the step of the schedule that day falls in, and one reminder per
/// agency that still owes something (`Owed`), may still upload, and has not had that step's
/// reminder (sent or skipped, as the store remembers across restarts).
public struct DueReminders: Sendable {
    public var period: PeriodRecord
    /// Days from the due date of the step due; nil when none is (no due date, or before the first).
    public var step: Int?
    public var deadline: Deadline?
    public var schedule: ReminderSchedule
    public var reminders: [Reminder]
    /// Agencies that owe something but have had this step's reminder already (or it was skipped).
    public var done: [String]
    /// Agencies that owe something but can no longer upload (the period closed for them).
    public var closed: [String]

    /// The reminders due at `now`, the board's date deciding the step.
    /// - Parameters:
    ///   - base: the address links are printed with (`serve --base-url`), else the data folder's.
    ///   - from: the secretariat's address, for the signature's "reply to".
    public static func at(_ now: Date, store: PortalStore, reports: PeriodReports, base: BaseURL? = nil) throws -> DueReminders {
        guard let period = try store.openPeriod() else { throw DataFolderProblem("\(store.folder.url.path): no period is open for returns") }
        let schedule = ReminderSchedule(try store.reminderSchedule().map(String.init).joined(separator: ",")) ?? .standard
        let deadline = period.due.flatMap(Deadline.init)
        let today = BoardDate.day(at: now)
        var due = DueReminders(period: period, step: nil, deadline: deadline, schedule: schedule, reminders: [], done: [], closed: [])
        guard let deadline, let step = schedule.step(due: deadline.day, today: today) else { return due }
        due.step = step
        let report = try reports.report(for: period)
        let merge = try PeriodMerge.of(period, store: store, reports: reports)
        let owing = Owed.of(merge, report: report)
        let doneAlready = try store.remindersDone(period: period.id!, step: step)
        let links = Dictionary(
            try PortalSetup.links(store: store, agency: nil, rotate: false, secretariat: false, base: base).agencies.map { ($0.id, $0.url) },
            uniquingKeysWith: { a, _ in a })
        let contacts = try store.contacts(as: .secretariat)
        let dates = PeriodDates(period)
        let extensions = try store.extensions(period: period.id!)
        for owed in owing {
            let id = owed.agency.id
            if doneAlready[id] != nil {
                due.done.append(owed.agency.name)
                continue
            }
            guard dates.accepting(on: today, extensionUntil: extensions[id]) else {
                due.closed.append(owed.agency.name)
                continue
            }
            let people = contacts[id] ?? []
            let text = ReminderText(
                board: report.board, period: period.label, agency: owed.agency, people: people, owed: owed, deadline: deadline, now: now,
                link: links[id] ?? "", askWho: period.contact ?? report.contact?.line)
            due.reminders.append(Reminder(
                agency: owed.agency, step: step, recipients: people.compactMap { p in p.email.map { MailMessage.Address(name: p.name, email: $0) } },
                owed: owed, link: links[id] ?? "", subject: text.subject, body: text.body))
        }
        return due
    }
}
