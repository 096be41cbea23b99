import Foundation

/// Links as `init`, `links` and `next` print them (and `--json`:
/// `{"secretariat": URL, "agencies": [{"agency", "id", "url"}]}`).
public struct IssuedLinks: Codable, Sendable, Equatable {
    public struct AgencyLink: Codable, Sendable, Equatable {
        /// The agency's name.
        public var agency: String
        public var id: String
        public var url: String
    }

    /// The one-time link to set the secretariat's password, when one was issued.
    public var secretariat: String?
    public var agencies: [AgencyLink]

    /// One line per link, for people.
    public var text: String {
        var lines: [String] = []
        if let secretariat { lines.append("Secretariat (one-time, to set the password): \(secretariat)") }
        let width = agencies.map(\.agency.count).max() ?? 0
        for link in agencies { lines.append(link.agency.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + link.url) }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)  // strings only: cannot fail
    }
}

/// Where the portal's pages are: "http://127.0.0.1:8080" plus a path.
public struct BaseURL: Sendable, Equatable {
    public let text: String

    /// Refuses anything but an http or https address with a host (links are mailed out as they are).
    public init(_ given: String) throws {
        var text = given
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil,
            url.query == nil, url.fragment == nil
        else { throw DataFolderProblem("--base-url \(given) is not a web address; give one like https://returns.example.org") }
        self.text = text
    }

    /// Cookies are marked Secure when pages are served over HTTPS.
    public var isHTTPS: Bool { text.lowercased().hasPrefix("https://") }

    public func agencyLink(_ token: String) -> String { "\(text)/r/\(token)" }
    public func setupLink(_ token: String) -> String { "\(text)/s/\(token)" }
}
