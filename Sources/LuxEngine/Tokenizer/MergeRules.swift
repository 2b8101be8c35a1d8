/// The BPE merge rules (`tokenizer.ggml.merges`, "left right" in byte-level spelling, rank =
/// position) turned into a table over symbol ids. A symbol is any string BPE can build: a token's
/// text has the token's id; a string that a rule builds but the vocabulary lacks gets an id past
/// the vocabulary, so it can still merge further, and is spelled out byte by byte if it survives
/// (what llama.cpp does with such leftovers).
struct MergeRules {
    /// Vocabulary texts plus the extra symbols, id = symbol id.
    let symbols: TextIndex
    let vocabularyCount: Int
    /// The symbol of each single byte (its byte-level character).
    let byteSymbols: [Int32]
    let table: PairTable

    init(gguf: GGUFFile, vocabulary: Vocabulary) throws {
        let key = "tokenizer.ggml.merges"
        guard let value = gguf.metadata[key] else {
            throw GGUFError(path: gguf.path, place: "key \(key)", message: "required key is missing (a BPE vocabulary needs its merges)")
        }
        guard let merges = value.stringArray else {
            throw GGUFError(path: gguf.path, place: "key \(key)", message: "expected an array of strings, found \(value.summary)")
        }
        guard merges.count < Int(Int32.max) else {
            throw GGUFError(path: gguf.path, place: "key \(key)", message: "holds \(merges.count) merges")
        }

        var symbols = vocabulary.texts
        vocabularyCount = vocabulary.count
        byteSymbols = ByteLevel.utf8OfByte.map { symbols.insert($0).id }

        var table = PairTable(capacity: merges.count)
        var joined: [UInt8] = []
        for (rank, merge) in merges.enumerated() {
            var merge = merge
            merge.withUTF8 { text in
                // Split at the first space after the first byte, as llama.cpp does; a rule
                // without one can never match and is skipped.
                guard text.count > 2, let space = text[1...].firstIndex(of: 0x20) else { return }
                let left = UnsafeBufferPointer(rebasing: text[..<space])
                let right = UnsafeBufferPointer(rebasing: text[(space + 1)...])
                guard !right.isEmpty else { return }
                joined.removeAll(keepingCapacity: true)
                joined.append(contentsOf: left)
                joined.append(contentsOf: right)
                let l = symbols.insert(left).id
                let r = symbols.insert(right).id
                let m = symbols.insert(joined).id
                table.insertIfAbsent(left: l, right: r, rank: Int32(rank), merged: m)
            }
        }
        self.symbols = symbols
        self.table = table
    }
}
