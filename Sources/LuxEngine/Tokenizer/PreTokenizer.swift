/// Splits text into words before BPE, as llama.cpp does for the GGUF key `tokenizer.ggml.pre`.
/// The regexes are written out by hand over Unicode scalars, each a pass that splits the pieces
/// of the previous pass further (llama.cpp's `unicode_regex_split` with its custom GPT-2 and
/// Llama 3 splitters). A look past the end of a piece sees nothing, so `\s+(?!\S)` keeps a
/// trailing space run whole at the end of a piece.
struct PreTokenizer: Sendable {
    enum Pass: Sendable {
        /// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
        case llama3
        /// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
        case gpt2
        /// \p{N}: every digit a piece of its own.
        case eachNumber
    }

    let name: String
    let passes: [Pass]
    /// A word that is already a token is taken whole, without merging (llama.cpp's ignore_merges).
    let ignoreMerges: Bool
    /// llama.cpp's add_bos when `tokenizer.ggml.add_bos_token` is absent.
    let defaultAddBOS: Bool

    /// The `tokenizer.ggml.pre` names llama.cpp maps to these regex sets.
    static let llama3Names: Set<String> = ["llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "jina-v5-nano"]
    static let llama3RegexNames: Set<String> = ["dbrx", "smaug-bpe"]  // same regex, normal merging, no BOS
    static let digitsThenGPT2Names: Set<String> = ["smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b", "mellum2"]
    static let gpt2Names: Set<String> = ["gpt-2", "phi-2", "mpt", "olmo", "jais", "trillion", "exaone4", "mellum", "gigachat", "a.x-4.0"]

    static var supportedNames: [String] {
        (llama3Names.union(llama3RegexNames).union(digitsThenGPT2Names).union(gpt2Names)).sorted()
    }

    /// nil for a name this engine does not implement (llama.cpp knows more; the caller reports it).
    init?(name: String) {
        self.name = name
        if Self.llama3Names.contains(name) {
            (passes, ignoreMerges, defaultAddBOS) = ([.llama3], true, true)
        } else if Self.llama3RegexNames.contains(name) {
            (passes, ignoreMerges, defaultAddBOS) = ([.llama3], false, false)
        } else if Self.digitsThenGPT2Names.contains(name) {
            (passes, ignoreMerges, defaultAddBOS) = ([.eachNumber, .gpt2], false, false)
        } else if Self.gpt2Names.contains(name) {
            (passes, ignoreMerges, defaultAddBOS) = ([.gpt2], false, false)
        } else {
            return nil
        }
    }

    /// Word boundaries as ranges of scalar indices, in order, covering the whole text.
    func split(_ scalars: [UInt32], _ classes: [ScalarClass]) -> [Range<Int>] {
        var pieces = scalars.isEmpty ? [] : [0..<scalars.count]
        for pass in passes {
            var out: [Range<Int>] = []
            out.reserveCapacity(pieces.count * 2)
            for piece in pieces {
                var s = Splitter(scalars: scalars, classes: classes, end: piece.upperBound, start: piece.lowerBound)
                switch pass {
                case .llama3: s.llama3(into: &out)
                case .gpt2: s.gpt2(into: &out)
                case .eachNumber: s.eachNumber(into: &out)
                }
            }
            pieces = out
        }
        return pieces
    }
}

/// One piece of text being split: `emit(upTo:)` closes the word that began where the last ended.
private struct Splitter {
    let scalars: [UInt32]
    let classes: [ScalarClass]
    let end: Int
    var start: Int

    static let beyond: UInt32 = .max
    static let cr: UInt32 = 0x0D, lf: UInt32 = 0x0A, space: UInt32 = 0x20, apostrophe: UInt32 = 0x27

    func scalar(_ i: Int) -> UInt32 { i < end ? scalars[i] : Self.beyond }
    func cls(_ i: Int) -> ScalarClass { i < end ? classes[i] : .none }
    static func isNewline(_ c: UInt32) -> Bool { c == cr || c == lf }
    static func isWordish(_ c: ScalarClass) -> Bool { !c.isDisjoint(with: [.whitespace, .letter, .number]) }

    mutating func emit(upTo i: Int, into out: inout [Range<Int>]) {
        if i > start { out.append(start..<i) }
        start = i
    }

    /// Length of a contraction ('s 't 're 've 'm 'll 'd) at `pos`, or 0.
    func contraction(at pos: Int, ignoringCase: Bool) -> Int {
        guard scalar(pos) == Self.apostrophe, pos + 1 < end else { return 0 }
        func lower(_ c: UInt32) -> UInt32 { ignoringCase && (0x41...0x5A).contains(c) ? c + 0x20 : c }
        let a = lower(scalar(pos + 1))
        if a == 0x73 || a == 0x74 || a == 0x6D || a == 0x64 { return 2 }  // s t m d
        guard pos + 2 < end else { return 0 }
        let b = lower(scalar(pos + 2))
        if (a == 0x72 && b == 0x65) || (a == 0x76 && b == 0x65) || (a == 0x6C && b == 0x6C) { return 3 }  // re ve ll
        return 0
    }

    /// Runs of whitespace: `\s+(?!\S)` leaves the last space for the next word when one follows
    /// inside this piece; otherwise `\s+` takes the run.
    mutating func whitespace(at pos: inout Int, into out: inout [Range<Int>]) {
        var n = 0
        while cls(pos + n).contains(.whitespace) { n += 1 }
        if n > 1 && pos + n < end {
            pos += n - 1
        } else if n > 0 {
            pos += n
        } else {
            pos += 1  // matches nothing: the character stands alone
        }
        emit(upTo: pos, into: &out)
    }

    mutating func llama3(into out: inout [Range<Int>]) {
        var pos = start
        while pos < end {
            let c = scalars[pos], k = classes[pos]
            let apostrophe = contraction(at: pos, ignoringCase: true)
            if apostrophe > 0 {
                pos += apostrophe
                emit(upTo: pos, into: &out)
                continue
            }
            // [^\r\n\p{L}\p{N}]?\p{L}+
            if !Self.isNewline(c) && !k.contains(.number) && (k.contains(.letter) || cls(pos + 1).contains(.letter)) {
                pos += 1
                while cls(pos).contains(.letter) { pos += 1 }
                emit(upTo: pos, into: &out)
                continue
            }
            // \p{N}{1,3}
            if k.contains(.number) {
                var group = pos
                while cls(pos).contains(.number) {
                    pos += 1
                    if pos - group >= 3 {
                        emit(upTo: pos, into: &out)
                        group = pos
                    }
                }
                emit(upTo: pos, into: &out)
                continue
            }
            // ' '?[^\s\p{L}\p{N}]+[\r\n]*  (llama.cpp tests the first character's own class for being in the text)
            let k2 = c == Self.space ? cls(pos + 1) : k
            if !Self.isWordish(k2) && k.contains(.inText) {
                if c == Self.space { pos += 1 }
                while !Self.isWordish(cls(pos)) && cls(pos).contains(.inText) { pos += 1 }
                while Self.isNewline(scalar(pos)) { pos += 1 }
                emit(upTo: pos, into: &out)
                continue
            }
            // \s*[\r\n]+ : whitespace up to and including its last newline
            var n = 0, afterNewline = -1
            while cls(pos + n).contains(.whitespace) {
                if Self.isNewline(scalar(pos + n)) { afterNewline = pos + n + 1 }
                n += 1
            }
            if afterNewline > 0 {
                pos = afterNewline
                emit(upTo: pos, into: &out)
                continue
            }
            whitespace(at: &pos, into: &out)
        }
    }

    mutating func gpt2(into out: inout [Range<Int>]) {
        var pos = start
        while pos < end {
            let c = scalars[pos]
            let apostrophe = contraction(at: pos, ignoringCase: false)
            if apostrophe > 0 {
                pos += apostrophe
                emit(upTo: pos, into: &out)
                continue
            }
            // ' '?\p{L}+ | ' '?\p{N}+ | ' '?[^\s\p{L}\p{N}]+
            let k2 = c == Self.space ? cls(pos + 1) : classes[pos]
            let run: ((ScalarClass) -> Bool)?
            if k2.contains(.letter) {
                run = { $0.contains(.letter) }
            } else if k2.contains(.number) {
                run = { $0.contains(.number) }
            } else if !Self.isWordish(k2) && k2.contains(.inText) {
                run = { !Self.isWordish($0) && $0.contains(.inText) }
            } else {
                run = nil
            }
            if let run {
                if c == Self.space { pos += 1 }
                while run(cls(pos)) { pos += 1 }
                emit(upTo: pos, into: &out)
                continue
            }
            whitespace(at: &pos, into: &out)
        }
    }

    mutating func eachNumber(into out: inout [Range<Int>]) {
        var pos = start
        while pos < end {
            if classes[pos].contains(.number) {
                emit(upTo: pos, into: &out)
                pos += 1
                emit(upTo: pos, into: &out)
            } else {
                pos += 1
            }
        }
        emit(upTo: end, into: &out)
    }
}
