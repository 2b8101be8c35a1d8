import Foundation
import XCTest
import LuxEngine

/// The many-row kernels the forward pass runs (AVX2 on x86-64) against the one-row reference
/// dots (whose bits QuantKernelTests checks against ggml): every output bit for bit, over row
/// counts that leave tails, several tokens, and the accumulating (residual) mode.
final class RowKernelTests: XCTestCase {
    /// A small deterministic generator (the test data must not depend on the platform's RNG).
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func unit() -> Float { Float(next() % 2_000_001) / 1_000_000 - 1 }
        mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    }

    /// Random K-quant super-blocks: random bytes, with the f16 scales at `halves` offsets set small.
    func kBlocks(rows: Int, cols: Int, blockBytes: Int, halves: [Int], _ mix: inout Mix) -> [UInt8] {
        var w = (0..<(rows * cols / 256 * blockBytes)).map { _ in mix.byte() }
        for b in 0..<(rows * cols / 256) {
            for o in halves {
                let bits = Float16(0.0005 + 0.002 * abs(mix.unit())).bitPattern
                w[b * blockBytes + o] = UInt8(bits & 0xFF)
                w[b * blockBytes + o + 1] = UInt8(bits >> 8)
            }
        }
        return w
    }

    func checkK(_ name: String, rows: Int, tokens: Int, blockBytes: Int, halves: [Int], lanes: Int,
                reference: (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float, _ kernel: Rows) {
        let cols = 512
        var mix = Mix(state: UInt64(rows * 131 + tokens))
        let w = kBlocks(rows: rows, cols: cols, blockBytes: blockBytes, halves: halves, &mix)
        let rowBytes = cols / 256 * blockBytes, actBytes = cols / 256 * 292
        let a = activations(tokens: tokens, cols: cols, bytesPerRow: actBytes, { Q8_K.quantize($0, $1, count: $2) }, &mix)
        var got = [Float](repeating: 0, count: rows * tokens)
        let segment = rows / lanes
        w.withUnsafeBytes { wb in a.withUnsafeBytes { ab in got.withUnsafeMutableBufferPointer { out in
            let p = RowProduct(weights: wb.baseAddress!, rowBytes: rowBytes, cols: cols, input: ab.baseAddress!, inputBytes: actBytes,
                               tokens: tokens, out: out.baseAddress!, outStride: rows, accumulate: false)
            kernel(p, 0..<segment, segment, lanes)
            kernel(p, segment * lanes..<rows, 0, 1)
        } } }
        var mismatches = 0
        for r in 0..<rows {
            for t in 0..<tokens {
                let want = w.withUnsafeBytes { wb in a.withUnsafeBytes { reference(wb.baseAddress! + r * rowBytes, $0.baseAddress! + t * actBytes, cols) } }
                if got[t * rows + r].bitPattern != want.bitPattern { mismatches += 1 }
            }
        }
        XCTAssertEqual(mismatches, 0, "\(name): \(mismatches) of \(rows * tokens) outputs differ from the reference (SIMD \(RowKernels.simd))")
    }

    func testQ4_KInterleavedRowsMatchDots() {
        for (rows, tokens) in [(8, 1), (16, 3), (24, 5)] {
            checkK("Q4_K gemv \(rows)x\(tokens)", rows: rows, tokens: tokens, blockBytes: 144, halves: [0, 2], lanes: 8,
                   reference: { Q4_K.dotInterleaved($0, $1, count: $2) }) { Q4_K.dotRowsInterleaved($0, rows: $1, spacing: $2, lanes: $3) }
            checkK("Q4_K gemm \(rows)x\(tokens)", rows: rows, tokens: tokens, blockBytes: 144, halves: [0, 2], lanes: 8,
                   reference: { Q4_K.dotInterleavedGroup($0, $1, count: $2) }) { Q4_K.dotRowsInterleavedGroup($0, rows: $1, spacing: $2, lanes: $3) }
        }
    }

    /// The packed Q4_K copy (the AVX2 path's layout) gives the reference GEMV and GEMM bits.
    func testQ4_KPackedRowsMatchDots() throws {
        try XCTSkipUnless(RowKernels.simd, "packed Q4_K matrices exist only for the AVX2 kernels")
        let cols = 512
        for (rows, tokens) in [(8, 1), (16, 3), (24, 5)] {
            var mix = Mix(state: UInt64(rows * 7 + tokens))
            let w = kBlocks(rows: rows, cols: cols, blockBytes: 144, halves: [0, 2], &mix)
            let rowBytes = cols / 256 * 144, actBytes = cols / 256 * 292
            let a = activations(tokens: tokens, cols: cols, bytesPerRow: actBytes, { Q8_K.quantize($0, $1, count: $2) }, &mix)
            let packedBytes = rows / 8 * Q4_KPacked.groupBytes(cols: cols)
            let packed = UnsafeMutableRawPointer.allocate(byteCount: packedBytes, alignment: 64)
            defer { packed.deallocate() }
            w.withUnsafeBytes { MatrixPacking.pack(type: .q4_K, $0.baseAddress!, rows: rows, cols: cols, into: packed) }
            for grouped in [false, true] {
                var got = [Float](repeating: 0, count: rows * tokens)
                a.withUnsafeBytes { ab in got.withUnsafeMutableBufferPointer { out in
                    let p = RowProduct(weights: packed, rowBytes: Q4_KPacked.groupBytes(cols: cols), cols: cols,
                                       input: ab.baseAddress!, inputBytes: actBytes, tokens: tokens,
                                       out: out.baseAddress!, outStride: rows, accumulate: false)
                    Q4_K.dotRowsPacked(p, groups: 0..<rows / 8, spacing: rows / 8, grouped: grouped)
                } }
                var mismatches = 0
                for r in 0..<rows {
                    for t in 0..<tokens {
                        let want = w.withUnsafeBytes { wb in a.withUnsafeBytes { ab in
                            grouped ? Q4_K.dotInterleavedGroup(wb.baseAddress! + r * rowBytes, ab.baseAddress! + t * actBytes, count: cols)
                                    : Q4_K.dotInterleaved(wb.baseAddress! + r * rowBytes, ab.baseAddress! + t * actBytes, count: cols)
                        } }
                        if got[t * rows + r].bitPattern != want.bitPattern { mismatches += 1 }
                    }
                }
                XCTAssertEqual(mismatches, 0, "packed Q4_K \(grouped ? "gemm" : "gemv") \(rows)x\(tokens)")
            }
        }
    }

    /// The regrouped Q6_K copy (rows in the kernel's walking order) gives the same bits.
    func testQ6_KRegroupedRowsMatchDots() throws {
        try XCTSkipUnless(RowKernels.simd, "regrouped Q6_K matrices exist only for the AVX2 kernels")
        let regrouped: Rows = { p, groups, spacing, lanes in
            guard !groups.isEmpty else { return }
            let copy = UnsafeMutableRawPointer.allocate(byteCount: 8 * spacing * p.rowBytes, alignment: 64)
            defer { copy.deallocate() }
            MatrixPacking.pack(type: .q6_K, p.weights, rows: 8 * spacing, cols: p.cols, into: copy)
            let q = RowProduct(weights: copy, rowBytes: p.rowBytes, cols: p.cols, input: p.input, inputBytes: p.inputBytes,
                               tokens: p.tokens, out: p.out, outStride: p.outStride, accumulate: p.accumulate)
            Q6_K.dotRowsRegrouped(q, groups: groups, spacing: spacing)
        }
        for (rows, tokens) in [(8, 1), (16, 3), (24, 9)] {
            checkK("regrouped Q6_K \(rows)x\(tokens)", rows: rows, tokens: tokens, blockBytes: 210, halves: [208], lanes: 8,
                   reference: { tokens >= 8 ? Q6_K.dotTiled($0, $1, count: $2) : Q6_K.dotFast($0, $1, count: $2) }, regrouped)
        }
    }

    func testQ6_KRowsMatchDots() {
        for (rows, tokens, lanes) in [(4, 1, 4), (13, 3, 4), (9, 9, 4), (16, 10, 8), (24, 2, 8)] {
            checkK("Q6_K \(rows)x\(tokens)", rows: rows, tokens: tokens, blockBytes: 210, halves: [208], lanes: lanes,
                   reference: { Q6_K.dotFast($0, $1, count: $2) }) { Q6_K.dotRows($0, rows: $1, spacing: $2, lanes: $3) }
            checkK("Q6_K tiled \(rows)x\(tokens)", rows: rows, tokens: tokens, blockBytes: 210, halves: [208], lanes: lanes,
                   reference: { Q6_K.dotTiled($0, $1, count: $2) }) { Q6_K.dotRowsTiled($0, rows: $1, spacing: $2, lanes: $3) }
        }
    }

    /// Random blocks of a 4-bit or 8-bit format: random quants, small positive f16 scales.
    func weights(rows: Int, cols: Int, blockBytes: Int, halves: Int, int8: Bool, _ mix: inout Mix) -> [UInt8] {
        var w = [UInt8](repeating: 0, count: rows * cols / 32 * blockBytes)
        for b in 0..<(rows * cols / 32) {
            for h in 0..<halves {
                let scale = Float16(0.001 + 0.01 * abs(mix.unit()))
                let bits = h == 1 && halves == 2 ? Float16(-0.05 * abs(mix.unit())).bitPattern : scale.bitPattern
                w[b * blockBytes + 2 * h] = UInt8(bits & 0xFF)
                w[b * blockBytes + 2 * h + 1] = UInt8(bits >> 8)
            }
            for j in (2 * halves)..<blockBytes {
                // Q8_0 weights stay in [-127, 127], as quantizers write them.
                w[b * blockBytes + j] = int8 ? UInt8(bitPattern: Int8(Int(mix.next() % 255) - 127)) : mix.byte()
            }
        }
        return w
    }

    func activations(tokens: Int, cols: Int, bytesPerRow: Int, _ quantize: (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void,
                     _ mix: inout Mix) -> [UInt8] {
        var a = [UInt8](repeating: 0, count: tokens * bytesPerRow)
        for t in 0..<tokens {
            let x = (0..<cols).map { _ in mix.unit() * 3 }
            a.withUnsafeMutableBytes { ab in x.withUnsafeBufferPointer { quantize($0.baseAddress!, ab.baseAddress! + t * bytesPerRow, cols) } }
        }
        return a
    }

    typealias Rows = (RowProduct, Range<Int>, Int, Int) -> Void

    func check(_ name: String, rows: Int, cols: Int, tokens: Int, blockBytes: Int, halves: Int, int8: Bool, actBlockBytes: Int,
               quantize: (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void,
               reference: (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float, lanes: Int, _ kernel: Rows) {
        var mix = Mix(state: UInt64(rows * 31 + cols * 7 + tokens))
        let w = weights(rows: rows, cols: cols, blockBytes: blockBytes, halves: halves, int8: int8, &mix)
        let rowBytes = cols / 32 * blockBytes, actBytes = cols / 32 * actBlockBytes
        let a = activations(tokens: tokens, cols: cols, bytesPerRow: actBytes, quantize, &mix)
        let start = (0..<(rows * tokens)).map { Float($0 % 7) - 3 }
        for accumulate in [false, true] {
            var got = start
            // Rows as the forward pass deals them out: `lanes` segments walked side by side, in two
            // items, and the rows past the last full lane one lane at a time.
            let segment = rows / lanes
            w.withUnsafeBytes { wb in a.withUnsafeBytes { ab in got.withUnsafeMutableBufferPointer { out in
                let p = RowProduct(weights: wb.baseAddress!, rowBytes: rowBytes, cols: cols, input: ab.baseAddress!, inputBytes: actBytes,
                                   tokens: tokens, out: out.baseAddress!, outStride: rows, accumulate: accumulate)
                kernel(p, 0..<segment / 2, segment, lanes)
                kernel(p, segment / 2..<segment, segment, lanes)
                kernel(p, segment * lanes..<rows, 0, 1)
            } } }
            var mismatches = 0
            for r in 0..<rows {
                for t in 0..<tokens {
                    let dot = w.withUnsafeBytes { wb in a.withUnsafeBytes { reference(wb.baseAddress! + r * rowBytes, $0.baseAddress! + t * actBytes, cols) } }
                    let want = accumulate ? start[t * rows + r] + dot : dot
                    if got[t * rows + r].bitPattern != want.bitPattern { mismatches += 1 }
                }
            }
            XCTAssertEqual(mismatches, 0, "\(name): \(mismatches) of \(rows * tokens) outputs differ from the reference (accumulate \(accumulate), SIMD \(RowKernels.simd))")
        }
    }

    /// The packed Q4_0 copy (the AVX2 path's layout) gives dotInterleaved's bits, for one token
    /// and for prompts (four or more tokens take the table kernel), split into two work items.
    func testQ4_0PackedRowsMatchDot() throws {
        try XCTSkipUnless(RowKernels.simd, "packed Q4_0 matrices exist only for the AVX2 kernels")
        // Packs the matrix the check hands over, then runs the packed kernel on the groups asked for.
        let packed: Rows = { p, groups, spacing, lanes in
            guard !groups.isEmpty else { return }
            let rows = 8 * spacing, bytes = spacing * Q4_0Packed.groupBytes(cols: p.cols)
            let copy = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            defer { copy.deallocate() }
            MatrixPacking.pack(type: .q4_0, p.weights, rows: rows, cols: p.cols, into: copy)
            let q = RowProduct(weights: copy, rowBytes: Q4_0Packed.groupBytes(cols: p.cols), cols: p.cols, input: p.input,
                               inputBytes: p.inputBytes, tokens: p.tokens, out: p.out, outStride: p.outStride, accumulate: p.accumulate)
            Q4_0.dotRowsPacked(q, groups: groups, spacing: spacing)
        }
        for (rows, tokens) in [(8, 1), (32, 3), (40, 6), (16, 2)] {
            check("packed Q4_0 \(rows)x\(tokens)", rows: rows, cols: 1024, tokens: tokens, blockBytes: 18, halves: 1, int8: false,
                  actBlockBytes: 34, quantize: { Q8_0.quantize($0, $1, count: $2) },
                  reference: { Q4_0.dotInterleaved($0, $1, count: $2) }, lanes: 8, packed)
        }
    }

    func testQ4_1RowsMatchDot() {
        for (rows, tokens) in [(13, 1), (32, 3), (7, 5)] {
            check("Q4_1 \(rows)x\(tokens)", rows: rows, cols: 576, tokens: tokens, blockBytes: 20, halves: 2, int8: false, actBlockBytes: 36,
                  quantize: { Q8_1.quantize($0, $1, count: $2) }, reference: { Q4_1.dot($0, $1, count: $2) },
                  lanes: 4) { Q4_1.dotRows($0, rows: $1, spacing: $2, lanes: $3) }
        }
    }

    func testQ8_0RowsMatchDot() {
        for (rows, tokens) in [(13, 1), (32, 3), (7, 5)] {
            check("Q8_0 \(rows)x\(tokens)", rows: rows, cols: 576, tokens: tokens, blockBytes: 34, halves: 1, int8: true, actBlockBytes: 34,
                  quantize: { Q8_0.quantize($0, $1, count: $2) }, reference: { Q8_0.dot($0, $1, count: $2) },
                  lanes: 4) { Q8_0.dotRows($0, rows: $1, spacing: $2, lanes: $3) }
        }
    }

    func testQ4_0RowsMatchDot() {
        for (rows, tokens) in [(13, 1), (32, 3), (7, 5)] {
            check("Q4_0 lanes \(rows)x\(tokens)", rows: rows, cols: 576, tokens: tokens, blockBytes: 18, halves: 1, int8: false, actBlockBytes: 34,
                  quantize: { Q8_0.quantize($0, $1, count: $2) }, reference: { Q4_0.dot($0, $1, count: $2) },
                  lanes: 4) { Q4_0.dotRows($0, rows: $1, spacing: $2, lanes: $3) }
        }
    }

    /// Rows in groups of eight (the interleaved kernel's unit), activations at the extremes of
    /// Q8_0 included: the AVX2 path keeps whole-block sums in 16-bit lanes, exact up to ±32512.
    func testQ4_0InterleavedRowsMatchDot() {
        for (rows, tokens) in [(8, 1), (32, 3), (40, 6)] {
            check("Q4_0 \(rows)x\(tokens)", rows: rows, cols: 1024, tokens: tokens, blockBytes: 18, halves: 1, int8: false, actBlockBytes: 34,
                  quantize: { Q8_0.quantize($0, $1, count: $2) }, reference: { Q4_0.dotInterleaved($0, $1, count: $2) },
                  lanes: 8) { Q4_0.dotRowsInterleaved($0, rows: $1, spacing: $2, lanes: $3) }
        }
        // Extremes: every weight nibble 0 (q - 8 = -8) against every activation at ±127.
        let cols = 256, rows = 8
        var w = [UInt8](repeating: 0, count: rows * cols / 32 * 18)
        for b in 0..<(rows * cols / 32) { w[b * 18] = 0x00; w[b * 18 + 1] = 0x3C }   // d = 1.0
        for sign: Float in [1, -1] {
            // Four tokens as well as one: prompts take another kernel (16-bit sums of a table).
            let tokens = 4
            let x = [Float](repeating: sign, count: cols)
            var a = [UInt8](repeating: 0, count: tokens * cols / 32 * 34)
            for t in 0..<tokens {
                a.withUnsafeMutableBytes { ab in x.withUnsafeBufferPointer { Q8_0.quantize($0.baseAddress!, ab.baseAddress! + t * cols / 32 * 34, count: cols) } }
            }
            var out = [Float](repeating: 0, count: rows * tokens), single = [Float](repeating: 0, count: rows)
            w.withUnsafeBytes { wb in a.withUnsafeBytes { ab in
                out.withUnsafeMutableBufferPointer {
                    let p = RowProduct(weights: wb.baseAddress!, rowBytes: cols / 32 * 18, cols: cols, input: ab.baseAddress!, inputBytes: cols / 32 * 34,
                                       tokens: tokens, out: $0.baseAddress!, outStride: rows, accumulate: false)
                    Q4_0.dotRowsInterleaved(p, rows: 0..<1, spacing: 1, lanes: 8)
                }
                single.withUnsafeMutableBufferPointer {
                    let p = RowProduct(weights: wb.baseAddress!, rowBytes: cols / 32 * 18, cols: cols, input: ab.baseAddress!, inputBytes: 0,
                                       tokens: 1, out: $0.baseAddress!, outStride: rows, accumulate: false)
                    Q4_0.dotRowsInterleaved(p, rows: 0..<1, spacing: 1, lanes: 8)
                }
            } }
            let want = w.withUnsafeBytes { wb in a.withUnsafeBytes { Q4_0.dotInterleaved(wb.baseAddress!, $0.baseAddress!, count: cols) } }
            XCTAssertEqual(single.map(\.bitPattern), [UInt32](repeating: want.bitPattern, count: rows), "extreme sums, one token, sign \(sign)")
            XCTAssertEqual(out.map(\.bitPattern), [UInt32](repeating: want.bitPattern, count: rows * tokens), "extreme sums, four tokens, sign \(sign)")
        }
    }
}
