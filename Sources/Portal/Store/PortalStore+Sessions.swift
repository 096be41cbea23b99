import Foundation
import GRDB

extension SessionRecord {
    /// What this session may read in the store; nil for a setup session, which reads nothing.
    public var viewer: Viewer? {
        switch kind {
        case .agency: agencyID.flatMap { agency in periodID.map { .agency(id: agency, period: $0) } }
        case .secretariat: .secretariat
        case .setup: nil
        }
    }
}

/// How long a session lasts, from its start.
public enum SessionLifetime {
    /// An agency's browser stays in until the period closes or its link is rotated; a month at most.
    public static let agency: TimeInterval = 30 * 24 * 3600
    /// A working day.
    public static let secretariat: TimeInterval = 12 * 3600
    /// Time to choose a password.
    public static let setup: TimeInterval = 3600
    /// The one-time secretariat link.
    public static let setupLink: TimeInterval = 7 * 24 * 3600
}

extension PortalStore {
    /// Opens a session for the agency of `link` (which it marks as used): the cookie's value,
    /// never stored, and the session.
    /// - Parameter actor: who the audit log says opened it ("Kent Police (link)").
    public func openAgencySession(link: LinkRecord, actor: String, address: String?) throws -> (cookie: String, session: SessionRecord) {
        try database.write { db in
            var used = link
            used.firstUsedAt = link.firstUsedAt ?? now
            used.lastUsedAt = now
            try used.update(db)
            try record(AuditRecord(at: now, actor: actor, action: .linkUsed, detail: "generation \(link.generation)", address: address,
                periodID: link.periodID, agencyID: link.agencyID), in: db)
            return try insertSession(kind: .agency, periodID: link.periodID, agencyID: link.agencyID, linkID: link.id, setupID: nil,
                lifetime: SessionLifetime.agency, address: address, in: db)
        }
    }

    /// Opens a signed-in secretariat session.
    public func openSecretariatSession(address: String?) throws -> (cookie: String, session: SessionRecord) {
        try database.write { db in
            try insertSession(kind: .secretariat, periodID: nil, agencyID: nil, linkID: nil, setupID: nil,
                lifetime: SessionLifetime.secretariat, address: address, in: db)
        }
    }

    /// Opens a session that may only set the secretariat's password, from a one-time link.
    public func openSetupSession(setup: SetupLinkRecord, address: String?) throws -> (cookie: String, session: SessionRecord) {
        try database.write { db in
            try record(AuditRecord(at: now, actor: "secretariat", action: .setupLinkUsed, detail: "opened", address: address), in: db)
            return try insertSession(kind: .setup, periodID: nil, agencyID: nil, linkID: nil, setupID: setup.id,
                lifetime: SessionLifetime.setup, address: address, in: db)
        }
    }

    private func insertSession(
        kind: SessionRecord.Kind, periodID: Int64?, agencyID: String?, linkID: Int64?, setupID: Int64?, lifetime: TimeInterval,
        address: String?, in db: Database
    ) throws -> (cookie: String, session: SessionRecord) {
        let cookie = Tokens.random()
        let session = SessionRecord(
            idHash: Tokens.hash(cookie), kind: kind, periodID: periodID, agencyID: agencyID, linkID: linkID, setupID: setupID,
            csrf: Tokens.random(), createdAt: now, expiresAt: now.addingTimeInterval(lifetime), address: address)
        try session.insert(db)
        return (cookie, session)
    }

    /// The session a cookie names, if it still counts: not expired, and for an agency its link
    /// not rotated and its period open; for a setup session its link not used since.
    public func session(cookie: String) throws -> SessionRecord? {
        guard Tokens.isWellFormed(cookie[...]) else { return nil }
        return try database.read { db in
            try SessionRecord.fetchOne(db, sql: """
                SELECT session.* FROM session
                LEFT JOIN link ON link.id = session.linkID
                LEFT JOIN period ON period.id = session.periodID
                LEFT JOIN setupLink ON setupLink.id = session.setupID
                WHERE session.idHash = ? AND session.expiresAt > ?
                  AND (session.kind = 'secretariat'
                    OR (session.kind = 'agency' AND link.id IS NOT NULL AND link.revokedAt IS NULL AND period.closedAt IS NULL)
                    OR (session.kind = 'setup' AND setupLink.usedAt IS NULL AND setupLink.revokedAt IS NULL AND setupLink.expiresAt > ?))
                """, arguments: [Tokens.hash(cookie), now, now])
        }
    }

    /// Ends a session (signing out): its cookie opens nothing any more.
    public func endSession(_ session: SessionRecord, address: String?) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE session SET expiresAt = ? WHERE idHash = ?", arguments: [now, session.idHash])
            if session.kind == .secretariat {
                try record(AuditRecord(at: now, actor: "secretariat", action: .signOut, detail: "", address: address), in: db)
            }
        }
    }

    // MARK: - The secretariat

    /// Issues a one-time link to set the secretariat's password; earlier unused ones stop working.
    public func issueSetupLink(actor: String) throws -> String {
        let token = Tokens.random()
        try database.write { db in
            try db.execute(sql: "UPDATE setupLink SET revokedAt = ? WHERE usedAt IS NULL AND revokedAt IS NULL", arguments: [now])
            var link = SetupLinkRecord(id: nil, tokenHash: Tokens.hash(token), issuedAt: now, expiresAt: now.addingTimeInterval(SessionLifetime.setupLink))
            try link.insert(db)
            try record(AuditRecord(at: now, actor: actor, action: .setupLinkIssued, detail: "one-time, for setting the password"), in: db)
        }
        return token
    }

    /// The one-time link a token opens, while it still works.
    public func setupLink(token: String) throws -> SetupLinkRecord? {
        guard Tokens.isWellFormed(token[...]) else { return nil }
        return try database.read { db in
            try SetupLinkRecord.filter(Column("tokenHash") == Tokens.hash(token) && Column("usedAt") == nil && Column("revokedAt") == nil
                && Column("expiresAt") > now).fetchOne(db)
        }
    }

    /// Sets the secretariat's password (a bcrypt hash); the setup link it came through is used up.
    public func setPassword(hash: String, setupID: Int64?, address: String?) throws {
        try database.write { db in
            try SecretariatRecord(passwordHash: hash, setAt: now).save(db)
            if let setupID { try db.execute(sql: "UPDATE setupLink SET usedAt = ? WHERE id = ?", arguments: [now, setupID]) }
            try record(AuditRecord(at: now, actor: "secretariat", action: .passwordSet, detail: "", address: address), in: db)
        }
    }

    /// The secretariat's password hash; nil until one is set.
    public func passwordHash() throws -> String? {
        try database.read { db in try SecretariatRecord.fetchOne(db, key: 1)?.passwordHash }
    }
}
