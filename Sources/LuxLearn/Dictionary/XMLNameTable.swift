import Foundation

/// Interns element names. The LOD repeats a few hundred names millions of times, so each is
/// made into a String once and known by a small number afterwards (open addressing, FNV-1a).
struct XMLNameTable {
    private var slots = [Int32](repeating: -1, count: 512)
    private var hashes: [UInt64] = []
    /// The name as written, prefix included ("lod:ITEM").
    private(set) var qualified: [[UInt8]] = []
    /// The name without its prefix ("ITEM").
    private(set) var local: [String] = []

    /// The number for the name in `base[start..<end]`, adding it when new.
    mutating func intern(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start ..< end { hash = (hash ^ UInt64(base[k])) &* 0x100_0000_01b3 }
        let count = end - start
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, qualified[id].count == count,
               qualified[id].withUnsafeBufferPointer({ memcmp($0.baseAddress!, base + start, count) == 0 }) {
                return Int32(id)
            }
            slot = (slot + 1) & mask
        }
        let bytes = Array(UnsafeBufferPointer(start: base + start, count: count))
        let id = Int32(qualified.count)
        qualified.append(bytes)
        hashes.append(hash)
        let localBytes = bytes.lastIndex(of: UInt8(ascii: ":")).map { bytes[($0 + 1)...] } ?? bytes[...]
        local.append(String(decoding: localBytes, as: UTF8.self))
        slots[slot] = id
        if qualified.count * 2 > slots.count { grow() }
        return id
    }

    func qualifiedName(_ id: Int32) -> String {
        String(decoding: qualified[Int(id)], as: UTF8.self)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
