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
                checkKQuants(rows: rows, lanes: lanes, tokens: tokens, accumulate: accumulate, random: &random)
            }
        }
        _ = printf("NEON kernels: %d outputs checked, %d differ from the reference\n", checked, failures)
        exit(failures == 0 ? 0 : 1)
    }

    typealias Kernel = (RowProduct, Range<Int>, Int, Int) -> Void

    /// One matrix of `rows` rows (512 columns) times `tokens` activations: every output of the
    /// kernel, run as the matmul runs it (rows r + k·spacing, k < lanes), against the reference.
    static func check(_ name: StaticString, blockBytes: Int, blockElements: Int = 32, rows: Int, lanes: Int, tokens: Int,
                      accumulate: Bool,
                      random: inout XorShift, weights: (UnsafeMutableRawPointer, inout XorShift) -> Void,
                      quantize: (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void, activationBytes: Int,
                      reference: (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float, kernel: Kernel) {
        let cols = 512, rowBytes = cols / blockElements * blockBytes, inputBytes = cols / blockElements * activationBytes
        let w = UnsafeMutableRawPointer.allocate(byteCount: rows * rowBytes, alignment: 64)
        let input = UnsafeMutableRawPointer.allocate(byteCount: tokens * inputBytes, alignment: 64)
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: cols)
        let out = UnsafeMutablePointer<Float>.allocate(capacity: tokens * rows)
        defer { w.deallocate(); input.deallocate(); floats.deallocate(); out.deallocate() }
        for b in 0..<rows * cols / blockElements { weights(w + b * blockBytes, &random) }
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

    /// The K-quant kernels: the many-row ones the matmul calls, and the one-row NEON twins it
    /// calls through KernelChoice, each against the reference it must equal.
    static func checkKQuants(rows: Int, lanes: Int, tokens: Int, accumulate: Bool, random: inout XorShift) {
        func rowKernel(_ dot: @escaping (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float) -> Kernel {
            { p, rows, spacing, lanes in RowKernels.portable(dot, p, rows: rows, spacing: spacing, lanes: lanes) }
        }
        let q8k = Q8_K.blockBytes
        let cases: [(StaticString, Int, (UnsafeMutableRawPointer, inout XorShift) -> Void,
                     (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float, Kernel)] = [
            ("Q4_K dotInterleaved", Q4_K.blockBytes, randomQ4_K, Q4_K.dotInterleaved, Q4_K.dotRowsInterleaved),
            ("Q4_K dotInterleavedGroup", Q4_K.blockBytes, randomQ4_K, Q4_K.dotInterleavedGroup, Q4_K.dotRowsInterleavedGroup),
            ("Q4_K dotFast", Q4_K.blockBytes, randomQ4_K, Q4_K.dotFast, rowKernel(KQuantNEON.q4KDot)),
            ("Q4_K dotTiled", Q4_K.blockBytes, randomQ4_K, Q4_K.dotTiled, rowKernel(KQuantNEON.q4KTiled)),
            ("Q5_K dotFast", Q5_K.blockBytes, randomQ5_K, Q5_K.dotFast, rowKernel(KQuantNEON.q5KDot)),
            ("Q5_K dotTiled", Q5_K.blockBytes, randomQ5_K, Q5_K.dotTiled, rowKernel(KQuantNEON.q5KTiled)),
            ("Q6_K dotFast", Q6_K.blockBytes, randomQ6_K, Q6_K.dotFast, Q6_K.dotRows),
            ("Q6_K dotTiled", Q6_K.blockBytes, randomQ6_K, Q6_K.dotTiled, Q6_K.dotRowsTiled),
        ]
        for (name, blockBytes, weights, reference, kernel) in cases {
            check(name, blockBytes: blockBytes, blockElements: 256, rows: rows, lanes: lanes, tokens: tokens,
                  accumulate: accumulate, random: &random, weights: weights, quantize: Q8_K.quantize,
                  activationBytes: q8k, reference: reference, kernel: kernel)
        }
    }

    static func randomBytes(_ x: UnsafeMutableRawPointer, _ range: Range<Int>, _ random: inout XorShift) {
        for j in range { x.storeBytes(of: UInt8(truncatingIfNeeded: random.next()), toByteOffset: j, as: UInt8.self) }
    }

    static func randomQ4_K(_ x: UnsafeMutableRawPointer, _ random: inout XorShift) {
        randomBytes(x, 0..<Q4_K.blockBytes, &random)
        x.storeBytes(of: randomHalf(&random, scale: 0.01), as: UInt16.self)
        x.storeBytes(of: randomHalf(&random, scale: 0.01), toByteOffset: 2, as: UInt16.self)
    }

    static func randomQ5_K(_ x: UnsafeMutableRawPointer, _ random: inout XorShift) {
        randomBytes(x, 0..<Q5_K.blockBytes, &random)
        x.storeBytes(of: randomHalf(&random, scale: 0.01), as: UInt16.self)
        x.storeBytes(of: randomHalf(&random, scale: 0.01), toByteOffset: 2, as: UInt16.self)
    }

    static func randomQ6_K(_ x: UnsafeMutableRawPointer, _ random: inout XorShift) {
        randomBytes(x, 0..<Q6_K.blockBytes, &random)
        x.storeBytes(of: randomHalf(&random, scale: 0.01), toByteOffset: Q6_K.dOffset, as: UInt16.self)
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
