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
    /// Like llama.cpp, the text between two markers is tokenized as one run (so "user\n" and the
    /// message merge exactly as they would in the rendered template), but only the template's
    /// markers are special: a marker inside a message stays text.
    public func tokens(for messages: [ChatMessage], tokenizer tk: Tokenizer) -> [Int32] {
        var pieces = Pieces()
        switch self {
        case .llama3:
            if let bos = tk.bos { pieces.token(bos) }
            for m in messages {
                pieces.marker("<|start_header_id|>")
                pieces.text(m.role.rawValue)
                pieces.marker("<|end_header_id|>")
                pieces.text("\n\n" + m.content.trimmingWhitespace)
                pieces.marker("<|eot_id|>")
            }
            pieces.marker("<|start_header_id|>")
            pieces.text("assistant")
            pieces.marker("<|end_header_id|>")
            pieces.text("\n\n")
        case .chatml:
            if tk.addBOS, let bos = tk.bos { pieces.token(bos) }
            for m in messages {
                pieces.marker("<|im_start|>")
                pieces.text(m.role.rawValue + "\n" + m.content)
                pieces.marker("<|im_end|>")
                pieces.text("\n")
            }
            pieces.marker("<|im_start|>")
            pieces.text("assistant\n")
        }
        return pieces.tokens(tk)
    }

    /// The prompt as markers and runs of text; adjacent text is joined before tokenizing.
    private struct Pieces {
        enum Piece { case token(Int32), marker(String), text(String) }
        var list: [Piece] = []

        mutating func token(_ id: Int32) { list.append(.token(id)) }
        mutating func marker(_ s: String) { list.append(.marker(s)) }
        mutating func text(_ s: String) {
            if case .text(let previous)? = list.last {
                list[list.count - 1] = .text(previous + s)
            } else {
                list.append(.text(s))
            }
        }

        func tokens(_ tk: Tokenizer) -> [Int32] {
            var out: [Int32] = []
            for piece in list {
                switch piece {
                case .token(let id): out.append(id)
                case .marker(let s): out += tk.token(forSpecial: s).map { [$0] } ?? tk.encode(s, addBOS: false, parseSpecial: true)
                case .text(let s): out += tk.encode(s, addBOS: false, parseSpecial: false)
                }
            }
            return out
        }
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
