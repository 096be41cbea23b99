import BoardPack
import Foundation
import Hummingbird
import ReportModel

/// The secretariat's page of agencies' contacts: each agency's as a form; every change checked
/// by `ContactRules` (the rule the report's validator uses) and allowed by the store to the
/// secretariat only.
struct ContactsController {
    let portal: PortalSite
    /// Rows a form may carry: the contacts an agency has, and one to add.
    static let largestRows = 20

    func addRoutes(to group: RouterGroup<PortalContext>) {
        group.get("", use: page)
        group.post(":agency", use: save)
    }

    @Sendable func page(_ request: Request, context: PortalContext) async throws -> Response {
        try render(context, problem: nil, typed: nil)
    }

    private func render(_ context: PortalContext, problem: String?, typed: (agency: String, contacts: [Contact])?) throws -> Response {
        let session = try context.secretariatSession()
        let (period, report) = try portal.openPeriod()
        let contacts = try portal.store.contacts(as: .secretariat)
        let page = ContactsPage(
            chrome: .secretariat("Contacts", board: report.board, csrf: session.csrf, current: "/secretariat/contacts"),
            period: period.label, problem: problem, csrf: session.csrf,
            agencies: report.agencies.map { agency in
                let shown = typed?.agency == agency.id ? typed!.contacts : contacts[agency.id] ?? []
                return ContactsPage.AgencyContacts(id: agency.id, name: agency.name, rows: ContactsPage.rows(for: agency.id, shown))
            })
        return portal.pages.response(page, template: "contacts", status: problem == nil ? .ok : .unprocessableContent)
    }

    @Sendable func save(_ request: Request, context: PortalContext) async throws -> Response {
        _ = try context.secretariatSession()
        let (_, report) = try portal.openPeriod()
        guard let id = context.parameters.get("agency"), let agency = report.agencies.first(where: { $0.id == id }) else { throw PageError.notFound }
        let form = FormMiddleware.fields(in: context.form ?? "")
        var contacts: [Contact] = []
        for i in 0..<Self.largestRows {
            func field(_ name: String) -> String? {
                let text = form["\(name)-\(i)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                return text.isEmpty ? nil : text
            }
            let name = field("name"), email = field("email"), phone = field("phone")
            if name == nil && email == nil && phone == nil { continue }
            contacts.append(Contact(name: name ?? "", email: email, phone: phone))
        }
        for (n, contact) in contacts.enumerated() {
            if let problem = ContactRules.problems(contact).first {
                let field = ["name": "Name", "email": "E-mail", "phone": "Telephone"][problem.field] ?? problem.field
                return try render(context, problem: "\(agency.name), contact \(n + 1), \(field): \(problem.message).", typed: (agency.id, contacts))
            }
        }
        try portal.store.setContacts(contacts, agency: agency.id, as: context.viewer ?? .agency(id: "", period: 0), address: context.address)
        return redirect(to: "/secretariat/contacts#agency-\(agency.id)")
    }
}
