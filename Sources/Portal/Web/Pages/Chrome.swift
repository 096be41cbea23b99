import Foundation

/// What every page shows around its content: the title, the board, who is signed in (with the
/// sign-out form's token) and, for the secretariat, its navigation.
struct Chrome {
    struct SignedIn {
        var who: String
        var csrf: String
    }

    struct NavLink {
        var label: String
        var href: String
        var current: Bool
    }

    var title: String
    var board: String?
    var signedIn: SignedIn?
    var nav: [NavLink] = []
    /// A page meant to be printed (the receipt) leaves out the masthead's controls.
    var printable = false

    /// The secretariat's pages, in its order of work.
    static let secretariatPages = [
        ("Completeness", "/secretariat"), ("Dates", "/secretariat/dates"), ("Contacts", "/secretariat/contacts"), ("Reminders", "/secretariat/reminders"),
        ("Merge and download", "/secretariat/merge"), ("Mail log", "/secretariat/mail"), ("Audit log", "/secretariat/audit"),
    ]

    static func plain(_ title: String, board: String? = nil) -> Chrome { Chrome(title: title, board: board) }

    static func agency(_ title: String, board: String, agency: String, csrf: String) -> Chrome {
        Chrome(title: title, board: board, signedIn: SignedIn(who: agency, csrf: csrf))
    }

    static func secretariat(_ title: String, board: String?, csrf: String, current: String) -> Chrome {
        Chrome(
            title: title, board: board, signedIn: SignedIn(who: "Secretariat", csrf: csrf),
            nav: secretariatPages.map { NavLink(label: $0.0, href: $0.1, current: $0.1 == current) })
    }
}

/// Dates and sizes as a page says them.
enum Shown {
    /// "12 July 2013, 14:05", in the server's time zone.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = .current
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
        return formatter.string(from: date)
    }

    /// "23.4 KB (23,961 bytes)".
    static func size(_ bytes: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.numberStyle = .decimal
        let grouped = formatter.string(from: NSNumber(value: bytes)) ?? String(bytes)
        let plainBytes = "\(grouped) byte\(bytes == 1 ? "" : "s")"
        if bytes < 1024 { return plainBytes }
        let kb = Double(bytes) / 1024
        let short = kb < 1024 ? String(format: "%.1f KB", kb) : String(format: "%.1f MB", kb / 1024)
        return "\(short) (\(plainBytes))"
    }

    /// The first words of an update, for a table: up to `limit` characters, cut at a space.
    static func start(of paragraphs: [String], limit: Int = 160) -> String {
        let text = paragraphs.joined(separator: " ")
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    /// A class for a status's colour; the status is always written out as well.
    static func statusClass(_ status: String?) -> String {
        switch status?.lowercased() {
        case "red": "status-red"
        case "amber": "status-amber"
        case "green": "status-green"
        case nil: "status-none"
        default: "status-other"
        }
    }
}
