import Foundation
import XCTest
import LuxEngine

/// The GGUF reader on broken files: truncated anywhere, lying header fields, impossible tensors,
/// and things that are not GGUF files at all. Every case must give a GGUFError whose description
/// is one line naming the file, and never crash. The files are made here by a small GGUF writer
/// (a valid file with a few keys and two small tensors, then corrupted), so nothing is committed.
final class BadGGUFTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("BadGGUFTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    // MARK: a tiny GGUF writer

    /// Bytes of a GGUF file, with named offsets (`marks`) of the fields the tests corrupt.
    struct Writer {
        var bytes: [UInt8] = []
        var marks: [String: Int] = [:]

        mutating func mark(_ name: String) { marks[name] = bytes.count }
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func f32(_ v: Float) { u32(v.bitPattern) }
        mutating func string(_ s: String, _ name: String? = nil) {
            if let name { mark(name + ".len") }
            u64(UInt64(s.utf8.count))
            if let name { mark(name + ".bytes") }
            bytes += Array(s.utf8)
        }
        mutating func key(_ k: String, type: UInt32, _ name: String) {
            string(k, name + ".key")
            mark(name + ".type")
            u32(type)
            mark(name + ".value")
        }
    }

    struct TensorSpec {
        var name: String
        var dims: [UInt64]
        var type: UInt32
        var offset: UInt64
    }

    static let floatsA: [Float] = (0..<64).map { Float($0) * 0.25 - 4 }
    static let defaultTensors = [
        TensorSpec(name: "weight.a", dims: [32, 2], type: 0, offset: 0),    // F32, 256 bytes
        TensorSpec(name: "weight.b", dims: [64], type: 8, offset: 256),     // Q8_0, 2 blocks, 68 bytes
    ]

    /// A valid version-3 GGUF: six keys (string, u32 alignment, u32, f32, string array, i32 array)
    /// and two tensors, then padding and data.
    static func makeFile(version: UInt32 = 3, tensors: [TensorSpec] = defaultTensors,
                         extraKeys: (inout Writer) -> Int = { _ in 0 }) -> Writer {
        var w = Writer()
        w.mark("magic"); w.bytes += Array("GGUF".utf8)
        w.mark("version"); w.u32(version)
        w.mark("tensorCount"); w.u64(UInt64(tensors.count))
        w.mark("kvCount"); let kvAt = w.bytes.count; w.u64(6)
        w.key("general.architecture", type: 8, "arch"); w.string("llama", "arch.str")
        w.key("general.alignment", type: 4, "align"); w.u32(32)
        w.key("test.u32", type: 4, "u32"); w.u32(7)
        w.key("test.f32", type: 6, "f32"); w.f32(1.5)
        w.key("test.strings", type: 9, "strs")
        w.mark("strs.elemType"); w.u32(8)
        w.mark("strs.count"); w.u64(3)
        w.mark("strs.elems"); w.string("a"); w.string("bc"); w.mark("strs.last"); w.string("déf")
        w.key("test.ints", type: 9, "ints")
        w.mark("ints.elemType"); w.u32(5)
        w.mark("ints.count"); w.u64(3)
        w.mark("ints.elems"); for v: Int32 in [1, -2, 3] { w.u32(UInt32(bitPattern: v)) }
        let extra = extraKeys(&w)
        if extra > 0 { w.bytes.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(6 + extra).littleEndian, toByteOffset: kvAt, as: UInt64.self) } }
        for (i, t) in tensors.enumerated() {
            w.string(t.name, "t\(i).name")
            w.mark("t\(i).ndims"); w.u32(UInt32(t.dims.count))
            w.mark("t\(i).dims"); for d in t.dims { w.u64(d) }
            w.mark("t\(i).type"); w.u32(t.type)
            w.mark("t\(i).offset"); w.u64(t.offset)
        }
        w.mark("padding")
        while w.bytes.count % 32 != 0 { w.bytes.append(0) }
        w.mark("data")
        for f in floatsA { w.f32(f) }
        for b in 0..<2 {                                   // Q8_0: f16 d = 0.5, q = -16...15
            w.bytes += [0x00, 0x38]
            w.bytes += (0..<32).map { UInt8(bitPattern: Int8($0 - 16 + b)) }
        }
        w.mark("end")
        return w
    }

    func write(_ bytes: [UInt8], _ name: String = "bad.gguf") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func patched(_ w: Writer, _ mark: String, plus: Int = 0, u32 v: UInt32) -> [UInt8] {
        var b = w.bytes
        b.withUnsafeMutableBytes { $0.storeBytes(of: v.littleEndian, toByteOffset: w.marks[mark]! + plus, as: UInt32.self) }
        return b
    }

    func patched(_ w: Writer, _ mark: String, plus: Int = 0, u64 v: UInt64) -> [UInt8] {
        var b = w.bytes
        b.withUnsafeMutableBytes { $0.storeBytes(of: v.littleEndian, toByteOffset: w.marks[mark]! + plus, as: UInt64.self) }
        return b
    }

    /// Opens `path`, expects a GGUFError in one of `places` whose message contains `contains`, and
    /// whose description is a single line naming the file.
    @discardableResult
    func expectError(_ path: String, places: [String], contains: String? = nil, _ label: String,
                     file: StaticString = #filePath, line: UInt = #line) -> GGUFError? {
        do {
            let g = try GGUFFile(path: path)
            XCTFail("\(label): opened without error (\(g.tensors.count) tensors)", file: file, line: line)
            return nil
        } catch let e as GGUFError {
            let d = e.description
            XCTAssertTrue(d.hasPrefix(path + ": "), "\(label): description does not start with the file: \(d)", file: file, line: line)
            XCTAssertFalse(d.contains { $0.isNewline }, "\(label): description is not one line: \(d)", file: file, line: line)
            XCTAssertLessThan(d.count, path.count + 400, "\(label): description is too long", file: file, line: line)
            XCTAssertTrue(places.contains(e.place), "\(label): place \"\(e.place)\" not in \(places) (\(d))", file: file, line: line)
            if let contains {
                XCTAssertTrue(e.message.contains(contains), "\(label): message lacks \"\(contains)\": \(d)", file: file, line: line)
            }
            return e
        } catch {
            XCTFail("\(label): threw \(type(of: error)), not GGUFError: \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: the valid file

    func testTheWritersFileIsValid() throws {
        let w = Self.makeFile()
        let g = try GGUFFile(path: try write(w.bytes, "good.gguf"))
        XCTAssertEqual(g.version, 3)
        XCTAssertEqual(g.metadataKeys, ["general.architecture", "general.alignment", "test.u32", "test.f32", "test.strings", "test.ints"])
        XCTAssertEqual(g.architecture, "llama")
        XCTAssertEqual(g.metadata["test.u32"], .uint(7))
        XCTAssertEqual(g.metadata["test.f32"], .float(1.5))
        XCTAssertEqual(g.metadata["test.strings"]?.stringArray, ["a", "bc", "déf"])
        XCTAssertEqual(g.metadata["test.ints"]?.intArray, [1, -2, 3])
        XCTAssertEqual(g.tensorNames, ["weight.a", "weight.b"])
        XCTAssertEqual(g.dataOffset, w.marks["data"])
        let a = try g.tensor("weight.a"), b = try g.tensor("weight.b")
        XCTAssertEqual(a.type, .f32); XCTAssertEqual(a.shape, [32, 2]); XCTAssertEqual(a.rows, 2)
        XCTAssertEqual((0..<64).map { a.data.load(fromByteOffset: 4 * $0, as: Float.self) }, Self.floatsA)
        XCTAssertEqual(b.type, .q8_0); XCTAssertEqual(b.byteCount, 68)
        XCTAssertEqual(b.data.load(fromByteOffset: 34 + 2, as: Int8.self), -15)
        XCTAssertEqual(g.fileSize, w.bytes.count)
        // The header does not end on the alignment, so the truncation points include real padding.
        XCTAssertGreaterThan(w.marks["data"]!, w.marks["padding"]!)
    }

    // MARK: truncation

    /// The file cut at named points inside every part of it.
    func testTruncationAtNamedPoints() throws {
        let w = Self.makeFile()
        let m = w.marks
        // Before byte 78 the reader already rejects the counts (six keys need at least 78 bytes),
        // so a cut there is reported against the header.
        func p(_ mark: String, _ plus: Int, _ places: String...) -> (String, Int, [String]) {
            let at = m[mark]! + plus
            return ("\(mark)+\(plus)", at, at < 78 ? ["header"] + places : places)
        }
        let points: [(String, Int, [String])] = [
            p("magic", 1, "header"), p("magic", 3, "header"),
            p("version", 2, "header"),
            p("tensorCount", 4, "header"),
            p("kvCount", 7, "header"),
            p("arch.key.len", 3, "metadata entry 0"),
            p("arch.key.bytes", 5, "metadata entry 0"),
            p("arch.type", 1, "key general.architecture"),
            p("arch.str.len", 4, "key general.architecture"),
            p("arch.str.bytes", 2, "key general.architecture"),
            p("align.value", 2, "key general.alignment"),
            p("f32.value", 3, "key test.f32"),
            p("strs.elemType", 2, "key test.strings"),
            p("strs.count", 4, "key test.strings"),
            p("strs.elems", 3, "key test.strings"),
            p("strs.last", 9, "key test.strings"),
            p("ints.elems", 6, "key test.ints"),
            p("t0.name.len", 4, "tensor info 0"),
            p("t0.name.bytes", 3, "tensor info 0"),
            p("t0.ndims", 2, "tensor weight.a"),
            p("t0.dims", 9, "tensor weight.a"),
            p("t0.type", 1, "tensor weight.a"),
            p("t0.offset", 5, "tensor weight.a"),
            p("t1.name.bytes", 4, "tensor info 1"),
            p("t1.dims", 1, "tensor weight.b"),
            p("t1.offset", 7, "tensor weight.b"),
            p("padding", 0, "tensor weight.a"),
            p("padding", 1, "tensor weight.a"),
            p("data", 0, "tensor weight.a"),
            p("data", 100, "tensor weight.a"),
            p("data", 256, "tensor weight.b"),
            p("data", 256 + 40, "tensor weight.b"),
            p("end", -1, "tensor weight.b"),
        ]
        XCTAssertGreaterThanOrEqual(points.count, 20)
        for (label, cut, places) in points {
            XCTAssertLessThan(cut, w.bytes.count, label)
            let path = try write(Array(w.bytes[..<cut]), "cut-\(cut).gguf")
            expectError(path, places: places, "cut at \(label) (byte \(cut))")
        }
    }

    /// Every prefix of the file, byte by byte: always a GGUFError, never a crash or an over-read.
    func testEveryPrefixFails() throws {
        let w = Self.makeFile()
        let path = dir.appendingPathComponent("prefix.gguf").path
        for cut in 1..<w.bytes.count {
            try Data(w.bytes[..<cut]).write(to: URL(fileURLWithPath: path))
            do {
                _ = try GGUFFile(path: path)
                XCTFail("prefix of \(cut) bytes opened")
            } catch let e as GGUFError {
                XCTAssertFalse(e.description.contains { $0.isNewline }, "prefix \(cut): \(e)")
                XCTAssertTrue(e.description.hasPrefix(path), "prefix \(cut): \(e)")
            }
        }
    }

    /// Prefixes of a real model file (SmolLM2: a 49k-token vocabulary, merges, 272 tensors), cut
    /// inside its metadata arrays, its tensor table, its padding and its data.
    func testTruncatedRealModel() throws {
        let path = try TestModels.path(TestModels.smolLM2)
        let full = try GGUFFile(path: path)
        let keep = full.dataOffset + 4096
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let head = [UInt8](try XCTUnwrap(handle.read(upToCount: keep)))
        XCTAssertEqual(head.count, keep)
        let cuts = (1...12).map { keep * $0 / 13 } + [full.dataOffset - 1, full.dataOffset, keep - 1]
        for cut in cuts {
            expectError(try write(Array(head[..<cut]), "smol-\(cut).gguf"),
                        places: ["header"] + full.metadataKeys.map { "key \($0)" } + full.tensorNames.map { "tensor \($0)" }
                            + (0..<full.metadataKeys.count).map { "metadata entry \($0)" } + (0..<full.tensorNames.count).map { "tensor info \($0)" },
                        "SmolLM2 cut at byte \(cut) of \(full.fileSize)")
        }
    }

    // MARK: lying header fields

    func testBadMagicAndVersions() throws {
        let w = Self.makeFile()
        var b = w.bytes; b[3] = UInt8(ascii: "X")
        expectError(try write(b), places: ["header"], contains: "magic", "magic GGUX")
        expectError(try write(Array("ggml is not gguf".utf8)), places: ["header"], contains: "magic", "other magic")
        for v: UInt32 in [0, 1, 4, 99, .max] {
            expectError(try write(patched(w, "version", u32: v)), places: ["header"], contains: "version \(v)", "version \(v)")
        }
        XCTAssertNoThrow(try GGUFFile(path: try write(Self.makeFile(version: 2).bytes)), "version 2 is readable")
    }

    func testHugeCounts() throws {
        let w = Self.makeFile()
        for v: UInt64 in [1 << 63, .max, 1_000_000] {
            expectError(try write(patched(w, "tensorCount", u64: v)), places: ["header"], contains: "tensor count", "tensor count \(v)")
            expectError(try write(patched(w, "kvCount", u64: v)), places: ["header"], contains: "metadata count", "kv count \(v)")
        }
    }

    func testLyingStringAndArrayLengths() throws {
        let w = Self.makeFile()
        expectError(try write(patched(w, "arch.key.len", u64: 1 << 63)), places: ["metadata entry 0"], contains: "string length", "key length 2^63")
        expectError(try write(patched(w, "arch.str.len", u64: 1 << 63)), places: ["key general.architecture"], contains: "string length", "string value length 2^63")
        expectError(try write(patched(w, "arch.str.len", u64: 1 << 20)), places: ["key general.architecture"], contains: "truncated", "string value length past the end")
        expectError(try write(patched(w, "strs.elems", u64: .max)), places: ["key test.strings"], contains: "string length", "array element string length")
        expectError(try write(patched(w, "strs.count", u64: 1 << 62)), places: ["key test.strings"], contains: "array length", "array length 2^62")
        expectError(try write(patched(w, "strs.count", u64: .max)), places: ["key test.strings"], contains: "array length", "array length 2^64-1")
        // More int32 elements than the rest of the file holds, though fewer than its bytes: the
        // length check must count element sizes (else a bad length reserves 8x the file in memory).
        let rest = UInt64(w.bytes.count - w.marks["ints.elems"]!)
        expectError(try write(patched(w, "ints.count", u64: rest / 2)), places: ["key test.ints"], contains: "array length", "int32 array longer than the file")
    }

    func testBadValueTypes() throws {
        let w = Self.makeFile()
        expectError(try write(patched(w, "u32.type", u32: 13)), places: ["key test.u32"], contains: "unknown value type", "value type 13")
        expectError(try write(patched(w, "u32.type", u32: .max)), places: ["key test.u32"], contains: "unknown value type", "value type max")
        expectError(try write(patched(w, "strs.elemType", u32: 77)), places: ["key test.strings"], contains: "unknown array element type", "element type 77")
        expectError(try write(patched(w, "align.value", u32: 0)), places: ["key general.alignment"], "alignment 0")
        expectError(try write(patched(w, "align.value", u32: 48)), places: ["key general.alignment"], "alignment 48")
        // Arrays of arrays nested deeper than the reader allows.
        let deep = Self.makeFile(extraKeys: { w in
            w.key("test.deep", type: 9, "deep")
            for _ in 0..<8 { w.u32(9); w.u64(1) }
            w.u32(4); w.u64(1); w.u32(0)
            return 1
        })
        expectError(try write(deep.bytes), places: ["key test.deep"], contains: "nested", "nested arrays")
    }

    /// A key name with a newline (from a corrupt file) must not break the one-line error.
    func testHostileKeyNamesStayOnOneLine() throws {
        let w = Self.makeFile(extraKeys: { w in
            w.key("evil\nkey\r\u{1B}[2J", type: 99, "evil")
            return 1
        })
        let e = expectError(try write(w.bytes), places: ["key evil\nkey\r\u{1B}[2J"], contains: "unknown value type", "hostile key")
        XCTAssertFalse(e?.description.contains("\u{1B}") ?? true, "escape character reaches the terminal")
    }

    // MARK: impossible tensors

    func testBadTensorInfos() throws {
        let w = Self.makeFile()
        for nd: UInt32 in [0, 5, .max] {
            expectError(try write(patched(w, "t0.ndims", u32: nd)), places: ["tensor weight.a"], contains: "dimensions", "\(nd) dims")
        }
        expectError(try write(patched(w, "t0.dims", u64: 0)), places: ["tensor weight.a"], contains: "dimension 0", "zero dimension")
        expectError(try write(patched(w, "t0.dims", plus: 8, u64: 1 << 62)), places: ["tensor weight.a"], contains: "absurd", "dimension 2^62")
        for t: UInt32 in [4, 5, 31, 1000, .max] {
            expectError(try write(patched(w, "t0.type", u32: t)), places: ["tensor weight.a"], contains: "unknown tensor type \(t)", "type \(t)")
        }
        expectError(try write(patched(w, "t1.offset", u64: 257)), places: ["tensor weight.b"], contains: "not aligned", "misaligned offset")
        expectError(try write(patched(w, "t1.offset", u64: 1 << 40)), places: ["tensor weight.b"], contains: "past the end", "offset 2^40")
        expectError(try write(patched(w, "t1.offset", u64: .max)), places: ["tensor weight.b"], contains: "past the end", "offset 2^64-1")
        expectError(try write(patched(w, "t1.offset", u64: 288)), places: ["tensor weight.b"], contains: "past the end", "data overrunning the end")
        expectError(try write(patched(w, "t1.dims", u64: 48)), places: ["tensor weight.b"], contains: "block size", "Q8_0 row of 48")
    }

    func testImpossibleShapes() throws {
        func file(_ dims: [UInt64], type: UInt32 = 0) -> [UInt8] {
            Self.makeFile(tensors: [TensorSpec(name: "weight.a", dims: dims, type: type, offset: 0)]).bytes
        }
        expectError(try write(file([32, 1 << 40, 1 << 40])), places: ["tensor weight.a"], contains: "absurd", "rows overflow")
        expectError(try write(file([1 << 40, 1 << 40, 1 << 40, 1 << 40])), places: ["tensor weight.a"], contains: "absurd", "4 huge dims")
        expectError(try write(file([1 << 40, 1 << 30])), places: ["tensor weight.a"], "bytes overflow")
        expectError(try write(file([32, 1 << 39])), places: ["tensor weight.a"], contains: "past the end", "2^44 elements in a tiny file")
        let dup = Self.makeFile(tensors: [TensorSpec(name: "weight.a", dims: [32], type: 0, offset: 0),
                                          TensorSpec(name: "weight.a", dims: [32], type: 0, offset: 128)])
        expectError(try write(dup.bytes), places: ["tensor weight.a"], contains: "twice", "duplicate tensor")
    }

    // MARK: not GGUF files at all

    func testEmptyDirectoryAndMissingFiles() throws {
        expectError(try write([], "empty.gguf"), places: ["file"], contains: "empty", "empty file")
        expectError(dir.path, places: ["file"], contains: "directory", "a directory")
        expectError(dir.appendingPathComponent("missing.gguf").path, places: ["file"], contains: "No such file", "a missing file")
        expectError(try write([0x47], "one-byte.gguf"), places: ["header"], "one byte")
    }

    /// Random byte flips in the header and table: any outcome but a crash or a foreign error.
    func testRandomCorruptionNeverCrashes() throws {
        let w = Self.makeFile()
        let headerEnd = w.marks["data"]!
        var state: UInt64 = 0x1234_5678
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var errors = 0
        let path = dir.appendingPathComponent("fuzz.gguf").path
        for _ in 0..<400 {
            var b = w.bytes
            for _ in 0..<(1 + next() % 4) {
                let at = next() % headerEnd
                b[at] = next() % 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: next())
            }
            try Data(b).write(to: URL(fileURLWithPath: path))
            do {
                let g = try GGUFFile(path: path)
                // A file that still parses must describe tensors that fit in it.
                for t in g.tensors.values {
                    XCTAssertEqual(t.byteCount, t.type.rowBytes(t.shape[0]) * t.rows)
                    XCTAssertLessThanOrEqual(g.dataOffset + t.byteCount, g.fileSize)
                }
            } catch let e as GGUFError {
                errors += 1
                XCTAssertFalse(e.description.contains { $0.isNewline }, "\(e)")
            }
        }
        XCTAssertGreaterThan(errors, 100)
    }
}
