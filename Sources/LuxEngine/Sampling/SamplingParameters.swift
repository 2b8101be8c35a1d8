/// How the next token is chosen. The defaults are llama.cpp's (common_params_sampling):
/// temperature 0.8, top-k 40, top-p 0.95, min-p 0.05, repetition penalty 1.0 (off) over 64 tokens.
public struct SamplingParameters: Sendable, Equatable, Codable {
    /// 0 or less means greedy: always the most likely token.
    public var temperature: Float = 0.8
    /// 0 or less keeps every token.
    public var topK: Int = 40
    /// 1 keeps every token.
    public var topP: Float = 0.95
    /// 0 keeps every token.
    public var minP: Float = 0.05
    /// 1 is off. Logits of recent tokens are divided (if positive) or multiplied (if negative) by it.
    public var repeatPenalty: Float = 1.0
    /// How many of the most recent tokens the penalty looks at.
    public var repeatLastN: Int = 64
    /// The same seed gives the same tokens; nil picks one at random.
    public var seed: UInt64? = nil

    public init() {}

    public static var greedy: SamplingParameters {
        var p = SamplingParameters()
        p.temperature = 0
        return p
    }
}
