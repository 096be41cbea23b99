import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small in-memory XML tree for asserting on the parts of a produced workbook.
/// Elements are matched by local name, so namespace prefixes do not matter.
public final class XMLTree {
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [XMLTree] = []
    public internal(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name.split(separator: ":").last.map(String.init) ?? name
        var plain: [String: String] = [:]
        for (key, value) in attributes { plain[key.split(separator: ":").last.map(String.init) ?? key] = value }
        self.attributes = plain
    }

    /// Every descendant (not self) with this local name, in document order.
    public func all(_ name: String) -> [XMLTree] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    public func first(_ name: String) -> XMLTree? { all(name).first }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// Text of this element and all descendants.
    public var allText: String { text + children.map(\.allText).joined() }

    public static func parse(_ data: Data) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw NSError(domain: "XMLTree", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError as Any)"])
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let element = XMLTree(name: elementName, attributes: attributeDict)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
