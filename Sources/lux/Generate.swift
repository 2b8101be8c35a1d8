import ArgumentParser
import Foundation
import LuxEngine
import LuxStore

/// `lux generate`: stream a completion (`--prompt`) or a chat reply (`--chat`) from a GGUF model.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate text with a GGUF model: continue --prompt, or answer --chat as the assistant."
    )

    @Option(name: .long, help: "The GGUF model (default: LUX_MODEL, else the default model in the data folder).")
    var model: String?

    @Option(name: .long, help: "Plain text to continue, without a chat format.")
    var prompt: String?

    @Option(name: .long, help: "A user message; the model answers it in its chat format.")
    var chat: String?

    @Option(name: .long, help: "A system message to put before --chat.")
    var system: String?

    @Option(name: .customLong("max-tokens"), help: "Stop after this many generated tokens.")
    var maxTokens = 256

    @Option(name: .long, help: "Sampling temperature; 0 is greedy.")
    var temperature: Float = SamplingParameters().temperature

    @Option(name: .customLong("top-k"), help: "Keep the k most likely tokens (0: all).")
    var topK = SamplingParameters().topK

    @Option(name: .customLong("top-p"), help: "Keep the smallest set of tokens whose probabilities add up to p.")
    var topP: Float = SamplingParameters().topP

    @Option(name: .customLong("min-p"), help: "Drop tokens less likely than min-p times the best one.")
    var minP: Float = SamplingParameters().minP

    @Option(name: .customLong("repeat-penalty"), help: "Penalty for tokens among the last 64 (1: off).")
    var repeatPenalty: Float = SamplingParameters().repeatPenalty

    @Option(name: .long, help: "Random seed: the same seed gives the same text.")
    var seed: UInt64?

    @Option(name: .long, help: "Worker threads (default: the number of physical cores).")
    var threads: Int?

    @Option(name: .customLong("context"), help: "Context length in tokens (default 4096, at most the model's).")
    var contextLength: Int?

    @Flag(name: .long, help: "Print one JSON object with the token ids, the text and the stats instead of streaming.")
    var json = false

    func validate() throws {
        guard (prompt == nil) != (chat == nil) else {
            throw ValidationError("give exactly one of --prompt TEXT or --chat TEXT")
        }
        if system != nil && chat == nil { throw ValidationError("--system goes with --chat") }
        guard maxTokens > 0 else { throw ValidationError("--max-tokens must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() async throws {
        let path = orExit { try ModelLocator().locate(explicit: model).path }
        let language = orExit { try LanguageModel(path: path, threads: threads) }
        let session = ChatSession(model: language, contextLength: contextLength)
        var sampling = SamplingParameters()
        sampling.temperature = temperature
        sampling.topK = topK
        sampling.topP = topP
        sampling.minP = minP
        sampling.repeatPenalty = repeatPenalty
        sampling.seed = seed
        let parameters = GenerationParameters(maxTokens: maxTokens, sampling: sampling)

        let promptTokens: [Int32]
        if let prompt {
            promptTokens = language.tokenizer.encode(prompt)
        } else {
            var messages: [ChatMessage] = []
            if let system { messages.append(ChatMessage(.system, system)) }
            messages.append(ChatMessage(.user, chat ?? ""))
            promptTokens = orExit { try session.promptTokens(for: messages) }
        }

        var tokens: [Int32] = []
        var text = ""
        var stats = GenerationStats()
        do {
            for try await chunk in session.generate(promptTokens: promptTokens, parameters: parameters) {
                if let token = chunk.token { tokens.append(token) }
                text += chunk.text
                stats = chunk.stats
                if !json, !chunk.text.isEmpty {
                    FileHandle.standardOutput.write(Data(chunk.text.utf8))
                }
            }
        } catch {
            exitWithError(error)
        }
        if json {
            let result = GenerateResult(model: path, promptTokens: promptTokens, tokens: tokens, text: text, stats: stats)
            print(String(decoding: try GenerateResult.encoder.encode(result), as: UTF8.self))
        } else {
            print()
            let rate = String(format: "%.1f", stats.tokensPerSecond)
            FileHandle.standardError.write(Data("[\(stats.promptTokens) prompt tokens, \(stats.generatedTokens) generated, \(rate) tok/s, \(stats.finishReason?.rawValue ?? "done")]\n".utf8))
        }
    }
}

/// What `lux generate --json` prints.
struct GenerateResult: Encodable {
    var model: String
    var promptTokens: [Int32]
    var tokens: [Int32]
    var text: String
    var stats: GenerationStats

    enum CodingKeys: String, CodingKey {
        case model, promptTokens = "prompt_tokens", tokens, text, stats
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}
