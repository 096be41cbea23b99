import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// The secretariat's dates: the period's opens, due and closes, the reminder schedule, and
/// extensions for an agency after the period closes. Every change is in the audit log.
struct DatesController {
    let portal: PortalSite

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("", use: page)
        group.post("", use: saveDates)
        group.post("schedule", use: saveSchedule)
        group.post("extension", use: giveExtension)
    }

    @Sendable func page(_ request: Request, context: PortalContext) async throws -> Response {
        try render(context, problem: nil)
    }

    private func render(_ context: PortalContext, problem: String?, typed: [String: String] = [:]) throws -> Response {
        let session = try context.secretariatSession()
        let (period, report) = try portal.openPeriod()
        let dates = PeriodDates(period)
        let schedule = try ReminderSchedule(portal.store.reminderSchedule().map(String.init).joined(separator: ",")) ?? .standard
        let names = Dictionary(report.agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let now = portal.store.now
        var nextStep: String?
        if let due = dates.due {
            let today = BoardDate.day(at: now)
            if let next = schedule.offsets.first(where: { BoardDate.day($0, after: due) > today }) {
                nextStep = "The next, \(ReminderSchedule.name(next)), is due \(Deadline(day: BoardDate.day(next, after: due)).wording)."
            }
        }
        let page = DatesPage(
            chrome: .secretariat("Dates and reminders, \(period.label)", board: report.board, csrf: session.csrf, current: "/secretariat/dates"),
            period: period.label, problem: problem, csrf: session.csrf, timeZone: TimeZone.current.identifier, today: Deadline(day: BoardDate.day(at: now)).wording,
            opens: typed["opens"] ?? dates.opens?.description ?? "", due: typed["due"] ?? dates.due?.description ?? "",
            closes: typed["closes"] ?? dates.closes?.description ?? "", schedule: typed["schedule"] ?? schedule.offsets.map(String.init).joined(separator: ", "),
            scheduleWording: schedule.wording, nextStep: nextStep,
            extensions: try portal.store.extensions(period: period.id!).sorted { $0.key < $1.key }.map {
                DatesPage.ExtensionRow(agency: names[$0.key] ?? $0.key, until: Deadline(day: $0.value).wording)
            },
            agencies: ReturnScope.all(in: report).map { DatesPage.AgencyChoice(id: $0.agency.id, name: $0.agency.name) })
        return portal.pages.response(page, template: "dates", status: problem == nil ? .ok : .unprocessableContent)
    }

    @Sendable func saveDates(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let (period, _) = try portal.openPeriod()
        let form = FormMiddleware.fields(in: context.form ?? "")
        do {
            let dates = try PeriodDates.reading(opens: form["opens"], due: form["due"], closes: form["closes"], names: ("Opens", "Due", "Closes"))
            try portal.store.setDates(period: period.id!, dates, actor: "secretariat", address: context.address)
        } catch let problem as DatesProblem {
            return try render(context, problem: problem.description, typed: form)
        }
        return redirect(to: "/secretariat/dates")
    }

    @Sendable func saveSchedule(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let form = FormMiddleware.fields(in: context.form ?? "")
        do {
            try portal.store.setReminderSchedule(try ReminderSchedule.reading(form["schedule"] ?? ""), address: context.address)
        } catch let problem as DatesProblem {
            return try render(context, problem: problem.description, typed: form)
        }
        return redirect(to: "/secretariat/dates")
    }

    @Sendable func giveExtension(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let (period, report) = try portal.openPeriod()
        let form = FormMiddleware.fields(in: context.form ?? "")
        guard let agency = form["agency"], ReturnScope.all(in: report).contains(where: { $0.agency.id == agency }) else {
            return try render(context, problem: "Agency: choose the agency the extension is for.")
        }
        guard let text = form["until"], let until = Day(reading: text) else {
            return try render(context, problem: "May upload until: \"\(form["until"] ?? "")\" is not a date; give it as 2013-07-26.")
        }
        if let closes = PeriodDates(period).closes, until <= closes {
            return try render(context, problem: "May upload until: \(until) is not after the period closes (\(closes)); an extension must give more time.")
        }
        try portal.store.giveExtension(period: period.id!, agency: agency, until: until, actor: "secretariat", address: context.address)
        return redirect(to: "/secretariat/dates")
    }
}
