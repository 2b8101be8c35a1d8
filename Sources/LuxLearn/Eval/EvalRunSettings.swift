import Foundation

/// What decides a run's answers and scores. Runs with equal settings share their stored results,
/// so running the same setup again resumes it; any change starts a new run.
public struct EvalRunSettings: Codable, Sendable, Equatable {
    public var model: String
    /// The model file's size: a model replaced at the same path makes a new run.
    public var modelBytes: Int64
    public var judge: String
    public var judgeBytes: Int64
    /// 0 is greedy.
    public var temperature: Float
    public var seed: UInt64?
    /// Replaces every category's own answer length when set.
    public var maxTokens: Int?
    public var judgeMaxTokens: Int
    public var contextLength: Int?
    public var promptVersion: String

    public init(model: String, modelBytes: Int64, judge: String, judgeBytes: Int64, temperature: Float,
                seed: UInt64?, maxTokens: Int?, judgeMaxTokens: Int, contextLength: Int?,
                promptVersion: String = EvalPrompts.version) {
        self.model = model
        self.modelBytes = modelBytes
        self.judge = judge
        self.judgeBytes = judgeBytes
        self.temperature = temperature
        self.seed = seed
        self.maxTokens = maxTokens
        self.judgeMaxTokens = judgeMaxTokens
        self.contextLength = contextLength
        self.promptVersion = promptVersion
    }

    /// The settings as JSON, keys sorted: the same settings give the same text.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The run's key: a stable hash of the settings.
    public var key: String { StableHash.hex(json) }

    /// Tokens an answer to `category` may take.
    public func answerTokens(_ category: EvalCategory) -> Int {
        maxTokens ?? category.defaultMaxTokens
    }

    /// The settings as report lines.
    public var reportLines: [(String, String)] {
        var lines = [("Sampling", temperature == 0 ? "greedy" : "temperature \(temperature)" + (seed.map { ", seed \($0)" } ?? ""))]
        if let maxTokens { lines.append(("Answer tokens", "at most \(maxTokens)")) }
        lines.append(("Judge tokens", "\(judgeMaxTokens)"))
        lines.append(("Run key", key))
        return lines
    }
}
