import Foundation
import XCTest
import LuxEngine

/// The kernels whose arithmetic must equal ggml's bit for bit. Expected values come from the real
/// ggml CPU library (llama-cpp-python 0.3.36, AVX2/FMA build), called on pseudo-random inputs by
/// scripts/fixtures/make_kernel_fixtures.py; floats are compared as bit patterns.
final class QuantKernelTests: XCTestCase {
    struct DotCase: Decodable { let n: Int; let weights: [String]; let activations: String; let expected: [UInt32] }
    struct FloatDotCase: Decodable { let n: Int; let x: [UInt32]; let y: [UInt32]; let expected: UInt32 }
    struct QuantizeCase: Decodable { let x: [UInt32]; let expected: String }
    struct SoftmaxCase: Decodable { let x: [UInt32]; let max: UInt32; let expected: [UInt32]; let sum: Double }
    struct SwigluCase: Decodable { let gate: [UInt32]; let up: [UInt32]; let expected: [UInt32] }
    struct Fixture: Decodable {
        let quantize_q8_0, quantize_q8_1: QuantizeCase
        let dot_q8_0, dot_q4_0, dot_q4_1, gemv_q4_0: DotCase
        let dot_f16, dot_f32: [FloatDotCase]
        let softmax: [SoftmaxCase]
        let swiglu: SwigluCase
    }

    nonisolated(unsafe) private static var loaded: Fixture?
    static func load() throws -> Fixture {
        if let f = loaded { return f }
        let data = try Data(contentsOf: TestModels.fixture("kernels/ggml_kernels.json"))
        let f = try JSONDecoder().decode(Fixture.self, from: data)
        loaded = f
        return f
    }

    func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.makeIterator()
        while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16)!) }
        return out
    }

    func floats(_ bits: [UInt32]) -> [Float] { bits.map(Float.init(bitPattern:)) }

    func checkQuantize(_ c: QuantizeCase, _ quantize: (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void,
                       file: StaticString = #filePath, line: UInt = #line) {
        let x = floats(c.x), want = bytes(c.expected)
        var got = [UInt8](repeating: 0, count: want.count)
        got.withUnsafeMutableBytes { g in x.withUnsafeBufferPointer { quantize($0.baseAddress!, g.baseAddress!, x.count) } }
        XCTAssertEqual(got, want, file: file, line: line)
    }

    func testQuantizeQ8_0() throws { checkQuantize(try Self.load().quantize_q8_0, Q8_0.quantize) }
    func testQuantizeQ8_1() throws { checkQuantize(try Self.load().quantize_q8_1, Q8_1.quantize) }

    func checkDot(_ c: DotCase, _ dot: WeightFormat.Dot, file: StaticString = #filePath, line: UInt = #line) {
        let a = bytes(c.activations)
        XCTAssertEqual(c.weights.count, c.expected.count)
        for (w, want) in zip(c.weights, c.expected) {
            let got = bytes(w).withUnsafeBytes { wb in a.withUnsafeBytes { dot(wb.baseAddress!, $0.baseAddress!, c.n) } }
            XCTAssertEqual(got.bitPattern, want, "got \(got), ggml \(Float(bitPattern: want))", file: file, line: line)
        }
    }

    func testDotQ8_0() throws { checkDot(try Self.load().dot_q8_0, Q8_0.dot) }
    func testDotQ4_0() throws { checkDot(try Self.load().dot_q4_0, Q4_0.dot) }
    func testDotQ4_1() throws { checkDot(try Self.load().dot_q4_1, Q4_1.dot) }

    /// llama.cpp repacks Q4_0 matrices whose row count is a multiple of 8 and runs
    /// ggml_gemv_q4_0_8x8_q8_0 on them: one float sum per row, sum = fma(block integer sum, d_w·d_a, sum).
    func testDotQ4_0Interleaved() throws {
        let c = try Self.load().gemv_q4_0
        checkDot(c, Q4_0.dotInterleaved)
        // The same products as the lane-wise kernel, in another order: equal up to rounding.
        let a = bytes(c.activations)
        for w in c.weights.map(bytes) {
            let (x, y) = w.withUnsafeBytes { wb in a.withUnsafeBytes {
                (Q4_0.dotInterleaved(wb.baseAddress!, $0.baseAddress!, count: c.n), Q4_0.dot(wb.baseAddress!, $0.baseAddress!, count: c.n))
            } }
            XCTAssertEqual(x, y, accuracy: 1e-5 * max(1, abs(x)))
        }
    }

    func testDotF16() throws {
        for c in try Self.load().dot_f16 {
            let x = c.x.map { UInt16($0) }, y = c.y.map { UInt16($0) }
            let got = x.withUnsafeBytes { xb in y.withUnsafeBytes { F16.dot(xb.baseAddress!, $0.baseAddress!, count: c.n) } }
            XCTAssertEqual(got.bitPattern, c.expected, "n \(c.n): got \(got), ggml \(Float(bitPattern: c.expected))")
            if c.n % 8 == 0 {
                let tiled = x.withUnsafeBytes { xb in y.withUnsafeBytes { F16.dotTiled(xb.baseAddress!, $0.baseAddress!, count: c.n) } }
                XCTAssertEqual(tiled, got, accuracy: 1e-4 * max(1, abs(got)))
            }
        }
    }

    func testDotF32() throws {
        for c in try Self.load().dot_f32 {
            let x = floats(c.x), y = floats(c.y)
            let got = x.withUnsafeBytes { xb in y.withUnsafeBytes { F32.dot(xb.baseAddress!, $0.baseAddress!, count: c.n) } }
            XCTAssertEqual(got.bitPattern, c.expected, "n \(c.n): got \(got), ggml \(Float(bitPattern: c.expected))")
        }
    }

    /// Exponentials (including -inf and arguments below -87, which take the vector exp's
    /// scaled path) and their double sum, as ggml_vec_soft_max_f32.
    func testSoftmaxExp() throws {
        for c in try Self.load().softmax {
            var x = floats(c.x)
            let sum = x.withUnsafeMutableBufferPointer { VecMath.softmaxExp($0.baseAddress!, count: $0.count, max: Float(bitPattern: c.max)) }
            XCTAssertEqual(x.map(\.bitPattern), c.expected)
            XCTAssertEqual(sum, c.sum)
        }
    }

    /// Eight-wide with the vector exp, the tail (100 = 12·8 + 4) with libm's expf.
    func testSwiglu() throws {
        let c = try Self.load().swiglu
        var g = floats(c.gate)
        let u = floats(c.up)
        g.withUnsafeMutableBufferPointer { gb in u.withUnsafeBufferPointer { VecMath.swiglu(gb.baseAddress!, $0.baseAddress!, count: gb.count) } }
        XCTAssertEqual(g.map(\.bitPattern), c.expected)
    }

    func testHorizontalSums() throws {
        let v = SIMD8<Float>(1e8, 1, -1e8, 3, 0.5, 7, 0.25, -2)
        // ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)) versus ((l0+l4)+(l1+l5)) + ((l2+l6)+(l3+l7)).
        XCTAssertEqual(VecMath.hsum(v), ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3] + v[7])))
        XCTAssertEqual(VecMath.haddSum(v), ((v[0] + v[4]) + (v[1] + v[5])) + ((v[2] + v[6]) + (v[3] + v[7])))
        XCTAssertNotEqual(VecMath.hsum(v), VecMath.haddSum(v))
    }
}
