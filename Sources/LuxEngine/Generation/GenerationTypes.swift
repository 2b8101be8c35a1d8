import Foundation

/// What to generate and how.
public struct GenerationParameters: Sendable, Equatable {
    public var maxTokens: Int = 512
    public var sampling = SamplingParameters()

    public init(maxTokens: Int = 512, sampling: SamplingParameters = SamplingParameters()) {
        self.maxTokens = maxTokens
        self.sampling = sampling
    }
}

public enum FinishReason: String, Sendable, Codable {
    case endOfTurn = "end_of_turn"
    case maxTokens = "max_tokens"
    case contextFull = "context_full"
    case cancelled
}

/// Running figures of one generation, updated with every piece of text.
public struct GenerationStats: Sendable, Equatable, Codable {
    /// Tokens of the prompt, including those whose keys and values were reused from the last turn.
    public var promptTokens = 0
    /// Prompt tokens that did not need computing: the prefix shared with the previous turn.
    public var reusedTokens = 0
    public var generatedTokens = 0
    public var promptSeconds: Double = 0
    public var generationSeconds: Double = 0
    /// Context positions in use after this step, and the session's capacity.
    public var contextUsed = 0
    public var contextCapacity = 0
    public var finishReason: FinishReason?

    public init() {}

    public var tokensPerSecond: Double { generationSeconds > 0 ? Double(generatedTokens) / generationSeconds : 0 }
    public var promptTokensPerSecond: Double {
        promptSeconds > 0 ? Double(promptTokens - reusedTokens) / promptSeconds : 0
    }
}

/// One step of a stream: new text (possibly empty while a character is incomplete) and the stats.
public struct GenerationChunk: Sendable {
    public var text: String
    public var token: Int32?
    public var stats: GenerationStats
}
