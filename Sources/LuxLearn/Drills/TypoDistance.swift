/// Edit distance between two words, counting a swap of two neighbouring letters as one edit
/// (optimal string alignment), so "gesot"/"gesoot", "gesot"/"gsot" and "gesot"/"geost" are all one apart.
enum TypoDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        // Three rows: the one before last (for swaps), the last, the current.
        var before = [Int](repeating: 0, count: y.count + 1)
        var last = Array(0 ... y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1 ... x.count {
            row[0] = i
            for j in 1 ... y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                row[j] = min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    row[j] = min(row[j], before[j - 2] + 1)
                }
            }
            (before, last, row) = (last, row, before)
        }
        return last[y.count]
    }
}
