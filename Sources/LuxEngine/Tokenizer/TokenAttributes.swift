/// How llama.cpp treats a token (its llama_token_attr): from `tokenizer.ggml.token_type`, then
/// adjusted by token text (see `SpecialTokenRules`). A token may carry several, e.g. a
/// user-defined token that llama.cpp recognises as an end-of-turn marker is also control.
struct TokenAttributes: OptionSet, Sendable {
    let rawValue: UInt8
    static let undefined = TokenAttributes(rawValue: 1 << 0)
    static let unknown = TokenAttributes(rawValue: 1 << 1)
    static let unused = TokenAttributes(rawValue: 1 << 2)
    static let normal = TokenAttributes(rawValue: 1 << 3)
    static let control = TokenAttributes(rawValue: 1 << 4)
    static let userDefined = TokenAttributes(rawValue: 1 << 5)
    static let byte = TokenAttributes(rawValue: 1 << 6)

    /// GGUF token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte.
    init(ggufType: Int) {
        switch ggufType {
        case 1: self = .normal
        case 2: self = .unknown
        case 3: self = .control
        case 4: self = .userDefined
        case 5: self = .unused
        case 6: self = .byte
        default: self = .undefined
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Matched in text before BPE: user-defined always, control and unknown only when asked.
    var isSpecial: Bool { !isDisjoint(with: [.control, .userDefined, .unknown]) }
    /// Left out of decoded text (llama.cpp's token_to_piece with special = false).
    var isHiddenInText: Bool { !isDisjoint(with: [.control, .unknown]) }
}
