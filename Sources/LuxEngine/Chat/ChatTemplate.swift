/// The prompt formats LuxEngine speaks, chosen from the GGUF's `tokenizer.chat_template`:
///   Llama 3: <|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>…
///   ChatML:  <|im_start|>user\nHi<|im_end|>\n…
/// Message text is tokenized with special tokens off, so a learner typing "<|eot_id|>" cannot end
/// the turn or forge a role; only the template's own markers are special.
public enum ChatTemplate: String, Sendable, Equatable {
    case llama3
    case chatml

    public static func detect(gguf: GGUFFile, tokenizer: Tokenizer) -> ChatTemplate? {
        let t = gguf.string("tokenizer.chat_template") ?? ""
        if t.contains("<|start_header_id|>") { return .llama3 }
        if t.contains("<|im_start|>") { return .chatml }
        // No template in the file: fall back on which markers the vocabulary has.
        if tokenizer.token(forSpecial: "<|start_header_id|>") != nil { return .llama3 }
        if tokenizer.token(forSpecial: "<|im_start|>") != nil { return .chatml }
        return nil
    }

    /// The tokens of `messages` followed by the opening of the assistant's turn.
    public func tokens(for messages: [ChatMessage], tokenizer tk: Tokenizer) -> [Int32] {
        var out: [Int32] = []
        func special(_ s: String) { out += tk.encode(s, addBOS: false, parseSpecial: true) }
        func text(_ s: String) { out += tk.encode(s, addBOS: false, parseSpecial: false) }
        switch self {
        case .llama3:
            if let bos = tk.bos { out.append(bos) }
            for m in messages {
                special("<|start_header_id|>\(m.role.rawValue)<|end_header_id|>\n\n")
                text(m.content.trimmingWhitespace)
                special("<|eot_id|>")
            }
            special("<|start_header_id|>assistant<|end_header_id|>\n\n")
        case .chatml:
            if tk.addBOS, let bos = tk.bos { out.append(bos) }
            for m in messages {
                special("<|im_start|>\(m.role.rawValue)\n")
                text(m.content)
                special("<|im_end|>\n")
            }
            special("<|im_start|>assistant\n")
        }
        return out
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
