/// Runs the merge rules over one pre-tokenized word: the pair with the lowest rank merges first,
/// the leftmost among equal ranks, until no adjacent pair has a rule (llama.cpp's and Hugging
/// Face's order). Symbols form a linked list over the word's bytes and candidate pairs wait in a
/// binary heap, so a word of n bytes costs O(n log n) lookups. The buffers are kept between words.
struct BPEMerger {
    private struct Candidate {
        var rank: Int32
        var left: Int32
        var right: Int32
        var leftSymbol: Int32
        var rightSymbol: Int32
        var merged: Int32

        func comesBefore(_ other: Candidate) -> Bool {
            rank != other.rank ? rank < other.rank : left < other.left
        }
    }

    private var symbols: [Int32] = []   // symbol id per position; -1 once merged into its left neighbour
    private var next: [Int32] = []
    private var prev: [Int32] = []
    private var heap: [Candidate] = []

    /// Appends the final symbol ids of `word` (bytes) to `out`.
    mutating func merge(_ word: UnsafeBufferPointer<UInt8>, byteSymbols: [Int32], rules: PairTable, into out: inout [Int32]) {
        let n = word.count
        if n == 0 { return }
        if n == 1 { out.append(byteSymbols[Int(word[0])]); return }
        symbols.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        prev.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        for i in 0..<n {
            symbols.append(byteSymbols[Int(word[i])])
            prev.append(Int32(i - 1))
            next.append(i + 1 < n ? Int32(i + 1) : -1)
        }
        for i in 0..<(n - 1) { consider(Int32(i), Int32(i + 1), rules) }

        while let c = popFirst() {
            let l = Int(c.left), r = Int(c.right)
            // A stale candidate: one side has merged with something else since it was pushed.
            guard symbols[l] == c.leftSymbol, symbols[r] == c.rightSymbol, next[l] == c.right else { continue }
            symbols[l] = c.merged
            symbols[r] = -1
            next[l] = next[r]
            if next[r] >= 0 { prev[Int(next[r])] = c.left }
            if prev[l] >= 0 { consider(prev[l], c.left, rules) }
            if next[l] >= 0 { consider(c.left, next[l], rules) }
        }

        var i: Int32 = 0
        while i >= 0 {
            out.append(symbols[Int(i)])
            i = next[Int(i)]
        }
    }

    private mutating func consider(_ left: Int32, _ right: Int32, _ rules: PairTable) {
        let ls = symbols[Int(left)], rs = symbols[Int(right)]
        guard let m = rules.find(ls, rs) else { return }
        push(Candidate(rank: m.rank, left: left, right: right, leftSymbol: ls, rightSymbol: rs, merged: m.merged))
    }

    private mutating func push(_ c: Candidate) {
        heap.append(c)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].comesBefore(heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func popFirst() -> Candidate? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let first = heap[0]
        heap[0] = last
        var i = 0
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < n, heap[l].comesBefore(heap[best]) { best = l }
            if r < n, heap[r].comesBefore(heap[best]) { best = r }
            if best == i { break }
            heap.swapAt(i, best)
            i = best
        }
        return first
    }
}
