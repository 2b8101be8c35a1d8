import ArgumentParser
import Foundation
import LuxLearn

/// `lux srs`: the spaced-repetition scheduler from the command line.
struct SRS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "The FSRS-6 spaced-repetition scheduler.",
        subcommands: [SRSReplay.self]
    )
}

/// `lux srs replay FILE.jsonl`: runs a review log through the scheduler and prints each card's state.
struct SRSReplay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a review log through the FSRS-6 scheduler.",
        discussion: """
            Each line of FILE is {"card": ID, "rating": 1-4, "time": ISO-8601}; ID is a string or an \
            integer, ratings are 1 Again, 2 Hard, 3 Good, 4 Easy. A card starts new at its first line. \
            After each review prints the card id, rating, state, stability, difficulty and due time (UTC).
            """
    )

    @Argument(help: "The review log, one JSON object per line.")
    var file: String

    @Flag(name: .customLong("no-fuzz"), help: "Do not fuzz review intervals (the output is then reproducible).")
    var noFuzz = false

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Option(help: "Desired retention, between 0 and 1.")
    var retention = 0.9

    @Option(help: "Seed for the interval fuzz, to make a fuzzed run reproducible.")
    var seed: UInt64?

    func run() throws {
        let text = orExit { () throws -> String in
            do {
                return try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw UnreadableFile(description: "\(file): cannot read: \(error.localizedDescription)")
            }
        }
        let scheduler = orExit { try FSRSScheduler(desiredRetention: retention, enableFuzzing: !noFuzz) }
        let replay = ReviewReplay(scheduler: scheduler)
        let steps: [ReplayStep]
        if let seed {
            var rng = SeededGenerator(seed: seed)
            steps = orExit { try replay.run(text, file: file, using: &rng) }
        } else {
            var rng = SystemRandomNumberGenerator()
            steps = orExit { try replay.run(text, file: file, using: &rng) }
        }
        var out = ""
        for step in steps {
            out += (json ? ReplayOutput.json(step) : ReplayOutput.text(step)) + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

private struct UnreadableFile: Error, CustomStringConvertible {
    let description: String
}
