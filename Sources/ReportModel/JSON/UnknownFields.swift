import Foundation

/// Finds fields in report JSON that the model does not know, such as a misspelt `"staus"`.
///
/// Decoding ignores unknown keys, so a typo would silently drop data. Instead of listing every
/// field by hand, the decoded report is encoded again (to its `EncodedTree`, whose shape is taken) and the two
/// trees are compared: any key in the input that the re-encoded report lacks was not understood.
enum UnknownFields {
    /// - Parameters:
    ///   - given: the shape of the report's JSON as given (nil if it could not be read).
    ///   - known: the shape of the decoded report encoded again.
    static func find(in given: JSONShape?, known: JSONShape) -> [ReportProblem] {
        guard let given else { return [] }
        var problems: [ReportProblem] = []
        compare(given, known, path: "", into: &problems)
        return problems
    }

    private static func compare(_ input: JSONShape, _ known: JSONShape, path: String, into problems: inout [ReportProblem]) {
        switch (input, known) {
        case (.object(let object), .object(let knownObject)):
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let knownValue = knownObject[key] {
                    compare(object[key]!, knownValue, path: child, into: &problems)
                } else if !isEmpty(object[key]!) && !isDefaultValueField(key, in: object) {
                    problems.append(ReportProblem(path: child, message: "is not a field of this report format"))
                }
            }
        case (.array(let list), .array(let knownList)) where list.count == knownList.count:
            for (i, (a, b)) in zip(list, knownList).enumerated() {
                compare(a, b, path: "\(path)[\(i)]", into: &problems)
            }
        default: break
        }
    }

    /// Null, empty lists and fields of a value object that merely restate what its text implies
    /// are dropped on encoding, so their absence is not a sign of a typo.
    private static func isEmpty(_ value: JSONShape) -> Bool {
        switch value {
        case .null: true
        case .array(let list): list.isEmpty
        default: false
        }
    }

    private static func isDefaultValueField(_ key: String, in object: [String: JSONShape]) -> Bool {
        object["text"] != nil
            && ["number", "kind", "decimals", "grouped", "qualifier", "significant"].contains(key)
    }
}
