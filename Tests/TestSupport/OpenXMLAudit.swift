import Foundation

/// Workbooks checked against the Office Open XML schemas by openxml-audit (PyPI), the check
/// Excel makes before it offers to "repair" a file, without Excel.
public enum OpenXMLAudit {
    /// Every workbook under `folder` checked in one run of the validator (starting it costs more
    /// than checking a file): each file's findings ("/xl/worksheets/sheet1.xml: Unexpected
    /// element 'x' found"), by its path relative to `folder`; a valid file has none.
    public static func findings(in folder: URL, format: String = "office2016") throws -> [String: [String]] {
        let output: String
        do {
            output = String(decoding: try run(
                "/usr/bin/env", ["python3", "-m", "openxml_audit", "--format", format, "--output", "json", "--max-errors", "0", "--recursive", folder.path]),
                as: UTF8.self)
        } catch let failure as ProcessFailure where failure.status == 1 && failure.standardOutput.hasPrefix("[") {
            output = failure.standardOutput  // it exits 1 when any file has findings
        } catch let failure as ProcessFailure {
            throw InspectorError("openxml-audit did not run (bash .ci/install-deps --tests installs it): \(failure.standardError)")
        }
        guard let files = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] else {
            throw InspectorError("openxml-audit printed \(output.prefix(200))")
        }
        let root = folder.standardizedFileURL.path + "/"
        var out: [String: [String]] = [:]
        for file in files {
            let path = (file["file"] as? String ?? "?").replacingOccurrences(of: root, with: "")
            let listed = (file["errors"] as? [[String: Any]] ?? []) + (file["warnings"] as? [[String: Any]] ?? [])
            var findings = listed.map { "\($0["part_uri"] as? String ?? ""): \($0["description"] as? String ?? "\($0)")" }
            // Counted but not listed (a limit, or a kind this reading does not know) still counts.
            let counted = (file["error_count"] as? Int ?? 0) + (file["warning_count"] as? Int ?? 0)
            if counted > findings.count { findings.append("\(counted - findings.count) more findings not listed") }
            if file["valid"] as? Bool != true && findings.isEmpty { findings.append("not valid: \(file["verdict"] ?? "")") }
            out[path] = findings
        }
        return out
    }
}
