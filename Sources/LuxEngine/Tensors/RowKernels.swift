#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One product of weight rows with token rows: out[t · outStride + r] = (or +=, with
/// `accumulate`) dot(weight row r, input row t) for t < tokens. The inputs are quantized in the
/// weight format's partner format, `inputBytes` apart.
public struct RowProduct {
    public let weights: UnsafeRawPointer
    public let rowBytes: Int
    public let cols: Int
    public let input: UnsafeRawPointer
    public let inputBytes: Int
    public let tokens: Int
    public let out: UnsafeMutablePointer<Float>
    public let outStride: Int
    public let accumulate: Bool

    public init(weights: UnsafeRawPointer, rowBytes: Int, cols: Int, input: UnsafeRawPointer, inputBytes: Int,
                tokens: Int, out: UnsafeMutablePointer<Float>, outStride: Int, accumulate: Bool) {
        self.weights = weights
        self.rowBytes = rowBytes
        self.cols = cols
        self.input = input
        self.inputBytes = inputBytes
        self.tokens = tokens
        self.out = out
        self.outStride = outStride
        self.accumulate = accumulate
    }

    /// The same product restricted to tokens `range`.
    public func tokens(_ range: Range<Int>) -> RowProduct {
        RowProduct(weights: weights, rowBytes: rowBytes, cols: cols, input: input + range.lowerBound * inputBytes,
                   inputBytes: inputBytes, tokens: range.count, out: out + range.lowerBound * outStride,
                   outStride: outStride, accumulate: accumulate)
    }

    @inline(__always) func store(_ v: Float, token t: Int, row r: Int) {
        let o = out + t * outStride + r
        o.pointee = accumulate ? o.pointee + v : v
    }
}

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
    /// Whether the SIMD paths run: on x86-64 they need AVX2, FMA and F16C (the whole engine is
    /// compiled for them, and a model refuses to load without them); on other CPUs the portable
    /// path runs. `LUX_PORTABLE_KERNELS=1` forces the portable path, to compare the two.
    /// How far ahead of a weight stream the kernels prefetch: measured best at 256-768 bytes on
    /// Zen 4 (one core's 8 streams at about 12 GB/s instead of 6), worse from 1 KB on.
    static let prefetchDistance = 512

    public static let simd: Bool = {
        if let v = getenv("LUX_PORTABLE_KERNELS"), String(cString: v) == "1" { return false }
        #if arch(x86_64)
        let f = CPUFeatures.current
        return f.avx2 && f.fma && f.f16c
        #else
        return false
        #endif
    }()

    static func portable(_ dot: WeightFormat.Dot, _ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
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
