import FolioCore

/// The terms of one article for its Xapian document, made by folio's own tokenizer and Porter2
/// stemmer (not Xapian's TermGenerator), so a word matches under Xapian exactly what it matches in
/// the embedded index: folded case and diacritics, CJK character pairs, stem groups
/// (architecture.md §6, §9). Title tokens count four times, as in `BM25`. Stem terms carry no
/// positions, so each is added once per document with its summed wdf. The author's and source's
/// tokens are boolean terms (wdf 0, so they leave BM25's document length alone) for `author:` and
/// `source:`.
struct XapianTerms {
    /// The terms, each followed by a NUL.
    var bytes: [UInt8] = []
    /// Each term's position (0: none) and wdf.
    var positions: [UInt32] = []
    var wdfs: [UInt32] = []

    static let titleWeight: UInt32 = 4
    /// Body positions start this far after the title's, so no phrase spans the two.
    static let bodyGap: UInt32 = 100
    /// The version of the terms written: part of every document's fingerprint, so a re-index of a
    /// database written with other terms rewrites every document (architecture.md §9).
    static let format = 2

    init(_ article: Article, tokenizer: inout Tokenizer, stems: inout StemCache) {
        var position: UInt32 = 0
        var stemWdf: [[UInt8]: UInt32] = [:]
        tokenizer.tokenize(article.title) { token, _, _ in
            position += 1
            let raw = Array(token)
            let stem = stems.stem(raw)
            add(raw, position: position, wdf: Self.titleWeight)
            stemWdf[XapianPrefix.stem + stem, default: 0] += Self.titleWeight
            add(XapianPrefix.title + raw, position: position, wdf: 1)
            stemWdf[XapianPrefix.titleStem + stem, default: 0] += 1
        }
        position += Self.bodyGap
        tokenizer.tokenize(article.body) { token, _, _ in
            position += 1
            let raw = Array(token)
            add(raw, position: position, wdf: 1)
            stemWdf[XapianPrefix.stem + stems.stem(raw), default: 0] += 1
        }
        for (term, wdf) in stemWdf { add(term, position: 0, wdf: wdf) }
        for (prefix, text) in [(XapianPrefix.author, article.author ?? ""), (XapianPrefix.source, article.source)] {
            var seen: Set<[UInt8]> = []
            tokenizer.tokenize(text) { token, _, _ in
                let raw = Array(token)
                if seen.insert(raw).inserted { add(prefix + raw, position: 0, wdf: 0) }
            }
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

/// Stems already computed on one indexing thread: a corpus repeats its words, and Porter2 on every
/// occurrence costs more than a look-up. Emptied when it grows past `limit` words.
struct StemCache {
    private var stems: [[UInt8]: [UInt8]] = [:]
    static let limit = 200_000

    mutating func stem(_ token: [UInt8]) -> [UInt8] {
        if let known = stems[token] { return known }
        if stems.count >= Self.limit { stems.removeAll(keepingCapacity: true) }
        let stem = EnglishStemmer.stem(token)
        stems[token] = stem
        return stem
    }
}
