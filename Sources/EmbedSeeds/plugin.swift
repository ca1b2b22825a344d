import Foundation
import PackagePlugin

/// Embeds the seed folders of `seeds/` into the target that uses this plugin (see seed-embedder).
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let seeds = context.package.directoryURL.appendingPathComponent("seeds")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltInSeedFiles.swift")
        var inputs: [URL] = []
        let manager = FileManager.default
        for folder in (try? manager.contentsOfDirectory(atPath: seeds.path)) ?? [] {
            let url = seeds.appendingPathComponent(folder)
            for file in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] where file.hasSuffix(".json") {
                inputs.append(url.appendingPathComponent(file))
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the seed folders of seeds/", executable: try context.tool(named: "seed-embedder").url,
                arguments: [seeds.path, output.path], inputFiles: inputs, outputFiles: [output])
        ]
    }
}
