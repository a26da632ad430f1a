import Foundation
import PackagePlugin

/// Compiles the built-in articles in `Data/` into the target that uses this plugin, so a folio binary
/// copied anywhere (or run from `/`) still has its default corpus without a resource bundle beside it.
@main
struct EmbedCorpusPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dataDirectory = context.package.directoryURL.appending(path: "Data")
        let files = try FileManager.default
            .contentsOfDirectory(at: dataDirectory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedArticles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) built-in articles from Data/",
                executable: try context.tool(named: "EmbedCorpusTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
