/// A bounds-checked reader over the mapped header. Every read checks the end of the file
/// first, so a truncated or lying file gives an error and never a read past the end.
struct GGUFCursor {
    let file: MappedFile
    var offset: Int = 0

    private func fail(_ place: String, _ message: String) -> GGUFError {
        GGUFError(path: file.path, place: place, message: message)
    }

    mutating func need(_ n: Int, _ place: String) throws {
        guard n >= 0, offset <= file.count, n <= file.count - offset else {
            throw fail(place, "file ends at byte \(file.count) but \(n) more bytes are needed at byte \(offset) (truncated?)")
        }
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ place: String) throws -> T {
        try need(MemoryLayout<T>.size, place)
        let v = file.base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(littleEndian: v)
    }

    mutating func readF32(_ place: String) throws -> Float { Float(bitPattern: try read(UInt32.self, place)) }
    mutating func readF64(_ place: String) throws -> Double { Double(bitPattern: try read(UInt64.self, place)) }

    /// A GGUF string: u64 length then bytes. Invalid UTF-8 is repaired, not fatal: token texts
    /// of byte-level vocabularies are always valid, and a key name is only used for lookups.
    mutating func readString(_ place: String, maxLength: Int = 1 << 24) throws -> String {
        let n = try read(UInt64.self, place)
        guard n <= UInt64(maxLength) else { throw fail(place, "string length \(n) is absurd") }
        try need(Int(n), place)
        let buf = UnsafeRawBufferPointer(start: file.base + offset, count: Int(n))
        offset += Int(n)
        return String(decoding: buf, as: UTF8.self)
    }
}
