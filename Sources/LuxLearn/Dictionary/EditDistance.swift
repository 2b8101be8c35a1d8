/// Edit distance for "did you mean": insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1 (optimal string alignment). Works on UTF-8 bytes of
/// normalized keys, which are nearly all ASCII. One value is reused across the thousands of
/// comparisons of a search, so its rows are allocated once.
struct EditDistance {
    private var rows: [Int] = []

    /// The distance between `a` and `b` if it is at most `limit`, else nil. Gives up as soon as
    /// a whole row exceeds the limit, so most candidates cost a few cells.
    mutating func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        let n = a.count, m = b.count
        guard abs(n - m) <= limit else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let width = m + 1
        if rows.count < 3 * width { rows = [Int](repeating: 0, count: 3 * width) }
        return rows.withUnsafeMutableBufferPointer { buffer -> Int? in
            // Three rows in turn: two back (for swaps), the last one, the current one.
            var back2 = 0, back1 = width, current = 2 * width
            for j in 0 ... m { buffer[back1 + j] = j }
            for i in 1 ... n {
                buffer[current] = i
                var rowMinimum = i
                for j in 1 ... m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(buffer[back1 + j] + 1, buffer[current + j - 1] + 1, buffer[back1 + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, buffer[back2 + j - 2] + 1)
                    }
                    buffer[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (back2, back1, current) = (back1, current, back2)
            }
            let result = buffer[back1 + m]
            return result <= limit ? result : nil
        }
    }
}
