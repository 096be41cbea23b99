import Foundation

/// Reading and writing reports as JSON.
///
/// Output is pretty-printed with sorted keys so the same report always gives the same bytes and
/// a git diff shows only what changed. Input errors name the JSON path of the bad value.
public enum ReportCoding {
    public static func encode(_ report: Report) throws -> Data {
        var data = try CanonicalJSON.encode(report)
        data.append(0x0A)
        return data
    }

    /// Foundation's encoder with the settings of `encode`: the reference `CanonicalJSON`'s
    /// tests compare with.
    static func encodeInOnePass(_ report: Report) throws -> Data {
        var data = try canonicalEncoder().encode(report)
        data.append(0x0A)
        return data
    }

    /// The encoder of every JSON file and summary boardpack writes: pretty-printed, keys sorted,
    /// slashes as they are, so the same content always gives the same bytes.
    @Sendable public static func canonicalEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes and validates a report; `file` is used in messages only.
    /// - Throws: `ReportProblems` listing every problem with its path.
    public static func decode(_ data: Data, file: String) throws -> Report {
        let decoded = try decode(data, file: file, canonical: false)
        _ = try decoded.json.value()
        return decoded.report
    }

    /// Decodes and validates a report, and makes its canonical JSON (`encode(report)`) on the
    /// other core, for the check of unknown fields and for a board pack to embed.
    ///
    /// The report returned has passed every rule of `ReportValidator`; the check of unknown
    /// fields finishes on the other core, and `json.value()` throws its `ReportProblems` (a
    /// misspelt field, say) when there are any. So a caller may lay out the report meanwhile,
    /// but must collect `json` before it saves anything. The messages are the same as those of
    /// `decode`.
    public static func decodeKeepingJSON(_ data: Data, file: String) throws -> (report: Report, json: InParallel<Data>) {
        try decode(data, file: file, canonical: true)
    }

    /// - Parameter canonical: encode the report again as `encode` does (pretty, keys sorted),
    ///   to hand it on, from the same `EncodedTree` whose shape the fields are checked on;
    ///   otherwise `json` gives empty data.
    private static func decode(_ data: Data, file: String, canonical: Bool) throws -> (report: Report, json: InParallel<Data>) {
        // The shape of the JSON as given is read on the other core while the report is decoded.
        let given = InParallel { JSONShape(Array(data)) }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw ReportProblems(file: file, problems: [syntaxProblem(in: data)])
            }
            throw ReportProblems(file: file, problems: [problem(from: error)])
        }
        // Then the report is encoded again there while its rules are checked here.
        let json = InParallel { () throws -> Data in
            let tree = try EncodedTree.of(report)
            var json = Data()
            if canonical {
                json = try CanonicalJSON.encode(report, tree: tree)
                json.append(0x0A)
            }
            let unknown = UnknownFields.find(in: try given.value(), known: tree.shape)
            if !unknown.isEmpty { throw ReportProblems(file: file, problems: unknown) }
            return json
        }
        let invalid = ReportValidator(report).problems()
        if !invalid.isEmpty {
            // Every problem in one message: unknown fields first, as a reader goes down the file.
            var problems = invalid
            do { _ = try json.value() } catch let unknown as ReportProblems { problems = unknown.problems + invalid }
            throw ReportProblems(file: file, problems: problems)
        }
        return (report, json)
    }

    /// Reads and validates a report file.
    public static func load(contentsOf url: URL) throws -> Report {
        let loaded = try loadCheckingFieldsAside(contentsOf: url)
        _ = try loaded.fieldCheck.value()
        return loaded.report
    }

    /// Reads and validates a report file, with its canonical JSON (see `decodeKeepingJSON`:
    /// `json.value()` may still throw).
    public static func loadKeepingJSON(contentsOf url: URL) throws -> (report: Report, json: InParallel<Data>) {
        try decodeKeepingJSON(try read(url), file: url.path)
    }

    /// Reads a report file and checks it against every rule, while the check of unknown fields
    /// runs on the other core: `fieldCheck.value()` throws its problems, and must be collected
    /// before anything is saved (as `decodeKeepingJSON`'s `json`); its data is empty.
    public static func loadCheckingFieldsAside(contentsOf url: URL) throws -> (report: Report, fieldCheck: InParallel<Data>) {
        let (report, json) = try decode(try read(url), file: url.path, canonical: false)
        return (report, json)
    }

    private static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ReportProblems(
                file: url.path, problems: [ReportProblem(path: "", message: "cannot be read (\(SystemReason.of(error)))")])
        }
    }

    /// JSONDecoder does not say where JSON is malformed; JSONSerialization gives a character
    /// offset, which is turned into the line and column an editor shows.
    static func syntaxProblem(in data: Data) -> ReportProblem {
        var detail = "it is not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = text.range(of: "around character "),
                let offset = Int(text[range.upperBound...].prefix { $0.isNumber })
            {
                let (line, column) = lineAndColumn(ofByte: offset, in: data)
                detail = "invalid JSON at line \(line), column \(column)"
            } else if text.contains("end of file") {
                detail = "invalid JSON: the file ends before the JSON does"
            }
        }
        return ReportProblem(path: "", message: detail)
    }

    private static func lineAndColumn(ofByte offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// `themes[2].goals[3].status` for a decoder's coding path.
    public static func path(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }

    /// A decoding error as a problem at its JSON path.
    public static func problem(from error: DecodingError) -> ReportProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return ReportProblem(path: path(context.codingPath), message: "missing required field \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context):
            return ReportProblem(path: path(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return ReportProblem(path: path(context.codingPath), message: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return ReportProblem(path: "", message: "is not valid JSON (\(detail ?? context.debugDescription))")
            }
            return ReportProblem(path: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return ReportProblem(path: "", message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
            return "a value of type \(name)"
        }
    }
}
