/// Q4_0 matrices laid out again for the AVX2 kernels, eight rows side by side (as llama.cpp
/// repacks them to block_q4_0x8; our own layout, the same numbers). Groups as in Q4_KPacked:
/// group o holds rows o + k·S (k < 8, S = rows / 8). Per block of 32 columns, 144 bytes (the
/// file's eight blocks take as many):
///   - quants: for step m (0..<4), 32 bytes: row k's file bytes qs[4m ..< 4m + 4] at 4k (low
///     nibbles: elements 4m..4m+3, high nibbles: elements 16 + 4m...);
///   - d (8 × f16), row k at 128 + 2k.
public enum Q4_0Packed {
    static let quantsOffset = 0, dOffset = 128
    static let blockBytes = 144

    public static func groupBytes(cols: Int) -> Int { cols / 32 * blockBytes }

    /// Writes group o of the matrix (rows o + k·spacing) at `dst`.
    static func pack(group o: Int, spacing: Int, from w: UnsafeRawPointer, rowBytes: Int, cols: Int,
                     into dst: UnsafeMutableRawPointer) {
        for b in 0..<cols / 32 {
            let out = dst + b * blockBytes
            for k in 0..<8 {
                let x = w + (o + k * spacing) * rowBytes + b * Q4_0.blockBytes
                out.storeBytes(of: x.loadUnaligned(as: UInt16.self), toByteOffset: dOffset + 2 * k, as: UInt16.self)
                for m in 0..<4 {
                    out.storeBytes(of: x.loadUnaligned(fromByteOffset: 2 + 4 * m, as: UInt32.self),
                                   toByteOffset: quantsOffset + 32 * m + 4 * k, as: UInt32.self)
                }
            }
        }
    }
}
