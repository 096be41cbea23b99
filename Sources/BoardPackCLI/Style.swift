import ArgumentParser
import BoardPack
import Foundation

struct StyleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "style",
        abstract: "Print the default board pack style, to copy and edit.",
        discussion: "templates/default-style.json is this output; a style file may keep only the settings it changes.")

    func run() throws {
        try reportingErrors {
            print(String(decoding: try Style.standard.encodedJSON(), as: UTF8.self), terminator: "")
        }
    }
}
