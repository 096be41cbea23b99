/// What an agency's contact must be for the portal to write to them or print them: a name, and
/// an e-mail address or a telephone number. One home for the rule, whether the contact comes
/// in a report (`ReportValidator`) or is typed on the portal's contacts page.
public enum ContactRules {
    /// The problems of one contact, each with the field it is about ("email") and a message.
    public static func problems(_ contact: Contact) -> [(field: String, message: String)] {
        var found: [(String, String)] = []
        if contact.name.trimmingCharacters(in: .whitespaces).isEmpty { found.append(("name", "a contact needs a name")) }
        if let email = contact.email, !isAddress(email) {
            found.append(("email", "\"\(email)\" is not an e-mail address (expected name@example.org, without spaces or <>)"))
        }
        if let phone = contact.phone, !isPhone(phone) {
            found.append(("phone", "\"\(phone)\" is not a telephone number (digits, spaces, + ( ) - only)"))
        }
        if (contact.email ?? "").isEmpty && (contact.phone ?? "").isEmpty {
            found.append(("email", "\(contact.name.isEmpty ? "a contact" : contact.name) has neither an e-mail address nor a telephone number; give one"))
        }
        for (field, text) in [("name", contact.name), ("email", contact.email ?? ""), ("phone", contact.phone ?? "")]
        where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            // A line break in a name or address would let it start a header of its own in a mail.
            found.append((field, "\(field) has a line break or other control character"))
        }
        return found
    }

    /// One plain address (local@domain.tld): what a mail's To: field can carry without quoting.
    /// Deliberately narrower than RFC 5322: no display names, comments or quoted local parts.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.utf8.count <= 254 else { return false }
        let local = parts[0], domain = parts[1]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~")
        guard local.allSatisfy(localAllowed.contains), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.allSatisfy { !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(labelAllowed.contains) && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    static func isPhone(_ text: String) -> Bool {
        let allowed = Set("0123456789 +()-.")
        return text.contains(where: \.isNumber) && text.allSatisfy(allowed.contains)
    }
}
