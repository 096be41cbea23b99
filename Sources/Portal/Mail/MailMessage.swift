import Foundation

/// One e-mail as RFC 5322 and MIME want it: a Date, a Message-ID, the subject and display
/// names as UTF-8 encoded-words when they are not plain ASCII, and a plain-text UTF-8 body
/// sent quoted-printable (readable where it is ASCII, safe through any relay: no line over 76
/// characters, no bare 8-bit byte). Lines end in LF: the message goes to a sendmail command,
/// which speaks SMTP's CRLF itself.
public struct MailMessage: Sendable, Equatable {
    public struct Address: Sendable, Equatable {
        public var name: String?
        public var email: String

        public init(name: String? = nil, email: String) {
            self.name = name
            self.email = email
        }
    }

    public var from: Address
    public var to: [Address]
    public var replyTo: Address?
    public var subject: String
    public var body: String
    public var date: Date
    /// "<uuid@host>", unique to this message: the log and the recipient's reply both name it.
    public var messageID: String

    public init(from: Address, to: [Address], replyTo: Address? = nil, subject: String, body: String, date: Date, messageID: String? = nil) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.body = body
        self.date = date
        let host = from.email.split(separator: "@").last.map(String.init) ?? "boardpack.invalid"
        self.messageID = messageID ?? "<\(UUID().uuidString.lowercased())@\(host)>"
    }

    /// The whole message, headers and body, as handed to `sendmail -t`.
    public var rfc5322: String {
        var headers = [
            "Date: \(Self.dateText(date))",
            "From: \(Self.header(from))",
            "To: \(to.map(Self.header).joined(separator: ",\n "))",
        ]
        if let replyTo { headers.append("Reply-To: \(Self.header(replyTo))") }
        headers += [
            "Subject: \(Self.encodedWords(Self.oneLine(subject), prefix: "Subject: ".count))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\n") + "\n\n" + Self.quotedPrintable(body) + "\n"
    }

    /// "Fri, 05 Jul 2013 09:00:00 +0100": RFC 5322's date, in the board's time zone.
    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// `"Name" <address>`, or `=?UTF-8?B?...?= <address>` for a name that is not plain ASCII;
    /// the address on a line of its own when both would not fit on one.
    static func header(_ address: Address) -> String {
        guard let name = address.name.map(oneLine), !name.isEmpty else { return "<\(address.email)>" }
        let phrase: String
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) && name.count < 60 {
            phrase = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        } else {
            phrase = encodedWords(name, prefix: 0, alwaysEncode: true)
        }
        let last = phrase.split(separator: "\n").last.map(\.count) ?? 0
        return phrase + (last + address.email.count + 3 > 70 ? "\n <" : " <") + address.email + ">"
    }

    /// Text for a header: a line break or other control character would end the header (and
    /// could start another, "Bcc:"), so each becomes a space.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// A header's text, no line over 76 characters: plain printable ASCII folded at its spaces;
    /// anything else as RFC 2047 encoded-words (base64 of UTF-8, never splitting a character),
    /// one per line. `prefix`: the characters before it on the first line ("Subject: ").
    static func encodedWords(_ text: String, prefix: Int, alwaysEncode: Bool = false) -> String {
        let plain = !alwaysEncode && text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        if plain && !text.split(separator: " ", omittingEmptySubsequences: false).contains(where: { $0.count > 70 }) {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            var lines: [String] = [], line = words[0]
            for word in words.dropFirst() {
                // Folding puts a line break before a space: unfolded, the text is as it was.
                if !line.isEmpty && (lines.isEmpty ? prefix : 1) + line.count + 1 + word.count > 76 {
                    lines.append(line)
                    line = word
                } else {
                    line += " " + word
                }
            }
            lines.append(line)
            return lines.joined(separator: "\n ")
        }
        // 36 bytes of UTF-8 are 48 base64 characters: "=?UTF-8?B?" + 48 + "?=" is 60, room for "Subject: ".
        var words: [[UInt8]] = [], chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 36 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }.joined(separator: "\n ")
    }

    /// Quoted-printable (RFC 2045): `=` and bytes outside printable ASCII as =XX, a space or tab
    /// before a line's end encoded, lines longer than 76 broken with a soft break ("=").
    static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line -> String in
            let bytes = Array(line.utf8)
            var out = "", width = 0
            for (i, byte) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let token: String
                if (byte == 0x20 || byte == 0x09) && last {
                    token = String(format: "=%02X", byte)
                } else if byte == 0x3D || byte < 0x20 && byte != 0x09 || byte > 0x7E {
                    token = String(format: "=%02X", byte)
                } else {
                    token = String(UnicodeScalar(byte))
                }
                // Keep room for the soft break's "=" unless this is the line's last token.
                if width + token.count > (last ? 76 : 75) {
                    out += "=\n"
                    width = 0
                }
                out += token
                width += token.count
            }
            return out
        }.joined(separator: "\n")
    }
}
