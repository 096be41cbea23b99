import ArgumentParser

@main
struct Boardpack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boardpack",
        abstract: "Build the quarterly board pack of a reducing-reoffending board.",
        version: BoardpackVersion.current,
        subcommands: [Export.self, Validate.self, ReturnsCommand.self, CheckCommand.self, MergeCommand.self, NextCommand.self, ImportCommand.self, DumpCommand.self, StyleCommand.self])
}

enum BoardpackVersion {
    static let current = "0.1.0"
}
