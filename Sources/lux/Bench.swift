import ArgumentParser
import Foundation
import LuxEngine
import LuxStore

/// `lux bench`: how fast this machine runs a model (the engine measures, this command prints).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure prompt (prefill) and generation (decode) speed of a GGUF model, with peak memory and the memory-bandwidth bound."
    )

    @Option(name: .long, help: "The GGUF model (default: LUX_MODEL, else the default model in the data folder).")
    var model: String?

    @Option(name: .long, help: "Worker threads (default: the number of physical cores).")
    var threads: Int?

    @Option(name: .customLong("prompt-tokens"), help: "Tokens in the prompt, computed as one batch.")
    var promptTokens = 128

    @Option(name: .customLong("gen-tokens"), help: "Tokens generated one at a time (greedy) after the prompt.")
    var genTokens = 64

    @Option(name: .long, help: "Repeat the whole measurement this many times; medians are printed.")
    var `repeat` = 3

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard promptTokens >= 1 else { throw ValidationError("--prompt-tokens must be at least 1") }
        guard genTokens >= 1 else { throw ValidationError("--gen-tokens must be at least 1") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let path = orExit { try ModelLocator().locate(explicit: model).path }
        let language = orExit { try LanguageModel(path: path, threads: threads) }
        let options = BenchmarkOptions(promptTokens: promptTokens, genTokens: genTokens, repeats: `repeat`)
        let report = orExit { try Benchmark.run(language, options: options) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let mb = { (bytes: Int) in String(format: "%.0f MB", Double(bytes) / 1e6) }
        let rows: [(String, String)] = [
            ("model", path),
            ("threads", "\(report.threads)"),
            ("prefill", String(format: "%.1f tok/s  (%d-token prompt)", report.prefillTokensPerSecond, promptTokens)),
            ("decode", String(format: "%.2f tok/s  (%d tokens)", report.decodeTokensPerSecond, genTokens)),
            ("first token", String(format: "%.3f s", report.firstTokenSeconds)),
            ("peak RSS", "\(mb(report.peakRSSBytes))  (file \(mb(report.fileBytes)) + KV cache \(mb(report.kvCacheBytes)))"),
            ("read bandwidth", String(format: "%.1f GB/s", report.readBytesPerSecond / 1e9)),
            ("decode bound", String(format: "%.2f tok/s", report.decodeBoundTokensPerSecond) + "  (\(mb(report.weightBytesPerToken)) of weights per token ÷ bandwidth)"),
            ("runs", "\(report.runs.count), medians shown"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
    }
}
