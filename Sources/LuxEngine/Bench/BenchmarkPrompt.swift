/// The benchmark's prompt: a fixed English/Luxembourgish text, tokenized by the model's own
/// tokenizer and repeated until it has the asked number of tokens (BOS first when the model wants
/// one). `bench/compare` feeds the same ids to llama.cpp, so both engines compute the same tokens.
public enum BenchmarkPrompt {
    static let text = """
    Lëtzebuerg ass e klengt Land an der Mëtt vun Europa. Luxembourg is a small country in the middle \
    of Europe, between Belgium, France and Germany. Its people speak Luxembourgish at home, French in \
    the law courts and German in the newspapers. Moien! Wéi geet et dir? Mir geet et gutt, merci. \
    The capital, also called Luxembourg, stands on cliffs above the rivers Alzette and Pétrusse. \
    Ech wunnen zu Esch an ech schaffen an der Stad. Every morning the trains are full of people who \
    cross the border to work, and every evening they go home again.
    """

    public static func tokens(count: Int, tokenizer: Tokenizer, vocabSize: Int) -> [Int32] {
        let body = tokenizer.encode(text, addBOS: false).filter { $0 >= 0 && Int($0) < vocabSize }
        var out: [Int32] = []
        if tokenizer.addBOS, let bos = tokenizer.bos, Int(bos) < vocabSize { out.append(bos) }
        guard !body.isEmpty else {
            // A tokenizer that cannot spell the text: count up through the vocabulary instead.
            while out.count < count { out.append(Int32(out.count % vocabSize)) }
            return out
        }
        var i = 0
        while out.count < count { out.append(body[i % body.count]); i += 1 }
        return Array(out.prefix(count))
    }
}
