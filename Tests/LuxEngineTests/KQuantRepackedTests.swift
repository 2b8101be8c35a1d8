import Foundation
import XCTest
import LuxEngine

/// The Q4_K kernels of llama.cpp's repacked path (AVX2), bit for bit: ggml_gemv_q4_K_8x8_q8_K for
/// a lone token, ggml_gemm_q4_K_8x8_q8_K with ggml_quantize_mat_q8_K_4x8 for tokens in fours.
/// Expected values come from llama-cpp-python 0.3.36's libggml-cpu on repacked real Q4_K rows
/// (scripts/fixtures/make_kquant_kernel_fixtures.py).
final class KQuantRepackedTests: XCTestCase {
    struct Fixture: Decodable {
        let n: Int
        let rows: [String]
        let activations: [[UInt32]]
        let q8K: [String]
        let gemv: [[UInt32]]
        let groupedQ8K: [String]
        let gemm: [[UInt32]]
    }

    func load() throws -> Fixture {
        try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: TestModels.fixture("kquants/repacked_q4_K.json")))
    }

    func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.makeIterator()
        while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16)!) }
        return out
    }

    func quantized(_ bits: [UInt32], _ quantize: (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void) -> [UInt8] {
        let x = bits.map(Float.init(bitPattern:))
        var out = [UInt8](repeating: 0xAA, count: x.count / 256 * 292)
        x.withUnsafeBufferPointer { xs in out.withUnsafeMutableBytes { quantize(xs.baseAddress!, $0.baseAddress!, x.count) } }
        return out
    }

    func dot(_ kernel: WeightFormat.Dot, _ row: [UInt8], _ act: [UInt8], _ n: Int) -> Float {
        row.withUnsafeBytes { r in act.withUnsafeBytes { kernel(r.baseAddress!, $0.baseAddress!, n) } }
    }

    /// One token: activations from quantize_row_q8_K (our Q8_K.quantize), one fused sum per super-block.
    func testGEMVMatchesGGML() throws {
        let fx = try load()
        for (t, act) in fx.activations.enumerated() {
            let a = quantized(act) { Q8_K.quantize($0, $1, count: $2) }
            XCTAssertEqual(a, bytes(fx.q8K[t]), "token \(t): Q8_K bytes differ from ggml's quantize_row_q8_K")
            for (r, row) in fx.rows.enumerated() {
                let got = dot({ Q4_K.dotInterleaved($0, $1, count: $2) }, bytes(row), a, fx.n)
                XCTAssertEqual(got.bitPattern, fx.gemv[t][r], "token \(t) row \(r): \(got) vs ggml \(Float(bitPattern: fx.gemv[t][r]))")
            }
        }
    }

    /// Four tokens: activations quantized as the 4-row quantizer does (ties go to +max), one fused
    /// sum per pair of sub-blocks. The fixture's first token has a tie on which the quantizers differ.
    func testGEMMMatchesGGML() throws {
        let fx = try load()
        var tiesThatDiffer = 0
        for (t, act) in fx.activations.enumerated() {
            let a = quantized(act) { Q8_K.quantizeForGroups($0, $1, count: $2) }
            // The fixture holds d and the quants of each block (292 bytes less the 32 of bsums).
            let dq = (0..<fx.n / 256).flatMap { a[$0 * 292..<$0 * 292 + 260] }
            XCTAssertEqual(dq, bytes(fx.groupedQ8K[t]), "token \(t): 4-row Q8_K bytes differ from ggml_quantize_mat_q8_K_4x8")
            if a != quantized(act, { Q8_K.quantize($0, $1, count: $2) }) { tiesThatDiffer += 1 }
            for (r, row) in fx.rows.enumerated() {
                let got = dot({ Q4_K.dotInterleavedGroup($0, $1, count: $2) }, bytes(row), a, fx.n)
                XCTAssertEqual(got.bitPattern, fx.gemm[t][r], "token \(t) row \(r): \(got) vs ggml \(Float(bitPattern: fx.gemm[t][r]))")
            }
        }
        XCTAssertEqual(tiesThatDiffer, 1, "the fixture's tie (-m before +m) should quantize differently in the two quantizers")
    }

    /// The GEMV and GEMM orders are different computations (so the kernel choice matters), yet
    /// both equal the plain dot up to float rounding.
    func testGEMVAndGEMMDifferOnlyByRounding() throws {
        let fx = try load()
        var differ = 0
        for act in fx.activations {
            let a = quantized(act) { Q8_K.quantize($0, $1, count: $2) }
            for row in fx.rows.map(bytes) {
                let v = dot({ Q4_K.dotInterleaved($0, $1, count: $2) }, row, a, fx.n)
                let m = dot({ Q4_K.dotInterleavedGroup($0, $1, count: $2) }, row, a, fx.n)
                let plain = dot({ Q4_K.dotFast($0, $1, count: $2) }, row, a, fx.n)
                if v != m { differ += 1 }
                XCTAssertEqual(v, plain, accuracy: 1e-5 * max(1, abs(plain)))
                XCTAssertEqual(m, plain, accuracy: 1e-5 * max(1, abs(plain)))
            }
        }
        XCTAssertGreaterThan(differ, 0)
    }
}
