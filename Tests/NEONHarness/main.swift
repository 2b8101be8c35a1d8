/// Checks the NEON many-row kernels against the reference dots, bit for bit, on arm64 (under
/// qemu-aarch64 on an x86 machine): scripts/test-neon builds this with the engine's kernel files
/// as Embedded Swift, and LuxEngineTests/NEONKernelTests runs it.
@main
struct NEONHarness {
    static var failures: Int32 = 0
    static var checked: Int32 = 0

    static func main() {
        guard RowKernels.neon else {
            _ = puts("the NEON paths are off (LUX_PORTABLE_KERNELS=1?)")
            exit(2)
            return
        }
        var random = XorShift(seed: 0x5EED)
        for (rows, lanes, tokens) in [(8, 1, 1), (8, 4, 1), (16, 8, 3), (12, 3, 5), (32, 8, 1), (24, 6, 4)] {
            for accumulate in [false, true] {
                check("Q8_0 dot", blockBytes: Q8_0.blockBytes, rows: rows, lanes: lanes, tokens: tokens, accumulate: accumulate,
                      random: &random, weights: randomQ8_0, quantize: Q8_0.quantize, activationBytes: Q8_0.blockBytes,
                      reference: Q8_0.dot, kernel: Q8_0.dotRows)
                check("Q4_0 dot", blockBytes: Q4_0.blockBytes, rows: rows, lanes: lanes, tokens: tokens, accumulate: accumulate,
                      random: &random, weights: randomQ4_0, quantize: Q8_0.quantize, activationBytes: Q8_0.blockBytes,
                      reference: Q4_0.dot, kernel: Q4_0.dotRows)
                check("Q4_0 dotInterleaved", blockBytes: Q4_0.blockBytes, rows: rows, lanes: lanes, tokens: tokens,
                      accumulate: accumulate, random: &random, weights: randomQ4_0, quantize: Q8_0.quantize,
                      activationBytes: Q8_0.blockBytes, reference: Q4_0.dotInterleaved, kernel: Q4_0.dotRowsInterleaved)
                check("Q4_1 dot", blockBytes: Q4_1.blockBytes, rows: rows, lanes: lanes, tokens: tokens, accumulate: accumulate,
                      random: &random, weights: randomQ4_1, quantize: Q8_1.quantize, activationBytes: Q8_1.blockBytes,
                      reference: Q4_1.dot, kernel: Q4_1.dotRows)
            }
        }
        _ = printf("NEON kernels: %d outputs checked, %d differ from the reference\n", checked, failures)
        exit(failures == 0 ? 0 : 1)
    }

    typealias Kernel = (RowProduct, Range<Int>, Int, Int) -> Void

    /// One matrix of `rows` rows (256 columns) times `tokens` activations: every output of the
    /// kernel, run as the matmul runs it (rows r + k·spacing, k < lanes), against the reference.
    static func check(_ name: StaticString, blockBytes: Int, rows: Int, lanes: Int, tokens: Int, accumulate: Bool,
                      random: inout XorShift, weights: (UnsafeMutableRawPointer, inout XorShift) -> Void,
                      quantize: (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void, activationBytes: Int,
                      reference: (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float, kernel: Kernel) {
        let cols = 256, rowBytes = cols / 32 * blockBytes, inputBytes = cols / 32 * activationBytes
        let w = UnsafeMutableRawPointer.allocate(byteCount: rows * rowBytes, alignment: 64)
        let input = UnsafeMutableRawPointer.allocate(byteCount: tokens * inputBytes, alignment: 64)
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: cols)
        let out = UnsafeMutablePointer<Float>.allocate(capacity: tokens * rows)
        defer { w.deallocate(); input.deallocate(); floats.deallocate(); out.deallocate() }
        for b in 0..<rows * cols / 32 { weights(w + b * blockBytes, &random) }
        for t in 0..<tokens {
            for i in 0..<cols { floats[i] = random.float() * 4 - 2 }
            quantize(floats, input + t * inputBytes, cols)
        }
        let start: Float = 0.25
        for i in 0..<tokens * rows { out[i] = start }
        let p = RowProduct(weights: w, rowBytes: rowBytes, cols: cols, input: input, inputBytes: inputBytes,
                           tokens: tokens, out: out, outStride: rows, accumulate: accumulate)
        let spacing = rows / lanes
        kernel(p, 0..<spacing, spacing, lanes)
        for t in 0..<tokens {
            for r in 0..<spacing * lanes {
                let dot = reference(w + r * rowBytes, input + t * inputBytes, cols)
                let expected = accumulate ? start + dot : dot
                checked += 1
                if out[t * rows + r].bitPattern != expected.bitPattern {
                    failures += 1
                    if failures <= 10 {
                        _ = puts(name.utf8Start.withMemoryRebound(to: CChar.self, capacity: name.utf8CodeUnitCount) { $0 })
                        _ = printf("  differs at token %d, row %d\n", Int32(t), Int32(r))
                    }
                }
            }
        }
    }

    static func randomHalf(_ random: inout XorShift, scale: Float) -> UInt16 {
        Float16(random.float() * scale).bitPattern
    }

    static func randomQ8_0(_ x: UnsafeMutableRawPointer, _ random: inout XorShift) {
        x.storeBytes(of: randomHalf(&random, scale: 0.02), as: UInt16.self)
        for j in 0..<32 { x.storeBytes(of: UInt8(truncatingIfNeeded: random.next()), toByteOffset: 2 + j, as: UInt8.self) }
    }

    static func randomQ4_0(_ x: UnsafeMutableRawPointer, _ random: inout XorShift) {
        x.storeBytes(of: randomHalf(&random, scale: 0.1), as: UInt16.self)
        for j in 0..<16 { x.storeBytes(of: UInt8(truncatingIfNeeded: random.next()), toByteOffset: 2 + j, as: UInt8.self) }
    }

    static func randomQ4_1(_ x: UnsafeMutableRawPointer, _ random: inout XorShift) {
        x.storeBytes(of: randomHalf(&random, scale: 0.1), as: UInt16.self)
        x.storeBytes(of: randomHalf(&random, scale: -0.5), toByteOffset: 2, as: UInt16.self)
        for j in 0..<16 { x.storeBytes(of: UInt8(truncatingIfNeeded: random.next()), toByteOffset: 4 + j, as: UInt8.self) }
    }
}

/// xorshift64*: the same numbers on every machine.
struct XorShift {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
    /// Uniform in [0, 1).
    mutating func float() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
