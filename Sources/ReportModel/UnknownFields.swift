import Foundation

/// Finds fields in report JSON that the model does not know, such as a misspelt `"staus"`.
///
/// Decoding ignores unknown keys, so a typo would silently drop data. Instead of listing every
/// field by hand, the decoded report is encoded again and the two trees are compared: any key in
/// the input that the re-encoded report lacks was not understood.
enum UnknownFields {
    static func find(in data: Data, decoded report: Report) -> [ReportProblem] {
        guard let input = try? JSONSerialization.jsonObject(with: data),
            let again = try? JSONSerialization.jsonObject(with: ReportCoding.encode(report))
        else { return [] }
        var problems: [ReportProblem] = []
        compare(input, again, path: "", into: &problems)
        return problems
    }

    private static func compare(_ input: Any, _ known: Any, path: String, into problems: inout [ReportProblem]) {
        if let object = input as? [String: Any], let knownObject = known as? [String: Any] {
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let knownValue = knownObject[key] {
                    compare(object[key]!, knownValue, path: child, into: &problems)
                } else if !isEmpty(object[key]!) && !isDefaultValueField(key, in: object) {
                    problems.append(ReportProblem(path: child, message: "is not a field of this report format"))
                }
            }
        } else if let list = input as? [Any], let knownList = known as? [Any], list.count == knownList.count {
            for (i, (a, b)) in zip(list, knownList).enumerated() {
                compare(a, b, path: "\(path)[\(i)]", into: &problems)
            }
        }
    }

    /// Null, empty lists and fields of a value object that merely restate what its text implies
    /// are dropped on encoding, so their absence is not a sign of a typo.
    private static func isEmpty(_ value: Any) -> Bool {
        if value is NSNull { return true }
        if let list = value as? [Any] { return list.isEmpty }
        return false
    }

    private static func isDefaultValueField(_ key: String, in object: [String: Any]) -> Bool {
        object["text"] != nil
            && ["number", "kind", "decimals", "grouped", "qualifier", "significant"].contains(key)
    }
}
