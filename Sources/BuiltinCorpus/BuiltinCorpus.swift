import Foundation

/// The articles of `Data/`, embedded in the binary at build time by the EmbedCorpusPlugin.
public enum BuiltinCorpus {
    /// A display name for the corpus, used as the articles' source.
    public static let name = "built-in"

    /// Each built-in article file: its name (the article id) and its raw bytes.
    public static var files: [(name: String, bytes: [UInt8])] {
        encodedFiles.map { file in
            // The plugin wrote these strings itself, so decoding cannot fail short of a build bug.
            (file.name, [UInt8](Data(base64Encoded: file.base64) ?? Data()))
        }
    }
}
