import ArgumentParser

/// The root command: `lux` alone opens the terminal app; subcommands give scripts the same powers.
@main
struct Lux: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lux",
        abstract: "LuxLlama: learn Luxembourgish in the terminal, with an offline LLM tutor.",
        version: LuxVersion.string,
        subcommands: [
            Doctor.self,
            Generate.self,
            Tokenize.self,
            SRS.self,
        ]
    )

    mutating func run() async throws {
        // The full-screen app arrives with the TUI issue; until then, show what is here.
        print(Lux.helpMessage())
    }
}

enum LuxVersion {
    static let string = "0.1.0"
}
