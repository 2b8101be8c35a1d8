/// Byte strings -> dense ids, looked up without allocating: every text lives in one flat buffer
/// and an open-addressing table (linear probing, FNV-1a hash) holds the ids. Byte-exact, unlike a
/// `[String: Int32]`, whose keys compare by canonical equivalence.
struct TextIndex {
    private(set) var storage: [UInt8] = []
    /// Text `i` is `storage[starts[i] ..< starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int
    private(set) var maxLength = 0

    var count: Int { starts.count - 1 }

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    func text(_ id: Int32) -> ArraySlice<UInt8> {
        storage[starts[Int(id)] ..< starts[Int(id) + 1]]
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = Self.hash(key) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    func find(_ key: [UInt8]) -> Int32? {
        key.withUnsafeBufferPointer { find($0) }
    }

    /// Adds `key` with the next id, or returns the id it already has.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
        if let id = find(key) { return (id, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        storage.append(contentsOf: key)
        starts.append(storage.count)
        maxLength = max(maxLength, key.count)
        place(id, hash: Self.hash(key))
        return (id, true)
    }

    mutating func insert(_ key: [UInt8]) -> (id: Int32, inserted: Bool) {
        key.withUnsafeBufferPointer { insert($0) }
    }

    private func equals(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = starts[Int(id)], hi = starts[Int(id) + 1]
        guard hi - lo == key.count else { return false }
        return storage.withUnsafeBufferPointer { all in
            var i = 0
            while i < key.count {
                if all[lo + i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func place(_ id: Int32, hash: Int) {
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for id in 0..<count {
            let h = storage.withUnsafeBufferPointer { all in
                Self.hash(UnsafeBufferPointer(rebasing: all[starts[id] ..< starts[id + 1]]))
            }
            place(Int32(id), hash: h)
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
