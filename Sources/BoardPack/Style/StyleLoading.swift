import Foundation
import ReportModel

extension Style {
    /// The style file at `path`, or the standard style when no path is given.
    public static func load(optionalPath path: String?) throws -> Style {
        try path.map { try load(contentsOf: URL(fileURLWithPath: $0)) } ?? .standard
    }

    /// Reads a style file, taking every setting it leaves out from `standard`.
    /// - Throws: `ReportProblems` naming the file and the setting, e.g. an unknown
    ///   `colours.headerFil` or a colour that is not `#RRGGBB`.
    public static func load(contentsOf url: URL) throws -> Style {
        let file = url.path
        func fail(_ path: String, _ message: String) -> ReportProblems {
            ReportProblems(file: file, problems: [ReportProblem(path: path, message: message)])
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw fail("", "cannot be read (\(SystemReason.of(error)))") }
        guard let overrides = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw fail("", "is not a JSON object")
        }
        let defaults = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Style.standard)) as! [String: Any]
        let merged = try merge(overrides, into: defaults, path: "", fail: fail)
        let style: Style
        do {
            style = try JSONDecoder().decode(Style.self, from: JSONSerialization.data(withJSONObject: merged))
        } catch let error as DecodingError {
            throw ReportProblems(file: file, problems: [ReportCoding.problem(from: error)])
        }
        let problems = style.colourProblems()
        if !problems.isEmpty { throw ReportProblems(file: file, problems: problems) }
        return style
    }

    /// Status colours may name new statuses; everything else must already exist in the default.
    private static func merge(
        _ overrides: [String: Any], into defaults: [String: Any], path: String,
        fail: (String, String) -> ReportProblems
    ) throws -> [String: Any] {
        var result = defaults
        // In order, so the same file is refused with the same setting every run.
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            let child = path.isEmpty ? key : "\(path).\(key)"
            guard let existing = defaults[key] else {
                if path == "statusColours" || path == "proposalColours" { result[key] = value; continue }
                throw fail(child, "is not a style setting")
            }
            if let nested = value as? [String: Any], let nestedDefault = existing as? [String: Any] {
                result[key] = try merge(nested, into: nestedDefault, path: child, fail: fail)
            } else {
                result[key] = value
            }
        }
        return result
    }

    private func colourProblems() -> [ReportProblem] {
        let mirror = Mirror(reflecting: colours)
        var colourSettings = mirror.children.compactMap { child in
            (child.value as? String).map { ("colours.\(child.label ?? "")", $0) }
        }
        for (group, colours) in [("statusColours", statusColours), ("proposalColours", proposalColours)] {
            for (name, colour) in colours.sorted(by: { $0.key < $1.key }) {
                colourSettings += [("\(group).\(name).fill", colour.fill), ("\(group).\(name).font", colour.font)]
            }
        }
        return colourSettings.compactMap { path, value in
            HexColour(value) == nil ? ReportProblem(path: path, message: "\"\(value)\" is not a colour (expected #RRGGBB)") : nil
        }
    }

    /// Fill and font of a status: the report's own colours, else this style's for that name.
    func colours(of status: Status) -> (fill: UInt32, font: UInt32) {
        let fallback = statusColours[status.name]
        let fill = (status.fill ?? fallback?.fill).flatMap(HexColour.init)?.rgb ?? 0xFFFFFF
        let font = (status.font ?? fallback?.font).flatMap(HexColour.init)?.rgb ?? 0x000000
        return (fill, font)
    }

    /// A colour setting already checked on load.
    func rgb(_ hex: String) -> UInt32 { HexColour(hex)?.rgb ?? 0 }
}

extension Style {
    /// The style as pretty-printed JSON with sorted keys, as in `templates/default-style.json`.
    public func encodedJSON() throws -> Data {
        var data = try ReportCoding.canonicalEncoder().encode(self)
        data.append(0x0A)
        return data
    }
}
