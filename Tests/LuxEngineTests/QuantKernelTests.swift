import XCTest
import LuxEngine

/// The legacy block formats: a weight row dotted with quantized activations equals, up to float
/// rounding, the dot of the dequantized weights with the dequantized activations.
final class QuantKernelTests: XCTestCase {
    func pseudoRandom(_ n: Int, seed: UInt64) -> [Float] {
        var s = seed
        return (0..<n).map { _ in
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: s >> 11) % 2000) / 1000 - 1
        }
    }

    func checkConsistency(_ type: GGMLType, file: StaticString = #filePath, line: UInt = #line) throws {
        let n = 256
        let fmt = try XCTUnwrap(WeightFormat.of(type))
        let w = pseudoRandom(n, seed: 1), x = pseudoRandom(n, seed: 2)
        // Weights quantized with the activation quantizer of the same family (Q8_0/Q8_1 share the grid);
        // for 4-bit types use a real row from the tiny model instead.
        let g = try TestModels.gguf(TestModels.tiny(type == .q4_0 ? "q4_0" : type == .q4_1 ? "q4_1" : "q8_0"))
        let t = try XCTUnwrap(g.tensors["blk.0.attn_q.weight"])
        XCTAssertEqual(t.type, type)
        let cols = t.rowLength
        let xs = pseudoRandom(cols, seed: 3)
        var act = [UInt8](repeating: 0, count: fmt.activationBytes(cols))
        var wf = [Float](repeating: 0, count: cols), xf = [Float](repeating: 0, count: cols)
        act.withUnsafeMutableBytes { a in
            xs.withUnsafeBufferPointer { fmt.quantizeActivation($0.baseAddress!, a.baseAddress!, cols) }
        }
        wf.withUnsafeMutableBufferPointer { fmt.dequantize(t.row(5), $0.baseAddress!, cols) }
        let actFormat = try XCTUnwrap(WeightFormat.of(fmt.activationType == .q8_1 ? .q8_0 : fmt.activationType))
        _ = actFormat
        let got = act.withUnsafeBytes { fmt.dot(t.row(5), $0.baseAddress!, cols) }
        var want: Float = 0
        // dequantize the activations by hand from the block layout
        act.withUnsafeBytes { a in
            let bb = fmt.activationType.layout.blockBytes, off = fmt.activationType == .q8_1 ? 4 : 2
            for b in 0..<cols / 32 {
                let d = Float(Float16(bitPattern: a.load(fromByteOffset: b * bb, as: UInt16.self)))
                for j in 0..<32 { xf[b * 32 + j] = d * Float(a.load(fromByteOffset: b * bb + off + j, as: Int8.self)) }
            }
        }
        for i in 0..<cols { want += wf[i] * xf[i] }
        XCTAssertEqual(got, want, accuracy: 1e-3 * max(1, abs(want)), "\(type)", file: file, line: line)
        _ = (w, x, n)
    }

    func testQ8_0() throws { try checkConsistency(.q8_0) }
    func testQ4_0() throws { try checkConsistency(.q4_0) }
    func testQ4_1() throws { try checkConsistency(.q4_1) }
}
