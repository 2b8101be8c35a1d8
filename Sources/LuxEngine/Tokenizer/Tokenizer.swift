/// A byte-level BPE tokenizer read from a GGUF file's `tokenizer.ggml.*` keys, token-exact with
/// llama.cpp: special tokens cut out first, then the pre-tokenizer named by `tokenizer.ggml.pre`
/// splits the text into words, then each word's bytes merge by rank.
/// Immutable after init, so one instance may serve many threads.
public final class Tokenizer: @unchecked Sendable {
    let vocabulary: Vocabulary
    let rules: MergeRules
    let specials: SpecialTokenSplitter
    /// The token whose text is exactly one byte-level character, per byte (-1: none); used to
    /// spell out a merged string the vocabulary lacks.
    private let singleByteTokens: [Int32]

    public init(gguf: GGUFFile) throws {
        let vocabulary = try Vocabulary(gguf: gguf)
        self.vocabulary = vocabulary
        rules = try MergeRules(gguf: gguf, vocabulary: vocabulary)
        specials = SpecialTokenSplitter(vocabulary: vocabulary)
        singleByteTokens = (0..<256).map { vocabulary.texts.find([UInt8($0)]) ?? -1 }
    }

    public var vocabularySize: Int { vocabulary.count }
    /// `tokenizer.ggml.bos_token_id`.
    public var bos: Int32? { vocabulary.bos }
    /// `tokenizer.ggml.eos_token_id`.
    public var eos: Int32? { vocabulary.eos }
    /// `tokenizer.ggml.add_bos_token`, or llama.cpp's default for the pre-tokenizer (true for Llama 3).
    public var addBOS: Bool { vocabulary.addBOS }
    /// Every token llama.cpp treats as end of generation: EOS, end of turn (<|eot_id|>, <|im_end|>,
    /// <|end_of_text|>, ...), end of message (<|eom_id|>), and the FIM pad/repo/separator tokens.
    public var endOfTurn: Set<Int32> { vocabulary.endOfGeneration }

    /// The id of a control or user-defined token by its exact text ("<|eot_id|>" -> 128009).
    public func token(forSpecial text: String) -> Int32? {
        guard let id = vocabulary.texts.find(Array(text.utf8)) else { return nil }
        return vocabulary.attributes[Int(id)].isDisjoint(with: [.control, .userDefined]) ? nil : id
    }

    /// Token ids for `text`. `addBOS: nil` follows the model (BOS per add_bos_token, and EOS per
    /// add_eos_token, like llama.cpp's add_special); true or false forces BOS on or off and adds no
    /// EOS. `parseSpecial: false` (the default) is for anything a user typed: "<|eot_id|>" in it is
    /// plain text. User-defined tokens are matched either way, as in llama.cpp.
    public func encode(_ text: String, addBOS: Bool? = nil, parseSpecial: Bool = false) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(text.utf8.count / 3 + 2)
        if addBOS ?? vocabulary.addBOS, let bos = vocabulary.bos { out.append(bos) }
        var work = EncodeBuffers()
        var text = text
        text.withUTF8 { bytes in
            for fragment in specials.split(bytes, parseSpecial: parseSpecial) {
                switch fragment {
                case .token(let id):
                    out.append(id)
                case .text(let range):
                    encodeOrdinary(UnsafeBufferPointer(rebasing: bytes[range]), into: &out, work: &work)
                }
            }
        }
        if addBOS == nil, vocabulary.addEOS, let eos = vocabulary.eos { out.append(eos) }
        return out
    }

    /// The raw bytes a token stands for: byte-level decoded for normal tokens, the text itself for
    /// control and user-defined tokens (llama.cpp's token_to_piece with special = true). An id
    /// outside the vocabulary gives no bytes.
    public func bytes(of token: Int32) -> [UInt8] {
        var out: [UInt8] = []
        appendBytes(of: token, to: &out, showSpecial: true)
        return out
    }

    /// The text of `tokens`, leaving out control tokens (BOS, <|eot_id|>, ...) as llama.cpp's
    /// detokenizer does. Unlike llama.cpp it never "cleans up" spaces before punctuation, so
    /// decode(encode(s)) == s, and it is the concatenation of what a `StreamingDecoder` yields.
    /// Bytes that do not form UTF-8 become U+FFFD.
    public func decode(_ tokens: [Int32]) -> String {
        var out: [UInt8] = []
        for t in tokens { appendBytes(of: t, to: &out, showSpecial: false) }
        return String(decoding: out, as: UTF8.self)
    }

    func appendBytes(of token: Int32, to out: inout [UInt8], showSpecial: Bool) {
        guard token >= 0, Int(token) < vocabulary.count else { return }
        let attributes = vocabulary.attributes[Int(token)]
        if attributes.isHiddenInText && !showSpecial { return }
        let text = vocabulary.texts.text(token)
        if !attributes.isDisjoint(with: [.control, .unknown, .userDefined]) {
            out.append(contentsOf: text)
        } else if attributes.contains(.normal) {
            ByteLevel.decode(text, into: &out)
        } else if attributes.contains(.byte), let b = Self.byteTokenValue(text) {
            out.append(b)
        }
    }

    /// "<0x0A>" -> 0x0A.
    private static func byteTokenValue(_ text: ArraySlice<UInt8>) -> UInt8? {
        guard text.count == 6, text.starts(with: Array("<0x".utf8)), text.last == UInt8(ascii: ">") else { return nil }
        return UInt8(String(decoding: text.dropFirst(3).prefix(2), as: UTF8.self), radix: 16)
    }

    /// Scratch space for one encode call, reused from word to word.
    private struct EncodeBuffers {
        var scalars: [UInt32] = []
        var classes: [ScalarClass] = []
        var starts: [Int] = []          // byte offset of each scalar, then the end
        var spelled: [UInt8] = []       // a word in byte-level spelling
        var symbols: [Int32] = []
        var merger = BPEMerger()
    }

    /// Text without special tokens: pre-tokenize, then BPE each word.
    private func encodeOrdinary(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [Int32], work: inout EncodeBuffers) {
        work.scalars.removeAll(keepingCapacity: true)
        work.classes.removeAll(keepingCapacity: true)
        work.starts.removeAll(keepingCapacity: true)
        var i = 0
        while i < bytes.count {
            let (scalar, length) = Self.decodeScalar(bytes, at: i)
            work.scalars.append(scalar)
            work.classes.append(ScalarClass.of(scalar))
            work.starts.append(i)
            i += length
        }
        work.starts.append(bytes.count)

        for word in vocabulary.pre.split(work.scalars, work.classes) {
            let wordBytes = UnsafeBufferPointer(rebasing: bytes[work.starts[word.lowerBound] ..< work.starts[word.upperBound]])
            if vocabulary.pre.ignoreMerges, let id = wholeWordToken(wordBytes, spelled: &work.spelled) {
                out.append(id)
                continue
            }
            work.symbols.removeAll(keepingCapacity: true)
            work.merger.merge(wordBytes, byteSymbols: rules.byteSymbols, rules: rules.table, into: &work.symbols)
            for symbol in work.symbols {
                if Int(symbol) < rules.vocabularyCount {
                    out.append(symbol)
                } else {
                    for b in rules.symbols.text(symbol) where singleByteTokens[Int(b)] >= 0 {
                        out.append(singleByteTokens[Int(b)])
                    }
                }
            }
        }
    }

    /// The token whose text is this whole word, if any (Llama 3 takes such words unmerged).
    private func wholeWordToken(_ word: UnsafeBufferPointer<UInt8>, spelled: inout [UInt8]) -> Int32? {
        spelled.removeAll(keepingCapacity: true)
        let limit = vocabulary.texts.maxLength
        for b in word {
            spelled.append(contentsOf: ByteLevel.utf8OfByte[Int(b)])
            if spelled.count > limit { return nil }
        }
        return spelled.withUnsafeBufferPointer { vocabulary.texts.find($0) }
    }

    /// One scalar of UTF-8 and its length; a malformed byte reads as U+FFFD and advances by one,
    /// as llama.cpp does (a Swift String never holds one).
    private static func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        func cont(_ k: Int) -> UInt32? {
            i + k < b.count && b[i + k] & 0xC0 == 0x80 ? UInt32(b[i + k] & 0x3F) : nil
        }
        if b0 < 0x80 { return (b0, 1) }
        if b0 & 0xE0 == 0xC0, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
        if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) { return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3) }
        if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        }
        return (0xFFFD, 1)
    }
}
