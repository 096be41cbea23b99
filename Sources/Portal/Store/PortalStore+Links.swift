import Foundation
import GRDB

extension PortalStore {
    /// The link's token, derived again from the link secret (never stored).
    public func token(of link: LinkRecord) -> String {
        secret.token(agency: link.agencyID, period: link.periodID, generation: link.generation)
    }

    func issueLink(period: Int64, agency: String, generation: Int, actor: String, action: AuditAction, in db: Database) throws -> LinkRecord {
        let token = secret.token(agency: agency, period: period, generation: generation)
        var link = LinkRecord(
            id: nil, periodID: period, agencyID: agency, generation: generation, tokenHash: Tokens.hash(token), issuedAt: now,
            revokedAt: nil, firstUsedAt: nil, lastUsedAt: nil)
        try link.insert(db)
        try record(AuditRecord(at: now, actor: actor, action: action, detail: "generation \(generation)", periodID: period, agencyID: agency), in: db)
        return link
    }

    /// The links that work now in `period`, one per agency.
    public func currentLinks(period: Int64) throws -> [LinkRecord] {
        try database.read { db in
            try LinkRecord.filter(Column("periodID") == period && Column("revokedAt") == nil).order(Column("id")).fetchAll(db)
        }
    }

    /// Replaces the agencies' links with new ones: the old ones, and every session they opened,
    /// stop working at once.
    public func rotateLinks(period: Int64, agencies: [String], actor: String) throws -> [LinkRecord] {
        try database.write { db in
            var issued: [LinkRecord] = []
            for agency in agencies {
                let current = try LinkRecord.filter(Column("periodID") == period && Column("agencyID") == agency && Column("revokedAt") == nil).fetchAll(db)
                for var link in current {
                    link.revokedAt = now
                    try link.update(db)
                }
                let generation = (try Int.fetchOne(db, sql: "SELECT MAX(generation) FROM link WHERE periodID = ? AND agencyID = ?", arguments: [period, agency]) ?? 0) + 1
                try record(AuditRecord(at: now, actor: actor, action: .linkRotated, detail: "generation \(generation - 1) stopped", periodID: period, agencyID: agency), in: db)
                issued.append(try issueLink(period: period, agency: agency, generation: generation, actor: actor, action: .linkIssued, in: db))
            }
            return issued
        }
    }

    /// The link a token opens: one that has not been rotated, of a period still open. Nil for
    /// anything else, whatever the reason (unknown, rotated, closed), so that every refusal
    /// looks the same from outside.
    public func link(token: String) throws -> LinkRecord? {
        guard Tokens.isWellFormed(token[...]) else { return nil }
        return try database.read { db in
            try LinkRecord.fetchOne(db, sql: """
                SELECT link.* FROM link JOIN period ON period.id = link.periodID
                WHERE link.tokenHash = ? AND link.revokedAt IS NULL AND period.closedAt IS NULL
                """, arguments: [Tokens.hash(token)])
        }
    }
}
