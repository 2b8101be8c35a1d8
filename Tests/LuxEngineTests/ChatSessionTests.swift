import Foundation
import XCTest
import LuxEngine

/// The generation API on the default model: streaming with stats, stopping, KV reuse, cancel.
final class ChatSessionTests: XCTestCase {
    private let system = ChatMessage(.system, "You are a helpful assistant. Keep answers short.")

    private func collect(_ stream: AsyncThrowingStream<GenerationChunk, Error>) async throws -> (tokens: [Int32], text: String, stats: GenerationStats) {
        var tokens: [Int32] = [], text = "", stats = GenerationStats()
        for try await c in stream {
            if let t = c.token { tokens.append(t) }
            text += c.text
            stats = c.stats
        }
        return (tokens, text, stats)
    }

    func testStreamMatchesForwardGreedyAndReportsStats() async throws {
        let lm = try TestModels.languageModel(TestModels.smolLM2)
        let session = ChatSession(model: lm, contextLength: 512)
        let out = try await collect(session.complete("Once upon a time, in a small village in Luxembourg,",
                                                     parameters: GenerationParameters(maxTokens: 12, sampling: .greedy)))
        // The same tokens as the llama.cpp numerics fixture.
        struct F: Decodable { struct C: Decodable { var generated: [Int32] }; var cases: [C] }
        let f = try JSONDecoder().decode(F.self, from: Data(contentsOf: TestModels.fixture("numerics/smollm2-q4_1.json")))
        XCTAssertEqual(out.tokens, Array(f.cases[0].generated.prefix(12)))
        XCTAssertEqual(out.stats.generatedTokens, 12)
        XCTAssertEqual(out.stats.finishReason, .maxTokens)
        XCTAssertEqual(out.stats.contextCapacity, 512)
        XCTAssertGreaterThan(out.stats.promptTokens, 5)
        XCTAssertGreaterThan(out.stats.tokensPerSecond, 0)
        XCTAssertEqual(out.text, lm.tokenizer.decode(out.tokens))
    }

    func testNextTurnReusesThePrefixAndGivesTheSameTokens() async throws {
        let lm = try TestModels.languageModel(TestModels.smolLM2)
        let greedy = GenerationParameters(maxTokens: 16, sampling: .greedy)
        let session = ChatSession(model: lm, contextLength: 1024)
        var messages = [system, ChatMessage(.user, "Name three colours.")]
        let first = try await collect(session.reply(to: messages, parameters: greedy))
        XCTAssertEqual(first.stats.reusedTokens, 0)
        messages += [ChatMessage(.assistant, first.text), ChatMessage(.user, "And two animals?")]
        let second = try await collect(session.reply(to: messages, parameters: greedy))
        let prompt2 = try session.promptTokens(for: messages)
        // Everything up to the first reply was already in the cache.
        XCTAssertGreaterThan(second.stats.reusedTokens, try session.promptTokens(for: Array(messages.prefix(2))).count - 2)
        XCTAssertEqual(second.stats.promptTokens, prompt2.count)

        // A fresh session computing the whole prompt gives the same reply.
        let fresh = ChatSession(model: lm, contextLength: 1024)
        let again = try await collect(fresh.reply(to: messages, parameters: greedy))
        XCTAssertEqual(again.stats.reusedTokens, 0)
        XCTAssertEqual(again.tokens, second.tokens)
    }

    func testCancellingStopsWithinOneToken() async throws {
        let lm = try TestModels.languageModel(TestModels.smolLM2)
        let session = ChatSession(model: lm, contextLength: 2048)
        let prompt = try session.promptTokens(for: [system, ChatMessage(.user, "Count from one to one thousand.")])
        var seen = 0
        var params = GenerationParameters(maxTokens: 1500, sampling: .greedy)
        params.sampling.repeatPenalty = 1.0
        for try await chunk in session.generate(promptTokens: prompt, parameters: params) where chunk.token != nil {
            seen += 1
            if seen == 5 { break }  // leaving the loop drops the stream, which cancels
        }
        // The cache holds the prompt, the 5 tokens seen and at most one more in flight.
        let used = session.contextUsed
        XCTAssertLessThanOrEqual(used, prompt.count + seen + 1)
        XCTAssertGreaterThanOrEqual(used, prompt.count + seen - 1)

        // Cancelling the consuming task works the same way.
        let task = Task { () -> Int in
            var n = 0
            for try await c in session.generate(promptTokens: prompt, parameters: params) where c.token != nil { n += 1 }
            return n
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        let n = try await task.value
        XCTAssertLessThan(n, 1500)
        XCTAssertLessThanOrEqual(session.contextUsed, prompt.count + n + 1)
    }

    func testTooLongPromptAndEmptyPromptAreErrors() async throws {
        let lm = try TestModels.languageModel(TestModels.smolLM2)
        let session = ChatSession(model: lm, contextLength: 32)
        let long = String(repeating: "Luxembourg is a small country. ", count: 20)
        do {
            _ = try await collect(session.complete(long))
            XCTFail("expected an error")
        } catch let e as GenerationError {
            guard case .promptTooLong = e else { return XCTFail("\(e)") }
        }
        do {
            _ = try await collect(session.generate(promptTokens: [], parameters: .init()))
            XCTFail("expected an error")
        } catch let e as GenerationError {
            XCTAssertEqual(e, .emptyPrompt)
        }
    }
}
