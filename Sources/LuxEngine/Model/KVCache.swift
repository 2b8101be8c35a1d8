/// Keys and values of every layer for positions 0..<capacity, stored as f16 (as llama.cpp's
/// default cache), so a 4096-token chat with an 8B model needs 512 MB rather than 1 GB.
/// Layout: [layer][position][kvDim].
public final class KVCache: @unchecked Sendable {
    public let capacity: Int
    let layers: Int
    let kvDim: Int
    let keys: UnsafeMutablePointer<Float16>
    let values: UnsafeMutablePointer<Float16>

    init(layers: Int, capacity: Int, kvDim: Int) {
        self.layers = layers
        self.capacity = capacity
        self.kvDim = kvDim
        let n = layers * capacity * kvDim
        keys = .allocate(capacity: n)
        values = .allocate(capacity: n)
    }

    deinit { keys.deallocate(); values.deallocate() }

    public var bytes: Int { 2 * layers * capacity * kvDim * MemoryLayout<Float16>.size }

    @inline(__always) func key(_ layer: Int, _ pos: Int) -> UnsafeMutablePointer<Float16> {
        keys + (layer * capacity + pos) * kvDim
    }
    @inline(__always) func value(_ layer: Int, _ pos: Int) -> UnsafeMutablePointer<Float16> {
        values + (layer * capacity + pos) * kvDim
    }
}
