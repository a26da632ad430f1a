// libFuzzer entry point for folio's article load path (issue 6). Built and run by Scripts/fuzz.sh:
//   swiftc -sanitize=fuzzer,address -parse-as-library -O Fuzz/ArticleParserFuzzer.swift Sources/FolioCore/**/*.swift
// FolioCore's sources are compiled into this one module, so its internals are visible but unused:
// the fuzzer goes through the public API, as every front end does.
//
// One input is one file's bytes. It is loaded as an in-memory document (decoding, normalising,
// parsing), indexed, and searched with words taken from the article; the safety invariant of
// `Article` ("safe to draw on a terminal as it is") is checked with `precondition`, so a breach
// is a crash libFuzzer reports and saves.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // An input that starts with "<" is a page named .html, so libxml2's path is fuzzed whatever the
    // first tag; everything else (mail and MIME messages included) is a .txt file.
    let document = CorpusLoader.Document(id: bytes.first == UInt8(ascii: "<") ? "f.html" : "f.txt", folderName: "f", bytes: bytes)
    let (articles, report) = CorpusLoader().load(documents: [document])
    precondition(articles.count + report.skippedCount == 1, "one document gives one article or one skip")
    for article in articles {
        checkDrawable(article.title, allowsNewline: false, what: "title")
        checkDrawable(article.body, allowsNewline: true, what: "body")
        checkDrawable(article.source, allowsNewline: false, what: "source")
        if let author = article.author { checkDrawable(author, allowsNewline: false, what: "author") }
        if let url = article.url { checkDrawable(url, allowsNewline: false, what: "url") }
    }
    guard !articles.isEmpty else { return 0 }
    let store = EmbeddedEngine(articles: articles, report: report, name: "fuzz")
    let article = store.article(at: 0)
    // Words from the article itself, so the searches hit: the first, a middle and the last word of
    // the body, a title word, a phrase of two body words, and a prefix.
    let words: [String] = article.body.split(whereSeparator: { (character: Character) -> Bool in
        character == " " || character == "\n"
    }).map { String($0) }
    let titleWords: [String] = article.title.split(separator: " ").map { String($0) }
    var queries: [String] = []
    if let first = words.first { queries.append(first) }
    if words.count > 2 { queries.append(words[words.count / 2]) }
    if let last = words.last { queries.append(last) }
    if let title = titleWords.first { queries.append("title:" + title) }
    if words.count >= 2 { queries.append("\"\(words[0]) \(words[1])\"") }
    if let first = words.first { queries.append(String(first.prefix(3))) }
    for query in queries.prefix(6) {
        for mode in [QueryParser.Mode.complete, .incremental] {
            let results = store.search(query, mode: mode)
            for match in results.matches.prefix(3) {
                precondition((0..<store.articleCount).contains(match.article), "match out of range")
                let snippet = store.snippet(of: match.article, in: results)
                checkRanges(snippet.hits, within: snippet.text)
                checkDrawable(snippet.text, allowsNewline: false, what: "snippet")
                let ranges = store.hits(of: match.article, in: results)
                let matched = store.article(at: match.article)
                checkRanges(ranges.title, within: matched.title)
                checkRanges(ranges.body, within: matched.body)
            }
        }
    }
    return 0
}

/// The invariant the terminal relies on: no C0 control but (in bodies) "\n", no DEL or C1
/// control, no bidi embedding, override or isolate.
private func checkDrawable(_ text: String, allowsNewline: Bool, what: String) {
    for scalar in text.unicodeScalars {
        let value = scalar.value
        if value == 0x0A && allowsNewline { continue }
        precondition(value >= 0x20, "\(what) holds the C0 control U+\(hex(value))")
        precondition(!(0x7F...0x9F).contains(value), "\(what) holds the control U+\(hex(value))")
        precondition(!(0x202A...0x202E).contains(value), "\(what) holds the bidi control U+\(hex(value))")
        precondition(!(0x2066...0x2069).contains(value), "\(what) holds the bidi isolate U+\(hex(value))")
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
