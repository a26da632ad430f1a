import Foundation

/// The readable text of a page's main element as Markdown-style text (`MarkdownWriter`): what is not
/// text (scripts, styles, forms, frames, drawings) and what is around the article rather than in it
/// (navigation, page header and footer, asides) is dropped; links keep their http, https or mailto
/// address.
struct HTMLTextRenderer {
    /// Elements whose content is never article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "head", "title", "button", "select", "textarea", "input", "object", "embed", "canvas", "audio", "video",
        "map", "math", "frameset", "frame", "dialog"
    ]
    /// Elements that start and end a paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "figure", "figcaption", "address", "details", "summary", "center",
        "fieldset", "legend", "hgroup", "caption", "body", "html", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "dt", "picture", "search"
    ]
    /// Deeper elements are read as plain text: the renderer recurses, and a page can nest without end.
    static let maximumDepth = 160
    /// A cell with more text than this is page layout, not a data table.
    static let maximumCellLength = 300
    static let maximumURLLength = 2_048

    var writer = MarkdownWriter()
    /// Relative links are resolved against this (`<base href>`, else the page's own address).
    let baseURL: URL?

    init(baseURL: URL?) { self.baseURL = baseURL }

    /// The Markdown-style text of `node` and everything in it.
    static func text(of node: HTMLNode, baseURL: URL?) -> String {
        var renderer = HTMLTextRenderer(baseURL: baseURL)
        renderer.render(node, depth: 0)
        return renderer.writer.finish()
    }

    mutating func renderChildren(_ node: HTMLNode, depth: Int) {
        var child = node.firstChild
        while let current = child {
            render(current, depth: depth + 1)
            child = current.nextSibling
        }
    }

    mutating func render(_ node: HTMLNode, depth: Int) {
        if node.isText {
            writer.text(node.text)
            return
        }
        guard node.isElement else { return }
        let name = node.name
        if Self.droppedElements.contains(name) || Self.isHidden(node) { return }
        if depth > Self.maximumDepth {
            writer.text(node.textContent)
            return
        }
        switch name {
        case "br": writer.lineBreak()
        case "hr": writer.boundary(writer.blockSeparation)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            writer.beginHeading(level: Int(String(name.dropFirst())) ?? 1)
            renderChildren(node, depth: depth)
            writer.endHeading()
        case "ul", "ol", "menu", "dl": renderList(node, ordered: name == "ol", depth: depth)
        case "li", "dd":
            writer.beginItem(marker: name == "dd" ? "  " : "- ")
            renderChildren(node, depth: depth)
            writer.endItem()
        case "blockquote":
            writer.beginQuote()
            renderChildren(node, depth: depth)
            writer.endQuote()
        case "pre", "listing", "xmp", "plaintext": writer.preformatted(node.textContent)
        case "code", "kbd", "samp", "tt":
            let code = node.textContent
            guard code.contains(where: { !$0.isWhitespace }) else { return }
            let fence = code.contains("`") ? "``" : "`"
            writer.raw(fence)
            renderChildren(node, depth: depth)
            writer.raw(fence)
        case "a":
            let start = writer.beginLink()
            renderChildren(node, depth: depth)
            writer.endLink(start, url: linkURL(node.attribute("href")))
        case "table" where Self.isDataTable(node): renderTable(node, depth: depth)
        case _ where Self.blockElements.contains(name):
            writer.boundary(writer.blockSeparation)
            renderChildren(node, depth: depth)
            writer.boundary(writer.blockSeparation)
        default:
            renderChildren(node, depth: depth)
        }
    }

    private mutating func renderList(_ node: HTMLNode, ordered: Bool, depth: Int) {
        writer.beginList()
        var number = Int(node.attribute("start")?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1
        var child = node.firstChild
        while let current = child {
            if current.isElement && current.name == "li" && !Self.isHidden(current) {
                writer.beginItem(marker: ordered ? "\(number). " : "- ")
                renderChildren(current, depth: depth + 1)
                writer.endItem()
                number += 1
            } else if current.isElement && current.name == "dt" {
                writer.boundary(.newline)
                renderChildren(current, depth: depth + 1)
                writer.boundary(.newline)
            } else {
                render(current, depth: depth + 1)
            }
            child = current.nextSibling
        }
        writer.endList()
    }

    /// A table of data: each row a `| cell | cell |` line, a `| --- |` line under the first.
    private mutating func renderTable(_ table: HTMLNode, depth: Int) {
        writer.boundary(writer.blockSeparation)
        var rows: [[String]] = []
        var caption = ""
        table.forEachElement { element in
            if element.name == "caption" && caption.isEmpty { caption = Self.inlineText(of: element, baseURL: baseURL) }
            guard element.name == "tr" else { return }
            let cells = element.children.filter { $0.isElement && ($0.name == "td" || $0.name == "th") }
            let texts = cells.map { Self.inlineText(of: $0, baseURL: baseURL).replacingOccurrences(of: "|", with: "\\|") }
            if texts.contains(where: { !$0.isEmpty }) { rows.append(texts) }
        }
        if !caption.isEmpty {
            writer.text(caption)
            writer.boundary(writer.blockSeparation)
        }
        for (index, row) in rows.enumerated() {
            writer.rawLine("| " + row.joined(separator: " | ") + " |")
            if index == 0 && rows.count > 1 {
                writer.rawLine("|" + Array(repeating: " --- |", count: row.count).joined())
            }
        }
        writer.boundary(writer.blockSeparation)
    }

    /// A cell's text on one line.
    private static func inlineText(of node: HTMLNode, baseURL: URL?) -> String {
        var renderer = HTMLTextRenderer(baseURL: baseURL)
        renderer.renderChildren(node, depth: maximumDepth / 2)
        return renderer.writer.finish().split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// No table inside it and no long cell: then rows are data, else the table lays out a page.
    static func isDataTable(_ table: HTMLNode) -> Bool {
        var stack = table.children
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            let name = node.name
            if name == "table" { return false }
            if (name == "td" || name == "th") && node.textContent.count > maximumCellLength { return false }
            if name != "td" && name != "th" { stack.append(contentsOf: node.children) }
        }
        return true
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display: none`: not shown, so not read.
    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }), style.contains("display:none") {
            return true
        }
        return false
    }

    /// An http, https or mailto address for `href`, relative ones resolved; nil for any other
    /// scheme (javascript:, data:, file:), a fragment, or nothing. Characters that would end the
    /// Markdown link early are percent-encoded.
    func linkURL(_ href: String?) -> String? {
        guard let href = href?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty, !href.hasPrefix("#"),
            href.utf8.count <= Self.maximumURLLength
        else { return nil }
        var address = href
        let lower = href.lowercased()
        if !(lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")) {
            let scheme = lower.prefix(while: { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" })
            guard scheme.count == lower.count || !lower.dropFirst(scheme.count).hasPrefix(":"), let baseURL,
                let resolved = URL(string: href, relativeTo: baseURL)?.absoluteURL.absoluteString,
                resolved.lowercased().hasPrefix("http://") || resolved.lowercased().hasPrefix("https://")
            else { return nil }
            address = resolved
        }
        var encoded = ""
        for scalar in address.unicodeScalars {
            switch scalar {
            case " ": encoded += "%20"
            case "(": encoded += "%28"
            case ")": encoded += "%29"
            case "<": encoded += "%3C"
            case ">": encoded += "%3E"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }
}
