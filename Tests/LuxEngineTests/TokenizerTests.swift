import Foundation
import XCTest
import LuxEngine

/// The BPE tokenizer gives llama.cpp's ids, token for token, on a corpus of 269 texts for both test
/// vocabularies (SmolLM2, pre "smollm"; Llama 3, pre "llama-bpe"). The fixtures were made with
/// scripts/fixtures/make_tokenizer_fixtures.py (llama-cpp-python 0.3.36).
final class TokenizerTests: XCTestCase {
    struct Case: Decodable { let text: String; let ids: [Int32] }
    struct Piece: Decodable {
        let id: Int32
        let hex: String
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            id = try c.decode(Int32.self)
            hex = try c.decode(String.self)
        }
    }
    struct Fixture: Decodable {
        let model: String
        let pre: String
        let n_vocab: Int
        let add_bos: Bool
        let eog: [Int32]
        let cases: [Case]
        let special_cases: [Case]
        let pieces: [Piece]
    }

    static let fixtureFiles = ["smollm2.json", "llama3.json"]

    nonisolated(unsafe) private static var loaded: [String: (Fixture, Tokenizer)] = [:]
    private static let lock = NSLock()

    /// The fixture and a tokenizer for its model, made once per test run.
    func load(_ name: String) throws -> (Fixture, Tokenizer) {
        Self.lock.lock(); defer { Self.lock.unlock() }
        if let hit = Self.loaded[name] { return hit }
        let data = try Data(contentsOf: TestModels.fixture("tokenizer/\(name)"))
        let fx = try JSONDecoder().decode(Fixture.self, from: data)
        let tokenizer = try Tokenizer(gguf: TestModels.gguf(fx.model))
        Self.loaded[name] = (fx, tokenizer)
        return (fx, tokenizer)
    }

    private func compare(_ cases: [Case], _ what: String, encode: (String) -> [Int32]) {
        var matched = 0
        var mismatches: [String] = []
        for c in cases {
            let got = encode(c.text)
            if got == c.ids {
                matched += 1
            } else if mismatches.count < 5 {
                mismatches.append("\(c.text.prefix(60).debugDescription): got \(got.prefix(24)), llama.cpp \(c.ids.prefix(24))")
            }
        }
        XCTAssertEqual(matched, cases.count, "\(what): \(matched)/\(cases.count) texts match llama.cpp; first differences:\n" + mismatches.joined(separator: "\n"))
    }

    func testIdsMatchLlamaCpp() throws {
        for name in Self.fixtureFiles {
            let (fx, tokenizer) = try load(name)
            XCTAssertGreaterThanOrEqual(fx.cases.count, 220)
            compare(fx.cases, "\(fx.model) (pre \(fx.pre))") { tokenizer.encode($0) }
        }
    }

    func testParsedSpecialTokensMatchLlamaCpp() throws {
        for name in Self.fixtureFiles {
            let (fx, tokenizer) = try load(name)
            compare(fx.special_cases, "\(fx.model) with parseSpecial") { tokenizer.encode($0, parseSpecial: true) }
        }
    }

    func testModelFactsMatchLlamaCpp() throws {
        for name in Self.fixtureFiles {
            let (fx, tokenizer) = try load(name)
            XCTAssertEqual(tokenizer.vocabularySize, fx.n_vocab, fx.model)
            XCTAssertEqual(tokenizer.addBOS, fx.add_bos, fx.model)
            XCTAssertEqual(tokenizer.endOfTurn, Set(fx.eog), fx.model)
            if let eos = tokenizer.eos { XCTAssertTrue(tokenizer.endOfTurn.contains(eos), fx.model) }
        }
        let (_, llama) = try load("llama3.json")
        XCTAssertEqual(llama.bos, 128000)
        XCTAssertEqual(llama.eos, 128009)
        let (_, smol) = try load("smollm2.json")
        XCTAssertEqual(smol.bos, 1)
        XCTAssertEqual(smol.eos, 2)
    }

    func testBOSOverride() throws {
        let (_, llama) = try load("llama3.json")
        XCTAssertEqual(llama.encode("Hi").first, 128000)
        XCTAssertEqual(llama.encode("Hi", addBOS: false), Array(llama.encode("Hi").dropFirst()))
        let (_, smol) = try load("smollm2.json")
        XCTAssertEqual(smol.encode("Hi", addBOS: true), [1] + smol.encode("Hi"))
    }

    func testTypedControlTokenIsPlainText() throws {
        let (_, llama) = try load("llama3.json")
        XCTAssertEqual(llama.token(forSpecial: "<|eot_id|>"), 128009)
        XCTAssertNil(llama.token(forSpecial: "hello"), "a normal token is not special")
        XCTAssertNil(llama.token(forSpecial: "<|no_such_token|>"))
        let typed = "Please write <|eot_id|> for me"
        XCTAssertFalse(llama.encode(typed).contains(128009))
        XCTAssertEqual(llama.encode(typed, parseSpecial: true).filter { $0 == 128009 }.count, 1)
        XCTAssertEqual(llama.decode(llama.encode(typed)), typed)

        let (_, smol) = try load("smollm2.json")
        XCTAssertEqual(smol.token(forSpecial: "<|im_end|>"), 2)
        XCTAssertFalse(smol.encode("<|im_end|>").contains(2))
        XCTAssertEqual(smol.encode("<|im_end|>", parseSpecial: true), [2])
    }

    func testDecodeInvertsEncode() throws {
        for name in Self.fixtureFiles {
            let (fx, tokenizer) = try load(name)
            var failures: [String] = []
            for c in fx.cases where Array(tokenizer.decode(tokenizer.encode(c.text)).utf8) != Array(c.text.utf8) {
                failures.append(c.text.prefix(60).debugDescription)
            }
            XCTAssertEqual(failures, [], "\(fx.model): decode(encode(s)) != s for \(failures.count) texts")
        }
    }

    func testTokenBytesMatchLlamaCppPieces() throws {
        for name in Self.fixtureFiles {
            let (fx, tokenizer) = try load(name)
            var matched = 0
            var first: String?
            for p in fx.pieces {
                let hex = tokenizer.bytes(of: p.id).map { String(format: "%02x", $0) }.joined()
                if hex == p.hex { matched += 1 } else if first == nil { first = "id \(p.id): \(hex) vs llama.cpp \(p.hex)" }
            }
            XCTAssertEqual(matched, fx.pieces.count, "\(fx.model): \(matched)/\(fx.pieces.count) pieces match; \(first ?? "")")
            XCTAssertEqual(tokenizer.bytes(of: -1), [])
            XCTAssertEqual(tokenizer.bytes(of: Int32(fx.n_vocab)), [])
        }
    }

    /// The id of the token that is exactly these bytes.
    private func tokenOf(_ bytes: [UInt8], in tokenizer: Tokenizer) -> Int32? {
        (0..<Int32(tokenizer.vocabularySize)).first { tokenizer.bytes(of: $0) == bytes }
    }

    func testStreamingDecoderHoldsBackSplitCharacters() throws {
        let (_, llama) = try load("llama3.json")
        // "ë" is C3 AB; each byte alone is a byte-level token of the Llama 3 vocabulary.
        let c3 = try XCTUnwrap(tokenOf([0xC3], in: llama))
        let ab = try XCTUnwrap(tokenOf([0xAB], in: llama))
        var stream = StreamingDecoder(tokenizer: llama)
        XCTAssertEqual(stream.push(try XCTUnwrap(llama.encode("M", addBOS: false).first)), "M")
        XCTAssertEqual(stream.push(c3), "", "half of ë must be held back")
        XCTAssertEqual(stream.push(ab), "ë")
        XCTAssertEqual(stream.flush(), "")

        // 😀 is F0 9F 98 80: four tokens, one character.
        var emoji = StreamingDecoder(tokenizer: llama)
        var out: [String] = []
        for b: UInt8 in [0xF0, 0x9F, 0x98, 0x80] { out.append(emoji.push(try XCTUnwrap(tokenOf([b], in: llama)))) }
        XCTAssertEqual(out, ["", "", "", "😀"])

        // A broken sequence does not block: C3 followed by "a" gives U+FFFD then "a".
        var broken = StreamingDecoder(tokenizer: llama)
        XCTAssertEqual(broken.push(c3), "")
        XCTAssertEqual(broken.push(try XCTUnwrap(tokenOf([0x61], in: llama))), "\u{FFFD}a")
        XCTAssertEqual(broken.push(c3), "")
        XCTAssertEqual(broken.flush(), "\u{FFFD}", "an unfinished character is flushed as U+FFFD")

        // Control tokens (BOS, EOT) stream as nothing, as in decode.
        var control = StreamingDecoder(tokenizer: llama)
        XCTAssertEqual(control.push(128000), "")
        XCTAssertEqual(control.push(128009), "")
    }

    func testStreamingEqualsDecode() throws {
        for name in Self.fixtureFiles {
            let (fx, tokenizer) = try load(name)
            for c in fx.cases + fx.special_cases {
                var stream = StreamingDecoder(tokenizer: tokenizer)
                var text = ""
                for id in c.ids { text += stream.push(id) }
                text += stream.flush()
                XCTAssertEqual(Array(text.utf8), Array(tokenizer.decode(c.ids).utf8), "\(fx.model): \(c.text.prefix(40).debugDescription)")
            }
        }
    }

    // MARK: small handmade vocabularies

    /// A GGUF file holding only tokenizer metadata, written to a temporary file.
    private func makeGGUF(_ entries: [(String, GGUFTestValue)]) throws -> GGUFFile {
        var d = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        func str(_ s: String) { u64(UInt64(s.utf8.count)); d.append(contentsOf: Array(s.utf8)) }
        d.append(contentsOf: Array("GGUF".utf8))
        u32(3); u64(0); u64(UInt64(entries.count))
        for (key, value) in entries {
            str(key)
            switch value {
            case .string(let s): u32(8); str(s)
            case .strings(let a): u32(9); u32(8); u64(UInt64(a.count)); a.forEach(str)
            case .int32s(let a): u32(9); u32(5); u64(UInt64(a.count)); a.forEach { u32(UInt32(bitPattern: $0)) }
            case .uint32(let v): u32(4); u32(v)
            case .bool(let b): u32(7); d.append(b ? 1 : 0)
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lux-tok-\(UUID().uuidString).gguf")
        try d.write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return try GGUFFile(path: url.path)
    }

    enum GGUFTestValue { case string(String), strings([String]), int32s([Int32]), uint32(UInt32), bool(Bool) }

    /// Bytes a..d, "cd" and "abcd" in the vocabulary; the merge "a b" builds "ab", which the
    /// vocabulary lacks, and "ab cd" builds "abcd" from it.
    private func tinyVocabulary(pre: String = "gpt-2") -> [(String, GGUFTestValue)] {
        [("tokenizer.ggml.model", .string("gpt2")),
         ("tokenizer.ggml.pre", .string(pre)),
         ("tokenizer.ggml.tokens", .strings(["a", "b", "c", "d", "cd", "abcd", "<|end|>", "<user>"])),
         ("tokenizer.ggml.token_type", .int32s([1, 1, 1, 1, 1, 1, 3, 4])),
         ("tokenizer.ggml.merges", .strings(["c d", "a b", "ab cd"])),
         ("tokenizer.ggml.eos_token_id", .uint32(6))]
    }

    func testMergesThroughStringsOutsideTheVocabulary() throws {
        let tokenizer = try Tokenizer(gguf: makeGGUF(tinyVocabulary()))
        XCTAssertEqual(tokenizer.encode("abcd"), [5], "'ab' is not a token but still merges on into 'abcd'")
        XCTAssertEqual(tokenizer.encode("ab"), [0, 1], "a leftover 'ab' is spelled out byte by byte")
        XCTAssertEqual(tokenizer.encode("dcd"), [3, 4])
        XCTAssertEqual(tokenizer.encode("x"), [], "a byte with no token is dropped, as in llama.cpp")
        XCTAssertFalse(tokenizer.addBOS)
        XCTAssertEqual(tokenizer.endOfTurn, [6], "EOS, and <|end|> by its text")
    }

    func testUserDefinedTokensAreAlwaysMatched() throws {
        let tokenizer = try Tokenizer(gguf: makeGGUF(tinyVocabulary()))
        XCTAssertEqual(tokenizer.encode("a<user>b"), [0, 7, 1])
        XCTAssertEqual(tokenizer.encode("a<|end|>", parseSpecial: true), [0, 6])
        XCTAssertEqual(tokenizer.token(forSpecial: "<user>"), 7)
        XCTAssertEqual(tokenizer.decode([0, 7, 6, 1]), "a<user>b", "user-defined text shows, control does not")
    }

    func testBadTokenizerMetadataNamesTheKey() throws {
        func expectError(_ entries: [(String, GGUFTestValue)], _ key: String, _ words: String, line: UInt = #line) throws {
            let gguf = try makeGGUF(entries)
            XCTAssertThrowsError(try Tokenizer(gguf: gguf), line: line) { error in
                let text = "\(error)"
                XCTAssertTrue(error is GGUFError, text, line: line)
                XCTAssertTrue(text.contains("key \(key)") && text.contains(words), text, line: line)
            }
        }
        var base = tinyVocabulary()
        try expectError(base.filter { $0.0 != "tokenizer.ggml.model" }, "tokenizer.ggml.model", "missing")
        base[0].1 = .string("llama")
        try expectError(base, "tokenizer.ggml.model", "'llama' is not supported")
        try expectError(tinyVocabulary(pre: "qwen2"), "tokenizer.ggml.pre", "'qwen2' is not supported")
        try expectError(tinyVocabulary().filter { $0.0 != "tokenizer.ggml.pre" }, "tokenizer.ggml.pre", "missing")
        try expectError(tinyVocabulary().filter { $0.0 != "tokenizer.ggml.merges" }, "tokenizer.ggml.merges", "missing")
        try expectError(tinyVocabulary() + [("tokenizer.ggml.bos_token_id", .uint32(99))], "tokenizer.ggml.bos_token_id", "outside the vocabulary")
        try expectError(tinyVocabulary() + [("tokenizer.ggml.add_bos_token", .string("yes"))], "tokenizer.ggml.add_bos_token", "expected a boolean")
        var dup = tinyVocabulary()
        dup[2].1 = .strings(["a", "b", "a", "d", "cd", "abcd", "<|end|>", "<user>"])
        try expectError(dup, "tokenizer.ggml.tokens", "repeats token 0")
        var short = tinyVocabulary()
        short[3].1 = .int32s([1, 1])
        try expectError(short, "tokenizer.ggml.token_type", "2 entries for 8 tokens")
    }
}
