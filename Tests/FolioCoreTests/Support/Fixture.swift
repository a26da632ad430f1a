import BuiltinCorpus
import Foundation

@testable import FolioCore

/// Small in-memory corpora for tests: each article is an id and the file's text (or bytes).
enum Fixture {
    static let folder = "fixture"

    static func store(_ files: [(id: String, text: String)], options: LoadOptions = LoadOptions()) -> EmbeddedEngine {
        EmbeddedEngine.load(
            documents: files.map { CorpusLoader.Document(id: $0.id, folderName: folder, bytes: Array($0.text.utf8)) },
            name: folder, options: options)
    }

    /// Loads one file's text the way the loader reads every file (decode, normalise, parse).
    static func article(_ text: String, id: String = "article.txt", folder: String = Fixture.folder) -> Article? {
        article(bytes: Array(text.utf8), id: id, folder: folder)
    }

    static func article(bytes: [UInt8], id: String = "article.txt", folder: String = Fixture.folder) -> Article? {
        let (articles, _) = CorpusLoader().load(documents: [CorpusLoader.Document(id: id, folderName: folder, bytes: bytes)])
        return articles.first
    }

    /// The ids of a search's matches, in ranked order.
    /// The ids of a search's exact and typo matches, in order (partial matches left out: `partialIDs`).
    static func ids(_ store: EmbeddedEngine, _ query: String, mode: QueryParser.Mode = .complete) -> [String] {
        store.search(query, mode: mode).matches.filter { !$0.isPartial }.map { store.articles[$0.article].id }
    }

    /// The ids of a search's partial matches (every word but one), in order, with the word each lacks.
    static func partialIDs(_ store: EmbeddedEngine, _ query: String, mode: QueryParser.Mode = .complete) -> [(
        id: String, missing: String
    )] {
        store.search(query, mode: mode).matches.compactMap { match in
            match.missing.map { (store.articles[match.article].id, $0) }
        }
    }

    /// The built-in articles' files as (id, text), to mix into other fixtures.
    static var builtinFiles: [(id: String, text: String)] {
        BuiltinCorpus.files.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    /// The built-in corpus, loaded as the CLI loads it (Sources/folio/CorpusOptions.swift).
    static let builtin: EmbeddedEngine = {
        let documents = BuiltinCorpus.files.map {
            CorpusLoader.Document(id: $0.name, folderName: BuiltinCorpus.name, bytes: $0.bytes)
        }
        return EmbeddedEngine.load(documents: documents, name: BuiltinCorpus.name)
    }()
}

extension String {
    /// The substring at a UTF-8 byte range (hit ranges are byte offsets).
    func utf8Slice(_ range: Range<Int>) -> String {
        String(decoding: Array(utf8)[range], as: UTF8.self)
    }
}
