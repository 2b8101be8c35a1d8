import Foundation
import XCTest
import LuxEngine

/// Q4_K, Q5_K, Q6_K, Q8_K and BF16 against real blocks from llama.cpp's quantizer, gguf-py's
/// dequantized floats and ggml's own Q8_K quantizer and dot products
/// (Fixtures/kquants, made by scripts/fixtures/make_kquant_fixtures.py).
final class KQuantTests: XCTestCase {
    struct Manifest: Decodable {
        struct Case: Decodable {
            let name, type, source: String
            let rowLength, rows: Int
            let ggmlDots: [Float]
        }
        let cases: [Case]
        let activations: [Int]
    }

    typealias Dot = (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float
    struct Format {
        let blockSize, blockBytes: Int
        let dequantize: (UnsafeRawPointer, UnsafeMutablePointer<Float>, Int) -> Void
        let dot: Dot
        let dotFast: Dot
    }

    static func format(_ type: String) -> Format? {
        switch type {
        case "q4_K": return Format(blockSize: 256, blockBytes: 144, dequantize: { Q4_K.dequantize($0, $1, count: $2) },
                                   dot: { Q4_K.dot($0, $1, count: $2) }, dotFast: { Q4_K.dotFast($0, $1, count: $2) })
        case "q5_K": return Format(blockSize: 256, blockBytes: 176, dequantize: { Q5_K.dequantize($0, $1, count: $2) },
                                   dot: { Q5_K.dot($0, $1, count: $2) }, dotFast: { Q5_K.dotFast($0, $1, count: $2) })
        case "q6_K": return Format(blockSize: 256, blockBytes: 210, dequantize: { Q6_K.dequantize($0, $1, count: $2) },
                                   dot: { Q6_K.dot($0, $1, count: $2) }, dotFast: { Q6_K.dotFast($0, $1, count: $2) })
        case "bf16": return Format(blockSize: 1, blockBytes: 2, dequantize: { BF16.dequantize($0, $1, count: $2) },
                                   dot: { BF16.dot($0, $1, count: $2) }, dotFast: { BF16.dotFast($0, $1, count: $2) })
        default: return nil
        }
    }

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestModels.fixture("kquants/" + name)))
    }

    func floats(_ name: String) throws -> [Float] {
        let b = try bytes(name)
        return b.withUnsafeBytes { raw in (0..<b.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) } }
    }

    func manifest() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: TestModels.fixture("kquants/manifest.json")))
    }

    func q8K(_ x: [Float]) -> [UInt8] {
        var out = [UInt8](repeating: 0xAA, count: x.count / 256 * 292)
        x.withUnsafeBufferPointer { xs in out.withUnsafeMutableBytes { Q8_K.quantize(xs.baseAddress!, $0.baseAddress!, count: x.count) } }
        return out
    }

    func dequantized(_ f: Format, _ raw: [UInt8], count: Int) -> [Float] {
        var out = [Float](repeating: .nan, count: count)
        raw.withUnsafeBytes { r in out.withUnsafeMutableBufferPointer { f.dequantize(r.baseAddress!, $0.baseAddress!, count) } }
        return out
    }

    // MARK: dequantize, bit for bit

    func testDequantizeMatchesGGUFPyBitForBit() throws {
        let m = try manifest()
        var checked = Set<String>()
        for c in m.cases {
            let f = try XCTUnwrap(Self.format(c.type), c.type)
            let raw = try bytes(c.name + ".blocks"), want = try floats(c.name + ".f32")
            let rowBytes = c.rowLength / f.blockSize * f.blockBytes
            XCTAssertEqual(raw.count, rowBytes * c.rows, c.name)
            XCTAssertEqual(want.count, c.rowLength * c.rows, c.name)
            // Whole buffer at once, and row by row from an odd address (blocks are read unaligned).
            let all = dequantized(f, raw, count: want.count)
            var mismatches = 0
            for i in 0..<want.count where all[i].bitPattern != want[i].bitPattern { mismatches += 1 }
            XCTAssertEqual(mismatches, 0, "\(c.name) (\(c.source)): \(mismatches) of \(want.count) floats differ from gguf-py")
            for r in [0, c.rows - 1] {
                let shifted = [0x5A] + Array(raw[r * rowBytes..<(r + 1) * rowBytes])
                var out = [Float](repeating: .nan, count: c.rowLength)
                shifted.withUnsafeBytes { s in out.withUnsafeMutableBufferPointer { f.dequantize(s.baseAddress! + 1, $0.baseAddress!, c.rowLength) } }
                let first = (0..<c.rowLength).first { out[$0].bitPattern != want[r * c.rowLength + $0].bitPattern }
                XCTAssertNil(first, "\(c.name) row \(r) read unaligned differs at element \(first ?? -1)")
            }
            checked.insert(c.type)
        }
        XCTAssertEqual(checked, ["q4_K", "q5_K", "q6_K", "bf16"])
    }

    // MARK: quantizers, byte for byte

    func testBF16QuantizeMatchesGGUFPy() throws {
        for name in ["bf16-rows", "bf16-special"] {
            let src = try floats(name + ".src.f32"), want = try bytes(name + ".blocks")
            var out = [UInt8](repeating: 0, count: src.count * 2)
            src.withUnsafeBufferPointer { s in out.withUnsafeMutableBytes { BF16.quantize(s.baseAddress!, $0.baseAddress!, count: src.count) } }
            XCTAssertEqual(out, want, name)
        }
        let m = try manifest()
        for n in m.activations {
            let src = try floats("act\(n).f32")
            var out = [UInt8](repeating: 0, count: n * 2)
            src.withUnsafeBufferPointer { s in out.withUnsafeMutableBytes { BF16.quantize(s.baseAddress!, $0.baseAddress!, count: n) } }
            XCTAssertEqual(out, try bytes("act\(n).bf16"), "act\(n)")
        }
    }

    func testQ8KQuantizeMatchesGGMLByteForByte() throws {
        let m = try manifest()
        XCTAssertFalse(m.activations.isEmpty)
        for n in m.activations {
            let want = try bytes("act\(n).q8_K")
            XCTAssertEqual(q8K(try floats("act\(n).f32")), want, "act\(n): Q8_K bytes differ from ggml's quantize_row_q8_K_ref")
        }
    }

    /// quantize -> dequantize is within half a quantization step of the input, and bsums hold the
    /// sums of the quants, for activations of many shapes (including signs, outliers, zero blocks).
    func testQ8KRoundTripWithinHalfStep() throws {
        var rng = KQuantRNG(seed: 42)
        for trial in 0..<40 {
            let blocks = 1 + trial % 5
            var x = (0..<blocks * 256).map { _ in Float(rng.normal()) * Float(trial % 7 + 1) * 0.3 }
            if trial % 4 == 1 { x[rng.int(x.count)] *= -50 }                    // a negative outlier
            if trial % 6 == 2 { for i in 0..<256 { x[i] = 0 } }                  // an all-zero block
            if trial % 9 == 3 { x[rng.int(x.count)] = 1e-30 }                    // a tiny value
            let q = q8K(x)
            let back = dequantized(Format(blockSize: 256, blockBytes: 292, dequantize: { Q8_K.dequantize($0, $1, count: $2) },
                                          dot: { _, _, _ in 0 }, dotFast: { _, _, _ in 0 }), q, count: x.count)
            for b in 0..<blocks {
                let d = q.withUnsafeBytes { Float(bitPattern: $0.loadUnaligned(fromByteOffset: b * 292, as: UInt32.self)) }
                let block = x[b * 256..<(b + 1) * 256]
                let amax = block.map(abs).max()!
                if amax == 0 { XCTAssertEqual(d, 0); XCTAssertTrue(q[b * 292..<(b + 1) * 292].allSatisfy { $0 == 0 }); continue }
                XCTAssertEqual(abs(d), amax / 127, accuracy: amax / 127 * 1e-6, "trial \(trial) block \(b) scale")
                for i in block.indices {
                    XCTAssertLessThanOrEqual(abs(back[i] - x[i]), abs(d) * 0.5 * (1 + 1e-5) + 1e-30, "trial \(trial) element \(i)")
                }
                q.withUnsafeBytes { raw in
                    for j in 0..<16 {
                        var s = 0
                        for k in 0..<16 { s += Int(raw.load(fromByteOffset: b * 292 + 4 + 16 * j + k, as: Int8.self)) }
                        XCTAssertEqual(Int(raw.loadUnaligned(fromByteOffset: b * 292 + 260 + 2 * j, as: Int16.self)), s, "trial \(trial) bsum \(j)")
                    }
                }
            }
        }
    }

    // MARK: dot products

    /// Each row dotted with ggml-quantized activations equals ggml's own (AVX2) dot (bit for bit for
    /// the K-quants, up to float rounding for BF16), equals the exact dot of the dequantized weights and activations up to float
    /// rounding, and is as close to the float dot with the unquantized activations as the
    /// activations' quantization error allows.
    func testDotsMatchGGMLAndTheFloatDot() throws {
        let m = try manifest()
        var rows = 0
        for c in m.cases where !c.ggmlDots.isEmpty {
            let f = try XCTUnwrap(Self.format(c.type))
            let raw = try bytes(c.name + ".blocks"), w = try floats(c.name + ".f32")
            let act = try floats("act\(c.rowLength).f32")
            let isBF16 = c.type == "bf16"
            let aq = try bytes("act\(c.rowLength)." + (isBF16 ? "bf16" : "q8_K"))
            let a8 = isBF16 ? dequantized(Self.format("bf16")!, aq, count: c.rowLength)
                : dequantized(Format(blockSize: 256, blockBytes: 292, dequantize: { Q8_K.dequantize($0, $1, count: $2) },
                                     dot: { _, _, _ in 0 }, dotFast: { _, _, _ in 0 }), aq, count: c.rowLength)
            let rowBytes = c.rowLength / f.blockSize * f.blockBytes
            for r in 0..<c.rows {
                let row = Array(raw[r * rowBytes..<(r + 1) * rowBytes])
                let ours = row.withUnsafeBytes { rw in aq.withUnsafeBytes { f.dot(rw.baseAddress!, $0.baseAddress!, c.rowLength) } }
                let wr = w[r * c.rowLength..<(r + 1) * c.rowLength]
                var exact = 0.0, magnitude = 0.0, vsFloat = 0.0, bound = 0.0
                for (k, wi) in zip(wr.indices, wr) {
                    let i = k - r * c.rowLength
                    exact += Double(wi) * Double(a8[i])
                    magnitude += abs(Double(wi) * Double(a8[i]))
                    vsFloat += Double(wi) * Double(act[i])
                    bound += abs(Double(wi)) * abs(Double(act[i]) - Double(a8[i]))
                }
                let tol = 1e-5 * magnitude + 1e-7
                if isBF16 {
                    XCTAssertEqual(Double(ours), Double(c.ggmlDots[r]), accuracy: tol, "\(c.name) row \(r): ours vs ggml")
                } else {
                    // K-quants: the scalar reference follows ggml's AVX2 sum order, so the bits agree.
                    XCTAssertEqual(ours.bitPattern, c.ggmlDots[r].bitPattern, "\(c.name) row \(r): ours \(ours) vs ggml \(c.ggmlDots[r])")
                }
                XCTAssertEqual(Double(ours), exact, accuracy: tol, "\(c.name) row \(r): ours vs exact dot of dequantized values")
                XCTAssertEqual(Double(ours), vsFloat, accuracy: bound + tol, "\(c.name) row \(r): ours vs float activations")
                rows += 1
            }
        }
        XCTAssertGreaterThan(rows, 200)
    }

    /// The SIMD dots equal the scalar references bit for bit (K-quants; same summation order),
    /// or within float rounding (BF16, whose fast path sums in ggml's AVX2 order), on the fixture
    /// rows and on long rows of random blocks, read from odd addresses.
    func testDotFastEqualsScalarDot() throws {
        let m = try manifest()
        for c in m.cases where !c.ggmlDots.isEmpty {
            let f = try XCTUnwrap(Self.format(c.type))
            let raw = try bytes(c.name + ".blocks")
            let aq = try bytes("act\(c.rowLength)." + (c.type == "bf16" ? "bf16" : "q8_K"))
            let rowBytes = c.rowLength / f.blockSize * f.blockBytes
            for r in 0..<c.rows {
                let row = Array(raw[r * rowBytes..<(r + 1) * rowBytes])
                let (slow, fast) = row.withUnsafeBytes { rw in aq.withUnsafeBytes { (f.dot(rw.baseAddress!, $0.baseAddress!, c.rowLength), f.dotFast(rw.baseAddress!, $0.baseAddress!, c.rowLength)) } }
                if c.type == "bf16" {
                    XCTAssertEqual(fast, c.ggmlDots[r], "\(c.name) row \(r): dotFast is ggml's AVX2 sum order")
                } else {
                    XCTAssertEqual(fast.bitPattern, slow.bitPattern, "\(c.name) row \(r): \(fast) vs \(slow)")
                }
            }
        }

        var rng = KQuantRNG(seed: 7)
        for type in ["q4_K", "q5_K", "q6_K"] {
            let f = Self.format(type)!
            for trial in 0..<12 {
                let n = 256 * (1 + trial * 3)   // up to 34 blocks, past a 4096 row
                var w = (0..<n / 256 * f.blockBytes).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                // Finite f16 scales: random bits could make infinities and NaNs.
                for b in 0..<n / 256 {
                    let dAt = type == "q6_K" ? b * f.blockBytes + 208 : b * f.blockBytes
                    for (k, v) in [Float(rng.uniform()) * 0.01, Float(rng.uniform()) * 0.005].enumerated() where type != "q6_K" || k == 0 {
                        let h = Float16(v).bitPattern
                        w[dAt + 2 * k] = UInt8(h & 0xFF); w[dAt + 2 * k + 1] = UInt8(h >> 8)
                    }
                }
                var x = (0..<n).map { _ in Float(rng.normal()) }
                if trial % 3 == 0 { for i in 0..<256 { x[i] = 0 } }
                let a = q8K(x)
                let wShift = [0x11] + w, aShift = [0x22, 0x33, 0x44] + a
                let (slow, fast) = wShift.withUnsafeBytes { wr in aShift.withUnsafeBytes { (f.dot(wr.baseAddress! + 1, $0.baseAddress! + 3, n), f.dotFast(wr.baseAddress! + 1, $0.baseAddress! + 3, n)) } }
                XCTAssertEqual(fast.bitPattern, slow.bitPattern, "\(type) trial \(trial): \(fast) vs \(slow)")
                XCTAssertTrue(slow.isFinite)
            }
        }
        for n in [1, 7, 31, 32, 33, 255, 256, 1000, 4096, 4099] {
            let a = (0..<n).map { _ in Float(rng.normal()) }, b = (0..<n).map { _ in Float(rng.normal()) }
            var qa = [UInt8](repeating: 0, count: 2 * n + 1), qb = [UInt8](repeating: 0, count: 2 * n + 1)
            a.withUnsafeBufferPointer { s in qa.withUnsafeMutableBytes { BF16.quantize(s.baseAddress!, $0.baseAddress! + 1, count: n) } }
            b.withUnsafeBufferPointer { s in qb.withUnsafeMutableBytes { BF16.quantize(s.baseAddress!, $0.baseAddress! + 1, count: n) } }
            let (slow, fast) = qa.withUnsafeBytes { x in qb.withUnsafeBytes { (BF16.dot(x.baseAddress! + 1, $0.baseAddress! + 1, count: n), BF16.dotFast(x.baseAddress! + 1, $0.baseAddress! + 1, count: n)) } }
            let magnitude = zip(a, b).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
            XCTAssertEqual(Double(fast), Double(slow), accuracy: 1e-5 * magnitude + 1e-7, "bf16 n=\(n)")
        }
    }
}

/// A small deterministic generator for test data (KQuantRNG), with uniform and normal draws.
struct KQuantRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
