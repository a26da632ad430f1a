// libFuzzer entry point for folio's query parser and search (issue 6). Built and run by
// Scripts/fuzz.sh, compiled together with Sources/FolioCore/**/*.swift into one module.
//
// One input is what a user typed (bytes read as UTF-8, invalid sequences replaced). It is parsed in
// both modes and searched against a small fixed store; snippets and hit ranges of the top results
// are computed and checked to lie within their text.

/// Five small articles, built in code (reading Data/ relative to the executable would be fragile):
/// dates, a phrase, a hyphenated word, accents, CJK and an emoji, so every query feature can hit.
private let store: ArticleStore = {
    let files: [(String, String)] = [
        ("business/001.txt", """
            Ad sales boost Time Warner profit
            Date: 2021-10-25

            Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three \
            months to December, from $639m year-earlier. The firm's e-mail service, AOL, lost subscribers.
            """),
        ("politics/002.txt", """
            ---
            title: Labour plans maternity pay rise
            date: 2005-02-14
            source: politics
            author: A. Reporter
            ---
            Maternity pay for new mothers is to rise by £1,400 as part of new proposals announced by the \
            Trade and Industry Secretary. "Running a government" is hard, said the minister.
            """),
        ("sport/003.txt", """
            Café crème: Zürich football final
            2019-06-01

            The naïve coach's team won the final 3-2 after extra time. Football fans celebrated in the \
            streets of Zürich until dawn; the résumé of the season is long.
            """),
        ("tech/004.txt", """
            東京 broadband 速度 record 🚀
            Date: 12 March 2023

            Broadband speeds in 東京 reached a record; 日本語の文章 mixed with English words such as \
            broadband, fibre and 5G. Emoji 🚀🎉 appear too.
            """),
        ("entertainment/005.txt", """
            Film festival opens with premiere
            Date: 1999-12-31

            The film festival opened with a premiere of an election thriller. Critics said the economy \
            of the script was remarkable. Games, gaming and gamers were discussed.
            """),
    ]
    let documents = files.map { id, text in
        CorpusLoader.Document(id: id, folderName: String(id.prefix { $0 != "/" }), bytes: Array(text.utf8))
    }
    let store = ArticleStore.load(documents: documents, name: "fuzz")
    precondition(store.articles.count == files.count, "the fixed store lost an article")
    return store
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for mode in [QueryParser.Mode.complete, .incremental] {
        let query = QueryParser.parse(text, mode: mode)
        for term in query.clauses.flatMap(\.alternatives) + query.exclusions {
            precondition(!term.tokens.isEmpty, "a term with no tokens")
        }
        let results = store.search(text, mode: mode)
        precondition(results.matches.count <= store.articles.count, "more matches than articles")
        precondition(Set(results.matches.map(\.article)).count == results.matches.count, "an article matched twice")
        for match in results.matches.prefix(5) {
            precondition(store.articles.indices.contains(match.article), "match out of range")
            let snippet = store.snippet(for: match.article, in: results)
            checkRanges(snippet.hits, within: snippet.text)
            let short = store.snippet(for: match.article, in: results, length: 20)
            checkRanges(short.hits, within: short.text)
            let ranges = store.hitRanges(for: match.article, in: results)
            checkRanges(ranges.title, within: store.articles[match.article].title)
            checkRanges(ranges.body, within: store.articles[match.article].body)
        }
        for sort in ListOrder.allCases { _ = store.search(query, sort: sort) }
    }
    return 0
}

