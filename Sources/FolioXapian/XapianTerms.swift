import FolioCore

/// The terms of one article for its Xapian document, made by folio's own tokenizer and Porter2
/// stemmer (not Xapian's TermGenerator), so a word matches under Xapian exactly what it matches in
/// the embedded index: folded case and diacritics, CJK character pairs, stem groups
/// (architecture.md §6, §9). Title tokens count four times, as in `BM25`.
struct XapianTerms {
    /// The terms, each followed by a NUL.
    var bytes: [UInt8] = []
    /// Each term's position (0: none) and wdf.
    var positions: [UInt32] = []
    var wdfs: [UInt32] = []

    static let titleWeight: UInt32 = 4
    /// Body positions start this far after the title's, so no phrase spans the two.
    static let bodyGap: UInt32 = 100

    init(_ article: Article, tokenizer: inout Tokenizer) {
        var position: UInt32 = 0
        tokenizer.tokenize(article.title) { token, _, _ in
            position += 1
            let stem = EnglishStemmer.stem(Array(token))
            add(Array(token), position: position, wdf: Self.titleWeight)
            add(XapianPrefix.stem + stem, position: 0, wdf: Self.titleWeight)
            add(XapianPrefix.title + token, position: position, wdf: 1)
            add(XapianPrefix.titleStem + stem, position: 0, wdf: 1)
        }
        position += Self.bodyGap
        tokenizer.tokenize(article.body) { token, _, _ in
            position += 1
            add(Array(token), position: position, wdf: 1)
            add(XapianPrefix.stem + EnglishStemmer.stem(Array(token)), position: 0, wdf: 1)
        }
    }

    private mutating func add(_ term: [UInt8], position: UInt32, wdf: UInt32) {
        bytes.append(contentsOf: term)
        bytes.append(0)
        positions.append(position)
        wdfs.append(wdf)
    }

    var count: Int { positions.count }
}
