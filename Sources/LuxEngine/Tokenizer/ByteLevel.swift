/// GPT-2's reversible byte <-> character map. Byte-level BPE vocabularies spell every byte as one
/// printable character, so token texts and merge rules never hold raw spaces or control bytes
/// (a space is "Ġ", a newline "Ċ"). The printable bytes '!'...'~', '¡'...'¬' and '®'...'ÿ' stand
/// for themselves; the other 68 bytes take U+0100, U+0101, ... in byte order.
enum ByteLevel {
    /// The character (as a Unicode scalar value) that spells each byte.
    static let scalarOfByte: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var next: UInt32 = 256
        for b in 0..<256 {
            let printable = (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b)
            if printable {
                table[b] = UInt32(b)
            } else {
                table[b] = next
                next += 1
            }
        }
        return table
    }()

    /// The UTF-8 of the character that spells each byte: one or two bytes.
    static let utf8OfByte: [[UInt8]] = scalarOfByte.map { Array(String(Character(Unicode.Scalar($0)!)).utf8) }

    /// The byte a character stands for, indexed by scalar value (all are below U+0144); -1 if none.
    static let byteOfScalar: [Int16] = {
        var table = [Int16](repeating: -1, count: 0x144)
        for (b, s) in scalarOfByte.enumerated() { table[Int(s)] = Int16(b) }
        return table
    }()

    /// The bytes a token text stands for. A character outside the map (which a byte-level vocabulary
    /// never holds in a normal token) is kept as its own UTF-8.
    static func decode<Bytes: Collection>(_ text: Bytes, into out: inout [UInt8]) where Bytes.Element == UInt8 {
        var utf8 = UTF8.ForwardParser()
        var it = text.makeIterator()
        while true {
            switch utf8.parseScalar(from: &it) {
            case .valid(let encoded):
                let scalar = UTF8.decode(encoded).value
                if scalar < 0x144, byteOfScalar[Int(scalar)] >= 0 {
                    out.append(UInt8(byteOfScalar[Int(scalar)]))
                } else {
                    out.append(contentsOf: encoded)
                }
            case .error:
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD, as a String would repair it
            case .emptyInput:
                return
            }
        }
    }
}
