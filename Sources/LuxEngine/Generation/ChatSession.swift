import Foundation

/// One conversation with a model: it owns a KV cache, and the next turn reuses the cache for the
/// prefix it shares with the previous one, so only the new messages are computed.
/// Generation runs on its own thread; the stream delivers text pieces as they are decoded.
/// Cancelling the consuming task (or dropping the stream) stops generation within one token.
public final class ChatSession: @unchecked Sendable {
    public let model: LanguageModel
    public let contextLength: Int
    private let state: LlamaState
    private var cachedTokens: [Int32] = []
    private let queue = DispatchQueue(label: "lux.generation")

    public init(model: LanguageModel, contextLength: Int? = nil) {
        self.model = model
        let n = max(16, min(contextLength ?? model.defaultContextLength, model.llama.config.contextLength))
        self.contextLength = n
        state = model.llama.makeState(contextLength: n)
    }

    /// Tokens the conversation would take, to let the caller drop old turns before it overflows.
    public func promptTokens(for messages: [ChatMessage]) throws -> [Int32] {
        guard let template = model.template else { throw GenerationError.noChatTemplate(model.path) }
        return template.tokens(for: messages, tokenizer: model.tokenizer)
    }

    /// The assistant's reply to `messages`, streamed.
    public func reply(to messages: [ChatMessage], parameters: GenerationParameters = .init()) -> AsyncThrowingStream<GenerationChunk, Error> {
        do {
            return generate(promptTokens: try promptTokens(for: messages), parameters: parameters)
        } catch {
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
    }

    /// A plain continuation of `prompt` (no chat format); BOS as the model wants it.
    public func complete(_ prompt: String, parameters: GenerationParameters = .init()) -> AsyncThrowingStream<GenerationChunk, Error> {
        generate(promptTokens: model.tokenizer.encode(prompt), parameters: parameters)
    }

    public func generate(promptTokens: [Int32], parameters: GenerationParameters) -> AsyncThrowingStream<GenerationChunk, Error> {
        let cancelled = CancelFlag()
        return AsyncThrowingStream { continuation in
            continuation.onTermination = { _ in cancelled.set() }
            queue.async { [self] in
                do {
                    try run(promptTokens, parameters, cancelled) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }

    /// The generation loop (on the session's queue).
    private func run(_ prompt: [Int32], _ p: GenerationParameters, _ cancelled: CancelFlag,
                     emit: (GenerationChunk) -> Void) throws {
        guard !prompt.isEmpty else { throw GenerationError.emptyPrompt }
        guard prompt.count < contextLength else {
            throw GenerationError.promptTooLong(tokens: prompt.count, context: contextLength)
        }
        let llama = model.llama
        var stats = GenerationStats()
        stats.promptTokens = prompt.count
        stats.contextCapacity = contextLength

        // Reuse the shared prefix; at least the last prompt token is recomputed for its logits.
        var shared = 0
        while shared < min(cachedTokens.count, prompt.count - 1), cachedTokens[shared] == prompt[shared] { shared += 1 }
        state.truncate(to: shared)
        cachedTokens = Array(prompt[..<shared])
        stats.reusedTokens = shared

        let t0 = Date()
        var logits = try llama.forward(Array(prompt[shared...]), state: state)
        cachedTokens = prompt
        stats.promptSeconds = Date().timeIntervalSince(t0)
        stats.contextUsed = state.position

        var sampler = Sampler(p.sampling)
        var decoder = StreamingDecoder(tokenizer: model.tokenizer)
        var history = prompt
        let stops = model.tokenizer.endOfTurn
        let t1 = Date()
        while true {
            if cancelled.isSet { stats.finishReason = .cancelled; break }
            if stats.generatedTokens >= p.maxTokens { stats.finishReason = .maxTokens; break }
            let token = sampler.sample(logits, recent: history)
            if stops.contains(token) { stats.finishReason = .endOfTurn; break }
            stats.generatedTokens += 1
            history.append(token)
            let text = decoder.push(token)
            stats.generationSeconds = Date().timeIntervalSince(t1)
            emit(GenerationChunk(text: text, token: token, stats: stats))
            if state.position >= contextLength { stats.finishReason = .contextFull; break }
            if cancelled.isSet { stats.finishReason = .cancelled; break }
            logits = try llama.forward([token], state: state)
            cachedTokens.append(token)
            stats.contextUsed = state.position
        }
        stats.generationSeconds = Date().timeIntervalSince(t1)
        emit(GenerationChunk(text: decoder.flush(), token: nil, stats: stats))
    }

    /// Context positions holding the conversation so far (waits for a running generation to stop).
    public var contextUsed: Int {
        queue.sync { state.position }
    }

    /// Forget the conversation (the next call computes its whole prompt).
    public func reset() {
        queue.sync { cachedTokens = []; state.truncate(to: 0) }
    }
}

public enum GenerationError: Error, CustomStringConvertible, Equatable {
    case noChatTemplate(String)
    case emptyPrompt
    case promptTooLong(tokens: Int, context: Int)

    public var description: String {
        switch self {
        case .noChatTemplate(let p): return "\(p): tokenizer.chat_template: the model has no Llama 3 or ChatML chat format"
        case .emptyPrompt: return "the prompt is empty"
        case .promptTooLong(let n, let c): return "the prompt has \(n) tokens but the context holds \(c)"
        }
    }
}

/// A flag set from any thread (the stream's termination) and read by the generation loop.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
