#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ dataCache: Int32)

/// Asks for the cache lines `RowKernels.prefetchDistance` bytes past `x`, as many as cover the
/// `bytes` a kernel is about to consume from this stream (a hint: it never faults). The hardware
/// prefetchers alone keep too few lines in flight for the eight streams of a decode kernel.
@inline(__always) func prefetchAhead(_ x: UnsafeRawPointer, bytes: Int) {
    var o = 0
    while o < bytes {
        llvmPrefetch(x + RowKernels.prefetchDistance + o, 0, 3, 1)
        o += 64
    }
}

/// Shared parts of the many-row kernels (`dotRows` of each format): which path runs, and the
/// portable path, which calls the format's one-row reference `dot` for every (row, token).
///
/// A many-row kernel computes the rows r + k·spacing for r in `rows` and k < `lanes`: it walks
/// `lanes` rows at once, and keeps them `spacing` rows apart because the hardware prefetchers
/// follow several streams well only when they are far apart (on Zen 4, two adjacent rows stream
/// at half the speed of two rows 64 KB apart). The fast paths compute every output with exactly
/// the operations of the reference, in the same order; they only share the input's loads across
/// rows and keep more sums in registers. Tests compare the two bit for bit.
public enum RowKernels {
    /// How far ahead of a weight stream the kernels prefetch: measured best at 256-768 bytes on
    /// Zen 4 (one core's 8 streams at about 12 GB/s instead of 6), worse from 1 KB on.
    static let prefetchDistance = 512

    /// `LUX_PORTABLE_KERNELS=1` forces the portable path, to compare it with the fast ones.
    public static let portableForced: Bool = {
        guard let v = getenv("LUX_PORTABLE_KERNELS") else { return false }
        return v[0] == 0x31 && v[1] == 0
    }()

    /// Whether the AVX2 paths run: on x86-64 they need AVX2, FMA and F16C (the whole engine is
    /// compiled for them, and a model refuses to load without them).
    public static let simd: Bool = {
        #if arch(x86_64)
        let f = CPUFeatures.current
        return !portableForced && f.avx2 && f.fma && f.f16c
        #else
        return false
        #endif
    }()

    /// Whether the NEON paths run: on arm64, where NEON is part of the base architecture.
    public static let neon: Bool = {
        #if arch(arm64)
        return !portableForced
        #else
        return false
        #endif
    }()

    /// Which kernels run, in a word: "AVX2", "NEON" or "portable".
    public static var pathName: String { simd ? "AVX2" : neon ? "NEON" : "portable" }

    static func portable(_ dot: (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float, _ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        for r in rows {
            for k in 0..<lanes {
                let row = r + k * spacing
                for t in 0..<p.tokens {
                    p.store(dot(p.weights + row * p.rowBytes, p.input + t * p.inputBytes, p.cols), token: t, row: row)
                }
            }
        }
    }
}
