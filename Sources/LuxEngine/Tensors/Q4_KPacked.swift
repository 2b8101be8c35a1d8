#if canImport(Glibc)
import Glibc
#endif

/// Q4_K matrices laid out again for the AVX2 kernels, eight rows side by side, as llama.cpp
/// repacks them when it loads a model (our own layout, holding the same numbers). In the file's
/// layout the eight rows a kernel walks together lie far apart and each 32-byte load holds one
/// row, so every block ends in horizontal adds; here one load holds four quants of each of the
/// eight rows, and all sums run down the SIMD lanes, one lane per row.
///
/// Group o holds rows o + k·S (k < 8, S = rows / 8: the rows RowPlan deals to one work item), and
/// groups follow each other, so a work item reads one sequential stream. Per super-block of 256
/// columns, 1184 bytes (the file's eight blocks take 1152):
///   - d (8 × f16) and dmin (8 × f16), row k at 2k;
///   - scales, then mins: 8 sub-blocks × 8 rows, one byte each (unpacked from 6 bits), row k of
///     sub-block j at 8j + k;
///   - quants: for sub-block pair p (0..<4) and step m (0..<8), 32 bytes: row k's file bytes
///     qs[32p + 4m ..< 32p + 4m + 4] at 4k (low nibbles: sub-block 2p, high: 2p + 1).
public enum Q4_KPacked {
    static let dOffset = 0, dminOffset = 16, scalesOffset = 32, minsOffset = 96, quantsOffset = 160
    static let blockBytes = 1184

    public static func groupBytes(cols: Int) -> Int { cols / 256 * blockBytes }

    /// Writes group o of the matrix (rows o + k·spacing) at `dst`.
    static func pack(group o: Int, spacing: Int, from w: UnsafeRawPointer, rowBytes: Int, cols: Int,
                     into dst: UnsafeMutableRawPointer) {
        for b in 0..<cols / 256 {
            let out = dst + b * blockBytes
            for k in 0..<8 {
                let x = w + (o + k * spacing) * rowBytes + b * Q4_K.blockBytes
                out.storeBytes(of: x.loadUnaligned(as: UInt16.self), toByteOffset: dOffset + 2 * k, as: UInt16.self)
                out.storeBytes(of: x.loadUnaligned(fromByteOffset: 2, as: UInt16.self), toByteOffset: dminOffset + 2 * k, as: UInt16.self)
                let (scales, mins) = KQuantScales.unpack(x + Q4_K.scalesOffset)
                for j in 0..<8 {
                    out.storeBytes(of: scales[j], toByteOffset: scalesOffset + 8 * j + k, as: UInt8.self)
                    out.storeBytes(of: mins[j], toByteOffset: minsOffset + 8 * j + k, as: UInt8.self)
                }
                for step in 0..<32 {   // step = 8p + m
                    let word = x.loadUnaligned(fromByteOffset: Q4_K.qsOffset + 4 * step, as: UInt32.self)
                    out.storeBytes(of: word, toByteOffset: quantsOffset + 32 * step + 4 * k, as: UInt32.self)
                }
            }
        }
    }
}

