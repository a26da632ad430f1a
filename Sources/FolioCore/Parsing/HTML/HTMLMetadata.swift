import Foundation

/// What a page says about itself, collected in one walk: Open Graph and article meta tags, `<title>`,
/// the first `h1`, `<time datetime>`, `rel=author` and `rel=canonical` links, JSON-LD, and the
/// element that holds the article (`<article>`, else `<main>`).
struct HTMLMetadata {
    var titles: [String] = []
    var firstHeading: String?
    var siteName: String?
    var dates: [String] = []
    var authors: [String] = []
    var urls: [String] = []
    var base: String?
    /// Candidates for the main text: `<article>` elements (outermost ones), `<main>`, the body.
    var articles: [HTMLNode] = []
    var main: HTMLNode?
    var body: HTMLNode?

    /// A JSON-LD block larger than this is not read.
    static let maximumJSONLength = 256 * 1024

    /// `<meta>` names and properties, in the order they are believed: the first that has a value wins.
    static let titleKeys = ["og:title", "twitter:title", "dc.title", "dcterms.title"]
    static let dateKeys = [
        "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
        "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created", "og:published_time",
        "sailthru.date", "parsely-pub-date", "article.published", "originalpublicationdate", "article:modified_time",
        "og:updated_time", "last-modified"
    ]
    static let authorKeys = [
        "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"
    ]
    static let urlKeys = ["og:url", "twitter:url"]
    static let siteKeys = ["og:site_name", "application-name", "publisher", "dc.publisher"]

    init(root: HTMLNode) {
        var meta: [String: String] = [:]
        var timeDates: [String] = []
        var linkAuthors: [String] = []
        var canonical: String?
        root.forEachElement { element in
            switch element.name {
            case "meta":
                guard
                    let key = (element.attribute("property") ?? element.attribute("name") ?? element.attribute("itemprop"))?
                        .lowercased(), let content = element.attribute("content"), Self.hasText(content)
                else { return }
                if meta[key] == nil { meta[key] = content }
            case "title" where titles.isEmpty:
                let text = element.textContent
                if Self.hasText(text) { titles.append(text) }
            case "h1" where firstHeading == nil:
                let text = element.textContent
                if Self.hasText(text) { firstHeading = text }
            case "time":
                if let value = element.attribute("datetime"), Self.hasText(value) {
                    timeDates.append(value)
                } else if element.attribute("itemprop")?.lowercased() == "datepublished" {
                    timeDates.append(element.textContent)
                }
            case "a", "link":
                let relations = element.attribute("rel")?.lowercased().split(separator: " ") ?? []
                if relations.contains("canonical"), canonical == nil { canonical = element.attribute("href") }
                if relations.contains("author"), element.name == "a" { linkAuthors.append(element.textContent) }
            case "base": if base == nil { base = element.attribute("href") }
            case "script" where element.attribute("type")?.lowercased() == "application/ld+json":
                readJSONLD(element.textContent, into: &meta)
            case "article":
                // Outermost articles only: a comment inside an article is part of it.
                if !articles.contains(where: { Self.isAncestor($0, of: element) }) { articles.append(element) }
            case "main" where main == nil: main = element
            case "body" where body == nil: body = element
            default:
                if main == nil, element.attribute("role")?.lowercased() == "main" { main = element }
                if element.attribute("itemprop")?.lowercased() == "author" {
                    linkAuthors.append(element.attribute("content") ?? element.textContent)
                }
            }
        }
        titles = Self.titleKeys.compactMap { meta[$0] } + titles
        if let heading = meta["jsonld:headline"] { titles.append(heading) }
        siteName = Self.siteKeys.lazy.compactMap { meta[$0] }.first ?? meta["jsonld:publisher"]
        dates = Self.dateKeys.compactMap { meta[$0] } + timeDates + [meta["jsonld:datepublished"]].compactMap { $0 }
        // An article:author that is a profile address is not a name.
        authors = (Self.authorKeys.compactMap { meta[$0] } + linkAuthors + [meta["jsonld:author"]].compactMap { $0 })
            .filter { Self.hasText($0) && !$0.lowercased().hasPrefix("http") }
        urls = Self.urlKeys.compactMap { meta[$0] } + [canonical].compactMap { $0 }
    }

    /// The element whose text is the article: the longest outermost `<article>`, else `<main>`,
    /// else the body, else the whole page.
    func contentRoot(fallback: HTMLNode) -> HTMLNode {
        if articles.count == 1 { return articles[0] }
        if let longest = articles.max(by: { $0.textContent.count < $1.textContent.count }) { return longest }
        return main ?? body ?? fallback
    }

    static func hasText(_ text: String) -> Bool { text.contains { !$0.isWhitespace } }

    private static func isAncestor(_ ancestor: HTMLNode, of node: HTMLNode) -> Bool {
        var parent = node.pointer.pointee.parent
        while let current = parent {
            if current == ancestor.pointer { return true }
            parent = current.pointee.parent
        }
        return false
    }

    /// `headline`, `datePublished`, `author` and `publisher` of the first Article-like object of a
    /// JSON-LD block (schema.org), stored under `jsonld:` keys.
    private func readJSONLD(_ text: String, into meta: inout [String: String]) {
        guard text.utf8.count <= Self.maximumJSONLength, meta["jsonld:headline"] == nil,
            let json = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        else { return }
        var queue: [Any] = [json]
        var visited = 0
        while !queue.isEmpty, visited < 200 {
            let value = queue.removeFirst()
            visited += 1
            if let array = value as? [Any] {
                queue.append(contentsOf: array)
                continue
            }
            guard let object = value as? [String: Any] else { continue }
            if let graph = object["@graph"] { queue.append(graph) }
            guard let headline = object["headline"] as? String else { continue }
            meta["jsonld:headline"] = headline
            if let date = object["datePublished"] as? String { meta["jsonld:datepublished"] = date }
            if let author = Self.name(in: object["author"]) { meta["jsonld:author"] = author }
            if let publisher = Self.name(in: object["publisher"]) { meta["jsonld:publisher"] = publisher }
            return
        }
    }

    /// A person or organisation's name: a string, an object's `name`, or the names in an array.
    private static func name(in value: Any?) -> String? {
        if let text = value as? String { return text }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let array = value as? [Any] {
            let names = array.compactMap { name(in: $0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }
}
