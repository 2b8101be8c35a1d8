import ArgumentParser
import LuxTUI

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
            Bench.self,
            Tokenize.self,
            SRS.self,
            PackCommand.self,
            Dict.self,
            Conjugate.self,
            Eval.self,
        ]
    )

    // No options here: ArgumentParser would also take a root `--model` from a subcommand's
    // arguments (`lux generate --model X` silently ignored X). The app's model comes from its
    // setting, LUX_MODEL, or the data folder (see ModelLocator).
    mutating func run() async throws {
        do {
            try await LuxApp.run(options: AppOptions(explicitModel: nil))
        } catch {
            exitWithError(error)
        }
    }
}

enum LuxVersion {
    static let string = "0.1.0"
}
