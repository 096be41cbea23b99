import Foundation

/// Reading and writing reports as JSON.
///
/// Output is pretty-printed with sorted keys so the same report always gives the same bytes and
/// a git diff shows only what changed. Input errors name the JSON path of the bad value.
public enum ReportCoding {
    public static func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    /// Decodes and validates a report; `file` is used in messages only.
    /// - Throws: `ReportProblems` listing every problem with its path.
    public static func decode(_ data: Data, file: String) throws -> Report {
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: data)
        } catch let error as DecodingError {
            throw ReportProblems(file: file, problems: [problem(from: error)])
        }
        var problems = UnknownFields.find(in: data, decoded: report)
        problems += ReportValidator(report).problems()
        if !problems.isEmpty { throw ReportProblems(file: file, problems: problems) }
        return report
    }

    /// Reads and validates a report file.
    public static func load(contentsOf url: URL) throws -> Report {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportProblems(
                file: url.path, problems: [ReportProblem(path: "", message: "cannot be read (\(reason(error)))")])
        }
        return try decode(data, file: url.path)
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
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
