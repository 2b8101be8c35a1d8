/// The merge rules of a BPE vocabulary, keyed by the pair of symbol ids they join:
/// (left, right) -> (rank, merged symbol). A lower rank merges first. Open addressing with
/// linear probing over a power-of-two table, so a lookup is a multiply and a few compares.
struct PairTable {
    struct Merge { var rank: Int32; var merged: Int32 }

    private var keys: [UInt64]
    private var values: [Merge]
    private let shift: UInt64
    private let mask: Int
    private(set) var count = 0
    private static let empty = UInt64.max

    init(capacity: Int) {
        var size = 16, bits: UInt64 = 4
        while size < capacity * 2 { size <<= 1; bits += 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Merge](repeating: Merge(rank: 0, merged: 0), count: size)
        shift = 64 - bits
        mask = size - 1
    }

    private static func key(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }

    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Keeps the first rule for a pair, as llama.cpp does when a merge list repeats one.
    /// The table holds at least twice `capacity` slots, so it never fills up.
    mutating func insertIfAbsent(left: Int32, right: Int32, rank: Int32, merged: Int32) {
        let k = Self.key(left, right)
        var slot = home(k)
        while keys[slot] != Self.empty {
            if keys[slot] == k { return }
            slot = (slot + 1) & mask
        }
        keys[slot] = k
        values[slot] = Merge(rank: rank, merged: merged)
        count += 1
    }

    func find(_ left: Int32, _ right: Int32) -> Merge? {
        let k = Self.key(left, right)
        var slot = home(k)
        while true {
            let stored = keys[slot]
            if stored == k { return values[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }
}
