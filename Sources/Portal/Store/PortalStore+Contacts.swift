import BoardPack
import Foundation
import GRDB
import ReportModel

/// A change asked by someone the store does not let make it (an agency's session editing contacts).
public struct NotAllowed: Error, CustomStringConvertible, Sendable {
    public let description: String
}

extension PortalStore {
    /// Takes the report's contacts for each agency the portal has none for yet: the portal's copy
    /// is the live one (edited on the Contacts page) and outlives the period, so `next` never
    /// overwrites what the secretariat changed.
    public func addContacts(from report: Report, actor: String) throws {
        try database.write { db in
            for agency in report.agencies where !agency.contacts.isEmpty {
                let known = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agencyContact WHERE agencyID = ?", arguments: [agency.id]) ?? 0
                guard known == 0 else { continue }
                try insert(agency.contacts, for: agency.id, in: db)
                try record(AuditRecord(at: now, actor: actor, action: .contactsChanged, detail: "from the report: \(Self.described(agency.contacts))", agencyID: agency.id), in: db)
            }
        }
    }

    /// Every agency's contacts, by agency id: the secretariat's to read (and the mailer's).
    public func contacts(as viewer: Viewer) throws -> [String: [Contact]] {
        guard viewer == .secretariat else { throw NotAllowed(description: "only the secretariat reads every agency's contacts") }
        return try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT agencyID, name, email, phone FROM agencyContact ORDER BY agencyID, position")
            return Dictionary(grouping: rows, by: { $0["agencyID"] as String }).mapValues { rows in
                rows.map { Contact(name: $0["name"], email: $0["email"], phone: $0["phone"]) }
            }
        }
    }

    /// Replaces an agency's contacts; the secretariat only, each contact checked by `ContactRules`.
    public func setContacts(_ contacts: [Contact], agency: String, as viewer: Viewer, address: String?) throws {
        guard viewer == .secretariat else { throw NotAllowed(description: "only the secretariat changes an agency's contacts") }
        if let problem = contacts.lazy.flatMap(ContactRules.problems).first { throw NotAllowed(description: problem.message) }
        try database.write { db in
            try db.execute(sql: "DELETE FROM agencyContact WHERE agencyID = ?", arguments: [agency])
            try insert(contacts, for: agency, in: db)
            try record(AuditRecord(at: now, actor: "secretariat", action: .contactsChanged, detail: Self.described(contacts), address: address, agencyID: agency), in: db)
        }
    }

    private func insert(_ contacts: [Contact], for agency: String, in db: Database) throws {
        for (position, contact) in contacts.enumerated() {
            try db.execute(
                sql: "INSERT INTO agencyContact (agencyID, position, name, email, phone) VALUES (?, ?, ?, ?, ?)",
                arguments: [agency, position, contact.name, contact.email, contact.phone])
        }
    }

    static func described(_ contacts: [Contact]) -> String {
        contacts.isEmpty ? "no contacts" : contacts.map(\.line).joined(separator: "; ")
    }
}
