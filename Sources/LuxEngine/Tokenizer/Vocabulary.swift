/// The token list of a GGUF file and what llama.cpp makes of it: texts, attributes, the special
/// ids, whether to add BOS/EOS, and the tokens that end generation. Every bad or missing key is a
/// `GGUFError` naming the key.
struct Vocabulary {
    /// Token texts as stored (byte-level spelling for normal tokens), id = position.
    let texts: TextIndex
    let attributes: [TokenAttributes]
    let pre: PreTokenizer
    let bos: Int32?
    let eos: Int32?
    let addBOS: Bool
    let addEOS: Bool
    let endOfGeneration: Set<Int32>

    var count: Int { attributes.count }

    init(gguf: GGUFFile) throws {
        let path = gguf.path
        func fail(_ key: String, _ message: String) -> GGUFError {
            GGUFError(path: path, place: "key \(key)", message: message)
        }

        let modelKey = "tokenizer.ggml.model"
        guard let model = gguf.metadata[modelKey] else { throw fail(modelKey, "required key is missing (the file has no tokenizer)") }
        guard let modelName = model.stringValue else { throw fail(modelKey, "expected a string, found \(model.summary)") }
        guard modelName == "gpt2" else {
            throw fail(modelKey, "tokenizer '\(modelName)' is not supported; LuxEngine reads byte-level BPE ('gpt2') vocabularies only")
        }

        let preKey = "tokenizer.ggml.pre"
        let supported = PreTokenizer.supportedNames.joined(separator: ", ")
        guard let preValue = gguf.metadata[preKey] else {
            throw fail(preKey, "required key is missing (llama.cpp would guess a 'default' pre-tokenizer; LuxEngine supports \(supported))")
        }
        guard let preName = preValue.stringValue else { throw fail(preKey, "expected a string, found \(preValue.summary)") }
        guard let pre = PreTokenizer(name: preName) else {
            throw fail(preKey, "pre-tokenizer '\(preName)' is not supported (supported: \(supported))")
        }
        self.pre = pre

        let tokensKey = "tokenizer.ggml.tokens"
        guard let tokensValue = gguf.metadata[tokensKey] else { throw fail(tokensKey, "required key is missing") }
        guard let tokens = tokensValue.stringArray else { throw fail(tokensKey, "expected an array of strings, found \(tokensValue.summary)") }
        guard !tokens.isEmpty, tokens.count < Int(Int32.max) else { throw fail(tokensKey, "holds \(tokens.count) tokens") }

        var attributes = [TokenAttributes](repeating: .normal, count: tokens.count)
        let typeKey = "tokenizer.ggml.token_type"
        if let typeValue = gguf.metadata[typeKey] {
            guard let types = typeValue.intArray else { throw fail(typeKey, "expected an array of integers, found \(typeValue.summary)") }
            guard types.count >= tokens.count else { throw fail(typeKey, "has \(types.count) entries for \(tokens.count) tokens") }
            for i in 0..<tokens.count { attributes[i] = TokenAttributes(ggufType: types[i]) }
        }

        var texts = TextIndex(expectedCount: tokens.count)
        for (i, token) in tokens.enumerated() {
            var text = Array(token.utf8)
            if text.isEmpty { text = Array("[EMPTY_\(i)]".utf8) }  // llama.cpp's name for an empty token
            let (id, inserted) = texts.insert(text)
            guard inserted else { throw fail(tokensKey, "token \(i) '\(token)' repeats token \(id)") }
        }
        self.texts = texts

        func tokenID(_ suffix: String) throws -> Int32? {
            let key = "tokenizer.ggml.\(suffix)"
            guard let value = gguf.metadata[key] else { return nil }
            guard let id = value.intValue else { throw fail(key, "expected an integer, found \(value.summary)") }
            guard id < tokens.count else { throw fail(key, "token id \(id) is outside the vocabulary of \(tokens.count) tokens") }
            return Int32(id)
        }
        func flag(_ suffix: String) throws -> Bool? {
            let key = "tokenizer.ggml.\(suffix)"
            guard let value = gguf.metadata[key] else { return nil }
            guard let b = value.boolValue else { throw fail(key, "expected a boolean, found \(value.summary)") }
            return b
        }

        bos = try tokenID("bos_token_id")
        eos = try tokenID("eos_token_id")
        addBOS = try (flag("add_bos_token") ?? pre.defaultAddBOS) && bos != nil
        addEOS = try (flag("add_eos_token") ?? false) && eos != nil

        // Special tokens not given by key are found by text (lowest id first) and become control.
        func find(_ candidates: [String]) -> Int32? {
            candidates.compactMap { texts.find(Array($0.utf8)) }.min()
        }
        func byKeyOrText(_ keys: [String], _ candidates: [String]) throws -> Int32? {
            for key in keys { if let id = try tokenID(key) { return id } }
            guard let id = find(candidates) else { return nil }
            attributes[Int(id)].insert(.control)
            return id
        }
        let eot = try byKeyOrText(["eot_token_id"], SpecialTokenRules.endOfTurn)
        let eom = try byKeyOrText(["eom_token_id"], SpecialTokenRules.endOfMessage)
        _ = try byKeyOrText(["fim_pre_token_id", "prefix_token_id"], SpecialTokenRules.fimPrefix)
        _ = try byKeyOrText(["fim_suf_token_id", "suffix_token_id"], SpecialTokenRules.fimSuffix)
        _ = try byKeyOrText(["fim_mid_token_id", "middle_token_id"], SpecialTokenRules.fimMiddle)
        let fimPad = try byKeyOrText(["fim_pad_token_id"], SpecialTokenRules.fimPad)
        let fimRepo = try byKeyOrText(["fim_rep_token_id"], SpecialTokenRules.fimRepo)
        let fimSeparator = try byKeyOrText(["fim_sep_token_id"], SpecialTokenRules.fimSeparator)

        var ends = Set([fimPad, fimRepo, fimSeparator, eos, eot, eom].compactMap { $0 })
        for text in SpecialTokenRules.endOfGeneration {
            if let id = texts.find(Array(text.utf8)) {
                ends.insert(id)
                attributes[Int(id)].insert(.control)
            }
        }
        endOfGeneration = ends
        self.attributes = attributes
    }
}
