import Foundation

/// An HTML page (a saved article, `.html` or `.htm`) read as an article: its title, date, author,
/// address and site from the page's metadata, its main text as Markdown-style text
/// (`HTMLTextRenderer`). Everything taken from the page is normalised after it is decoded
/// (Documentation/architecture.md §5): markup, attributes and character references can hold any
/// character.
enum HTMLArticle {
    /// Separators between a page's title and its site's name: "Title - Site", "Title | Site".
    static let titleSeparators = [" - ", " | ", " – ", " — ", " · ", " :: ", " : ", " / "]

    /// Whether a file is a page: its name ends `.html`, `.htm` or `.xhtml`, or it starts (after
    /// white space and a byte-order mark) with `<!DOCTYPE html` or `<html`.
    static func isPage(id: String, bytes: [UInt8]) -> Bool {
        if let dot = id.lastIndex(of: "."), !id[dot...].contains("/") {
            let suffix = id[id.index(after: dot)...].lowercased()
            if suffix == "html" || suffix == "htm" || suffix == "xhtml" { return true }
        }
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = bytes[start...].prefix(14).map { $0 | 0x20 }
        return head.starts(with: "<!doctype html".utf8) || head.starts(with: "<html".utf8)
    }

    /// The article of a page, or nil when the page has neither a title nor any text.
    static func article(id: String, folderName: String, bytes: [UInt8]) -> Article? {
        let utf8 = safeUTF8(HTMLCharset.utf8(bytes, declared: nil))
        return HTMLDocument.parse(utf8: utf8) { root -> Article? in
            guard let root else { return nil }
            let metadata = HTMLMetadata(root: root)
            let baseURL = Self.baseURL(metadata)
            let body = TextNormalizer.normalize(HTMLTextRenderer.text(of: metadata.contentRoot(fallback: root), baseURL: baseURL))
            var fields = ArticleParser.Fields()
            let site = metadata.siteName.map(Self.line)
            fields.source = site.flatMap { $0.isEmpty ? nil : $0 }
            fields.title = (metadata.titles + [metadata.firstHeading].compactMap { $0 }).lazy.map(Self.line)
                .first { !$0.isEmpty }.map { Self.removingSiteName(site, from: $0) }
            fields.date = metadata.dates.lazy.map(Self.line).first { DateParser.parse($0) != nil }
            fields.author = metadata.authors.lazy.map(Self.line).map(Self.removingBy).first { !$0.isEmpty }
            fields.url = metadata.urls.lazy.compactMap { Self.absoluteURL($0, base: baseURL) }.first
            guard fields.title != nil || body.contains(where: { !$0.isWhitespace }) else { return nil }
            return ArticleParser.assemble(id: id, folderName: folderName, fields: fields, rest: Substring(body))
        }
    }

    /// The text of an HTML mail part (`MIMEBody`): its main text, without the page's metadata.
    /// `bytesAreRaw`: the bytes are in the part's own charset, not already UTF-8.
    static func text(fromBytes bytes: [UInt8], charset: String?, bytesAreRaw: Bool) -> String {
        let utf8 = safeUTF8(bytesAreRaw ? HTMLCharset.utf8(bytes, declared: charset) : bytes)
        return HTMLDocument.parse(utf8: utf8) { root in
            guard let root else { return "" }
            let metadata = HTMLMetadata(root: root)
            return HTMLTextRenderer.text(of: metadata.contentRoot(fallback: root), baseURL: Self.baseURL(metadata))
        }
    }

    /// The page normalised before libxml2 reads it: libxml2 drops a raw ESC or BEL but keeps the
    /// rest of its sequence as text, where the normaliser removes the whole sequence. (The text
    /// taken from the page is normalised again: references like `&#x9B;` are decoded by libxml2.)
    static func safeUTF8(_ bytes: [UInt8]) -> [UInt8] {
        Array(TextNormalizer.normalize(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// Text from an attribute or an element, safe and on one line with single spaces.
    static func line(_ text: String) -> String {
        TextNormalizer.normalize(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "Title - Site" → "Title" (and "Site | Title" → "Title") when the site is the page's `og:site_name`.
    static func removingSiteName(_ site: String?, from title: String) -> String {
        guard let site, !site.isEmpty else { return title }
        let foldedSite = ArticleParser.fold(site)
        for separator in titleSeparators {
            if let range = title.range(of: separator, options: .backwards),
                ArticleParser.fold(String(title[range.upperBound...])) == foldedSite
            {
                let rest = String(title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { return rest }
            }
            if let range = title.range(of: separator), ArticleParser.fold(String(title[..<range.lowerBound])) == foldedSite {
                let rest = String(title[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { return rest }
            }
        }
        return title
    }

    /// "By Jane Doe" → "Jane Doe".
    static func removingBy(_ name: String) -> String {
        name.lowercased().hasPrefix("by ") ? String(name.dropFirst(3)).trimmingCharacters(in: .whitespaces) : name
    }

    /// `<base href>`, else `og:url` / canonical, when it is an absolute http(s) address.
    static func baseURL(_ metadata: HTMLMetadata) -> URL? {
        for candidate in [metadata.base].compactMap({ $0 }) + metadata.urls {
            if let url = absoluteURL(candidate, base: nil).flatMap(URL.init(string:)) { return url }
        }
        return nil
    }

    /// An absolute http(s) address on one line, relative ones resolved against `base`.
    static func absoluteURL(_ text: String, base: URL?) -> String? {
        let trimmed = line(text)
        guard !trimmed.isEmpty, !trimmed.contains(" "), trimmed.utf8.count <= HTMLTextRenderer.maximumURLLength else {
            return nil
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return trimmed }
        guard let base, !lower.hasPrefix("javascript:"), !lower.hasPrefix("data:"),
            let resolved = URL(string: trimmed, relativeTo: base)?.absoluteURL.absoluteString,
            resolved.lowercased().hasPrefix("http")
        else { return nil }
        return resolved
    }
}
