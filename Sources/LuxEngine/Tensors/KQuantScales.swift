/// The packed 6-bit sub-block scales and mins shared by Q4_K and Q5_K: 12 bytes hold eight
/// (scale, min) pairs. Bytes 0-3 hold scales 0-3 in their low 6 bits, bytes 4-7 mins 0-3; scales
/// and mins 4-7 keep their low 4 bits in bytes 8-11 (scale low nibble, min high nibble) and their
/// top 2 bits in the spare top bits of bytes 0-3 (scales) and 4-7 (mins).
enum KQuantScales {
    /// Scale and min of sub-block `j` (0..<8), as ggml's get_scale_min_k4 reads them.
    @inline(__always)
    static func scaleMin(_ s: UnsafeRawPointer, _ j: Int) -> (scale: UInt8, min: UInt8) {
        func b(_ i: Int) -> UInt8 { s.load(fromByteOffset: i, as: UInt8.self) }
        if j < 4 { return (b(j) & 63, b(j + 4) & 63) }
        return ((b(j + 4) & 0xF) | ((b(j - 4) >> 6) << 4), (b(j + 4) >> 4) | ((b(j) >> 6) << 4))
    }

    /// All eight scales and mins at once, by whole-word masks over the 12 bytes.
    @inline(__always)
    static func unpack(_ s: UnsafeRawPointer) -> (scales: SIMD8<UInt8>, mins: SIMD8<UInt8>) {
        let w0 = UInt32(littleEndian: s.loadUnaligned(as: UInt32.self))
        let w1 = UInt32(littleEndian: s.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let w2 = UInt32(littleEndian: s.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        let low6: UInt32 = 0x3F3F_3F3F, low4: UInt32 = 0x0F0F_0F0F, low2: UInt32 = 0x0303_0303
        let scalesLo = w0 & low6                                       // scales 0-3
        let scalesHi = (w2 & low4) | (((w0 >> 6) & low2) << 4)        // scales 4-7
        let minsLo = w1 & low6                                         // mins 0-3
        let minsHi = ((w2 >> 4) & low4) | (((w1 >> 6) & low2) << 4)    // mins 4-7
        let sc = UInt64(scalesLo) | UInt64(scalesHi) << 32
        let mn = UInt64(minsLo) | UInt64(minsHi) << 32
        return (unsafeBitCast(sc.littleEndian, to: SIMD8<UInt8>.self), unsafeBitCast(mn.littleEndian, to: SIMD8<UInt8>.self))
    }
}
