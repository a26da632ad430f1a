import CLibXML2

/// An HTML page parsed by libxml2's HTML parser, which recovers from anything a browser would
/// (Documentation/architecture.md §5). Nodes are only valid inside `parse`'s closure.
enum HTMLDocument {
    /// The libxml2 options: recover from any error, report none, never fetch anything, and take the
    /// bytes as the UTF-8 they are (`HTMLCharset` already decoded them) whatever a meta tag says.
    static let options = Int32(
        bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2 wants `xmlInitParser` once before threads share it; a static `let` runs it once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 bytes and passes the root element (nil for an empty document) to `body`.
    static func parse<Result>(utf8 bytes: [UInt8], _ body: (HTMLNode?) -> Result) -> Result {
        precondition(initialized)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return body(nil) }
        folio_xml_silence_errors()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return body(nil) }
        defer { xmlFreeDoc(document) }
        return body(xmlDocGetRootElement(document).map(HTMLNode.init))
    }
}

/// One node of a parsed page: an element, or text.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    /// Text and CDATA nodes: their `text` is page text.
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name in lower case (libxml2's HTML parser folds names), "" for other nodes.
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// A text node's text.
    var text: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }

    var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.nextSibling
        }
        return result
    }

    /// An attribute's value (`name` in lower case), from the attribute list without copying it.
    func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The text of the node and everything in it, in document order, walked without recursion
    /// (a page can nest elements hundreds deep).
    var textContent: String {
        if isText { return text }
        var result = ""
        var stack: [HTMLNode] = [self]
        while let node = stack.popLast() {
            if node.isText {
                result += node.text
                continue
            }
            if node.isElement && HTMLTextRenderer.droppedElements.contains(node.name) && node.pointer != pointer { continue }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// Every element under this one (itself included) in document order, without recursion.
    func forEachElement(_ visit: (HTMLNode) -> Void) {
        var stack: [HTMLNode] = [self]
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            visit(node)
            stack.append(contentsOf: node.children.reversed())
        }
    }
}
