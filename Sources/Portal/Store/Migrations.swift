import GRDB

/// The database's shape, one migration per change, in the order they were made. A migration
/// once released is never edited: a new change is a new migration at the end.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 periods and links") { db in
            try db.create(table: "period") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("label", .text).notNull()
                t.column("reportID", .text).notNull()
                t.column("report", .blob).notNull()
                t.column("reportSHA256", .text).notNull()
                t.column("due", .text)
                t.column("contact", .text)
                t.column("openedAt", .datetime).notNull()
                t.column("closedAt", .datetime)
            }
            try db.create(table: "link") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("periodID", .integer).notNull().references("period")
                t.column("agencyID", .text).notNull()
                t.column("generation", .integer).notNull()
                t.column("tokenHash", .text).notNull().unique()
                t.column("issuedAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
                t.column("firstUsedAt", .datetime)
                t.column("lastUsedAt", .datetime)
                t.uniqueKey(["periodID", "agencyID", "generation"])
            }
        }
        migrator.registerMigration("2 uploads") { db in
            try db.create(table: "upload") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("periodID", .integer).notNull().references("period")
                t.column("agencyID", .text).notNull()
                t.column("source", .text).notNull()
                t.column("originalName", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("receivedAt", .datetime).notNull()
                t.column("uploadedBy", .text).notNull()
                t.column("address", .text)
                t.column("outcome", .text).notNull()
                t.column("usable", .boolean).notNull()
                t.column("completedBy", .text)
                t.column("dateCompleted", .text)
                t.column("goalsAnswered", .integer).notNull()
                t.column("goalsOwed", .integer).notNull()
                t.column("figuresGiven", .integer).notNull()
                t.column("figuresOwed", .integer).notNull()
                t.column("result", .blob).notNull()
            }
            try db.create(index: "upload_by_agency", on: "upload", columns: ["periodID", "agencyID", "id"])
        }
        migrator.registerMigration("3 sessions and the secretariat") { db in
            try db.create(table: "secretariat") { t in
                t.primaryKey("id", .integer)
                t.column("passwordHash", .text).notNull()
                t.column("setAt", .datetime).notNull()
            }
            try db.create(table: "setupLink") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tokenHash", .text).notNull().unique()
                t.column("issuedAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("usedAt", .datetime)
                t.column("revokedAt", .datetime)
            }
            try db.create(table: "session") { t in
                t.primaryKey("idHash", .text)
                t.column("kind", .text).notNull()
                t.column("periodID", .integer).references("period")
                t.column("agencyID", .text)
                t.column("linkID", .integer).references("link")
                t.column("setupID", .integer).references("setupLink")
                t.column("csrf", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
                t.column("address", .text)
            }
        }
        migrator.registerMigration("4 audit log") { db in
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("address", .text)
                t.column("sha256", .text)
                t.column("periodID", .integer)
                t.column("agencyID", .text)
            }
        }
        migrator.registerMigration("5 merges and settings") { db in
            try db.create(table: "merge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("periodID", .integer).notNull().references("period")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("uploadIDs", .text).notNull()
                t.column("lastUploadID", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("summary", .blob).notNull()
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("22 dates, contacts and mail") { db in
            // The period's dates as data: opens (the day it opened, unless changed) and closes.
            try db.alter(table: "period") { t in
                t.add(column: "opens", .text)
                t.add(column: "closes", .text)
            }
            try db.create(table: "extension") { t in
                t.column("periodID", .integer).notNull().references("period")
                t.column("agencyID", .text).notNull()
                t.column("until", .text).notNull()
                t.column("grantedAt", .datetime).notNull()
                t.primaryKey(["periodID", "agencyID"])
            }
            // An agency's contacts, by agency id (they outlive a period); first from the report.
            try db.create(table: "agencyContact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("agencyID", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("phone", .text)
            }
            try db.create(index: "agencyContact_by_agency", on: "agencyContact", columns: ["agencyID", "position"])
            // Every message the portal made: reminders (one step each, never sent twice) and receipts.
            try db.create(table: "mail") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("periodID", .integer).notNull().references("period")
                t.column("agencyID", .text).notNull()
                t.column("step", .integer)
                t.column("uploadID", .integer)
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("messageID", .text).notNull()
                t.column("state", .text).notNull()
                t.column("error", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("sentAt", .datetime)
            }
            // One reminder per agency and step that went (or was skipped): the database refuses a second.
            try db.execute(sql: "CREATE UNIQUE INDEX mail_once_per_step ON mail (periodID, agencyID, step) WHERE kind = 'reminder' AND state IN ('sending', 'sent', 'skipped')")
            // One digest a day (its step is the day's number).
            try db.execute(sql: "CREATE UNIQUE INDEX mail_digest_once_a_day ON mail (step) WHERE kind = 'digest' AND state IN ('sending', 'sent')")
        }
        return migrator
    }
}
