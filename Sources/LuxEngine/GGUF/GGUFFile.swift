/// A parsed, validated GGUF file (versions 2 and 3): metadata, and tensors as zero-copy views
/// into the memory map. Layout (little-endian):
///   "GGUF" u32 version, u64 tensor count, u64 metadata count,
///   metadata: (string key, u32 type, value)*,
///   tensor infos: (string name, u32 n_dims, u64 dims[n_dims], u32 type, u64 offset)*,
///   padding to `general.alignment` (default 32), then tensor data.
public final class GGUFFile: @unchecked Sendable {
    public let path: String
    public let version: UInt32
    public let metadata: [String: GGUFValue]
    /// Metadata keys in file order (for dumps).
    public let metadataKeys: [String]
    public let tensors: [String: GGUFTensor]
    /// Tensor names in file order.
    public let tensorNames: [String]
    public let alignment: Int
    public let dataOffset: Int
    let mapping: MappedFile

    public var fileSize: Int { mapping.count }

    public convenience init(path: String) throws {
        try self.init(mapping: MappedFile(path: path))
    }

    init(mapping file: MappedFile) throws {
        self.mapping = file
        self.path = file.path
        var c = GGUFCursor(file: file)
        let fail = { (place: String, msg: String) in GGUFError(path: file.path, place: place, message: msg) }

        let magic = try c.read(UInt32.self, "header")
        guard magic == 0x4655_4747 else { throw fail("header", "not a GGUF file (bad magic)") }
        version = try c.read(UInt32.self, "header")
        guard version == 2 || version == 3 else {
            throw fail("header", "GGUF version \(version) is not supported (2 and 3 are)")
        }
        let tensorCount = try c.read(UInt64.self, "header")
        let kvCount = try c.read(UInt64.self, "header")
        // Every entry takes at least 8+4+1 bytes, so a count above size/13 is a lie.
        guard tensorCount <= UInt64(file.count / 13) else { throw fail("header", "tensor count \(tensorCount) is absurd for a file of \(file.count) bytes") }
        guard kvCount <= UInt64(file.count / 13) else { throw fail("header", "metadata count \(kvCount) is absurd for a file of \(file.count) bytes") }

        var meta: [String: GGUFValue] = [:]
        var keys: [String] = []
        for i in 0..<Int(kvCount) {
            let key = try c.readString("metadata entry \(i)", maxLength: 65536)
            let type = try c.read(UInt32.self, "key \(key)")
            meta[key] = try Self.readValue(&c, type: type, place: "key \(key)", depth: 0)
            keys.append(key)
        }
        metadata = meta
        metadataKeys = keys

        alignment = meta["general.alignment"]?.intValue ?? 32
        guard alignment > 0, alignment.nonzeroBitCount == 1, alignment <= 1 << 20 else {
            throw fail("key general.alignment", "alignment \(alignment) is not a power of two")
        }

        struct Info { let name: String; let dims: [Int]; let type: GGMLType; let offset: Int }
        var infos: [Info] = []
        infos.reserveCapacity(Int(tensorCount))
        for i in 0..<Int(tensorCount) {
            let name = try c.readString("tensor info \(i)", maxLength: 65536)
            let place = "tensor \(name)"
            let nd = try c.read(UInt32.self, place)
            guard nd >= 1, nd <= 4 else { throw fail(place, "has \(nd) dimensions (1 to 4 allowed)") }
            var dims: [Int] = []
            for _ in 0..<nd {
                let d = try c.read(UInt64.self, place)
                guard d >= 1, d <= 1 << 40 else { throw fail(place, "dimension \(d) is absurd") }
                dims.append(Int(d))
            }
            let rawType = try c.read(UInt32.self, place)
            guard let type = GGMLType(rawValue: rawType) else { throw fail(place, "unknown tensor type \(rawType)") }
            let off = try c.read(UInt64.self, place)
            guard off <= UInt64(file.count) else { throw fail(place, "data offset \(off) is past the end of the file") }
            infos.append(Info(name: name, dims: dims, type: type, offset: Int(off)))
        }

        dataOffset = (c.offset + alignment - 1) / alignment * alignment
        var table: [String: GGUFTensor] = [:]
        var names: [String] = []
        for info in infos {
            let place = "tensor \(info.name)"
            guard table[info.name] == nil else { throw fail(place, "appears twice") }
            guard info.offset % alignment == 0 else { throw fail(place, "data offset \(info.offset) is not aligned to \(alignment)") }
            let (bs, bb) = info.type.layout
            guard info.dims[0] % bs == 0 else {
                throw fail(place, "row length \(info.dims[0]) is not a multiple of the \(info.type.name) block size \(bs)")
            }
            var rows = 1
            for d in info.dims.dropFirst() {
                let (r, o) = rows.multipliedReportingOverflow(by: d)
                guard !o, r <= 1 << 40 else { throw fail(place, "shape \(info.dims) is absurd") }
                rows = r
            }
            let (bytes, o) = (info.dims[0] / bs * bb).multipliedReportingOverflow(by: rows)
            guard !o else { throw fail(place, "shape \(info.dims) is absurd") }
            let start = dataOffset + info.offset
            guard start <= file.count, bytes <= file.count - start else {
                throw fail(place, "data (\(bytes) bytes at byte \(start)) runs past the end of the file (\(file.count) bytes); the file is truncated")
            }
            table[info.name] = GGUFTensor(name: info.name, type: info.type, shape: info.dims,
                                          data: file.base + start, byteCount: bytes)
            names.append(info.name)
        }
        tensors = table
        tensorNames = names
    }

    static func readValue(_ c: inout GGUFCursor, type: UInt32, place: String, depth: Int) throws -> GGUFValue {
        switch type {
        case 0: return .uint(UInt64(try c.read(UInt8.self, place)))
        case 1: return .int(Int64(try c.read(Int8.self, place)))
        case 2: return .uint(UInt64(try c.read(UInt16.self, place)))
        case 3: return .int(Int64(try c.read(Int16.self, place)))
        case 4: return .uint(UInt64(try c.read(UInt32.self, place)))
        case 5: return .int(Int64(try c.read(Int32.self, place)))
        case 6: return .float(Double(try c.readF32(place)))
        case 7: return .bool(try c.read(UInt8.self, place) != 0)
        case 8: return .string(try c.readString(place))
        case 10: return .uint(try c.read(UInt64.self, place))
        case 11: return .int(try c.read(Int64.self, place))
        case 12: return .float(try c.readF64(place))
        case 9:
            let et = try c.read(UInt32.self, place)
            let n64 = try c.read(UInt64.self, place)
            // Each element takes at least its minimum encoded size: a longer array cannot fit in
            // the file (and must not reserve memory for it).
            guard n64 <= UInt64(c.file.count - c.offset) / minEncodedSize(et) else {
                throw GGUFError(path: c.file.path, place: place, message: "array length \(n64) is absurd (file ends first)")
            }
            let n = Int(n64)
            switch et {
            case 0, 2, 4, 10:
                var a = [UInt64](); a.reserveCapacity(min(n, 1 << 20))
                for _ in 0..<n { a.append(try readValue(&c, type: et, place: place, depth: depth + 1).intValue.map { UInt64($0) } ?? 0) }
                return .uintArray(a)
            case 1, 3, 5, 11:
                var a = [Int64](); a.reserveCapacity(min(n, 1 << 20))
                for _ in 0..<n {
                    if case .int(let v) = try readValue(&c, type: et, place: place, depth: depth + 1) { a.append(v) }
                }
                return .intArray(a)
            case 6, 12:
                var a = [Double](); a.reserveCapacity(min(n, 1 << 20))
                for _ in 0..<n { a.append(try readValue(&c, type: et, place: place, depth: depth + 1).doubleValue ?? 0) }
                return .floatArray(a)
            case 7:
                var a = [Bool](); a.reserveCapacity(min(n, 1 << 20))
                for _ in 0..<n { a.append(try c.read(UInt8.self, place) != 0) }
                return .boolArray(a)
            case 8:
                var a = [String](); a.reserveCapacity(min(n, 1 << 20))
                for _ in 0..<n { a.append(try c.readString(place)) }
                return .stringArray(a)
            case 9:
                guard depth < 4 else { throw GGUFError(path: c.file.path, place: place, message: "arrays nested too deep") }
                for _ in 0..<n { _ = try readValue(&c, type: 9, place: place, depth: depth + 1) }
                return .arrayOfArrays(n)
            default:
                throw GGUFError(path: c.file.path, place: place, message: "unknown array element type \(et)")
            }
        default:
            throw GGUFError(path: c.file.path, place: place, message: "unknown value type \(type)")
        }
    }

    /// Bytes one array element of GGUF value type `t` takes at least (a string is its u64 length,
    /// a nested array its u32 type and u64 count).
    static func minEncodedSize(_ t: UInt32) -> UInt64 {
        switch t {
        case 2, 3: return 2
        case 4, 5, 6: return 4
        case 8, 10, 11, 12: return 8
        case 9: return 12
        default: return 1
        }
    }

    // MARK: typed metadata access with errors naming the key

    public func string(_ key: String) -> String? { metadata[key]?.stringValue }
    public func int(_ key: String) -> Int? { metadata[key]?.intValue }
    public func double(_ key: String) -> Double? { metadata[key]?.doubleValue }

    public func requireInt(_ key: String) throws -> Int {
        guard let v = metadata[key] else { throw GGUFError(path: path, place: "key \(key)", message: "required key is missing") }
        guard let i = v.intValue, i >= 0 else { throw GGUFError(path: path, place: "key \(key)", message: "expected a non-negative integer, found \(v.summary)") }
        return i
    }

    public func tensor(_ name: String) throws -> GGUFTensor {
        guard let t = tensors[name] else { throw GGUFError(path: path, place: "tensor \(name)", message: "required tensor is missing") }
        return t
    }

    /// The file's architecture (`general.architecture`), e.g. "llama".
    public var architecture: String? { string("general.architecture") }

    /// The dominant weight type, from `general.file_type` when present (Q4_K_M etc.),
    /// else the most common tensor type by bytes.
    public var quantizationName: String {
        if let ft = int("general.file_type"), let n = Self.fileTypeNames[ft] { return n }
        var bytes: [GGMLType: Int] = [:]
        for t in tensors.values { bytes[t.type, default: 0] += t.byteCount }
        return bytes.max { $0.value < $1.value }?.key.name ?? "?"
    }

    static let fileTypeNames: [Int: String] = [
        0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1",
        10: "Q2_K", 11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M",
        16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K", 32: "BF16",
    ]
}

/// A zero-copy view of one tensor's bytes. `shape[0]` is the row length (ggml's ne0);
/// the rest multiply into the number of rows.
public struct GGUFTensor: @unchecked Sendable {
    public let name: String
    public let type: GGMLType
    public let shape: [Int]
    public let data: UnsafeRawPointer
    public let byteCount: Int

    public var rowLength: Int { shape[0] }
    public var rows: Int { shape.dropFirst().reduce(1, *) }
    public var rowBytes: Int { type.rowBytes(shape[0]) }
    public func row(_ i: Int) -> UnsafeRawPointer { data + i * rowBytes }
}
