import Foundation

/// What `XMLScanner` reports while it reads a document. Names are local names (the part after
/// the namespace prefix: "ITEM" for `<lod:ITEM>`); namespace URIs are not looked at.
///
/// The handler sorts element names into its own `Tag` once per distinct name, so that the
/// millions of events that follow need no string comparison.
protocol XMLEventHandler {
    associatedtype Tag
    func tag(for localName: String) -> Tag
    mutating func startElement(_ tag: Tag, name: String, attributes: XMLAttributes, line: Int) throws
    mutating func endElement(_ tag: Tag) throws
    /// Character data inside an element; runs of whitespace only are not reported.
    mutating func text(_ text: XMLText) throws
}

/// One attribute's place in the scanner's buffer.
struct XMLAttributeSpan {
    var nameStart: Int, nameEnd: Int
    var valueStart: Int, valueEnd: Int
    var hasEntities: Bool
}

/// The attributes of the start tag being reported. It points into the scanner's buffer, so it
/// is valid only during the `startElement` call.
struct XMLAttributes {
    let base: UnsafePointer<UInt8>
    let spans: ArraySlice<XMLAttributeSpan>

    /// The value of the attribute whose local name is `localName` (`"ID"` finds `lod:ID`).
    func value(_ localName: String) -> String? {
        var wanted = localName
        return wanted.withUTF8 { key -> String? in
            for span in spans {
                var start = span.nameStart
                for k in span.nameStart ..< span.nameEnd where base[k] == UInt8(ascii: ":") { start = k + 1 }
                guard span.nameEnd - start == key.count,
                      memcmp(base + start, key.baseAddress!, key.count) == 0 else { continue }
                return XMLText.decode(base, span.valueStart, span.valueEnd, entities: span.hasEntities)
            }
            return nil
        }
    }
}

/// A run of character data (entity references still encoded) in the scanner's buffer; valid
/// only during the `text` call.
struct XMLText {
    let base: UnsafePointer<UInt8>
    let start: Int, end: Int
    let hasEntities: Bool

    var string: String { XMLText.decode(base, start, end, entities: hasEntities) }

    /// Decodes UTF-8 (already validated by the scanner) and the five predefined entities and
    /// character references (already checked to be well-formed).
    static func decode(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, entities: Bool) -> String {
        let raw = UnsafeBufferPointer(start: base + start, count: end - start)
        guard entities else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let c = raw[i]
            guard c == UInt8(ascii: "&"), let semicolon = raw[i...].firstIndex(of: UInt8(ascii: ";")) else {
                out.append(c)
                i += 1
                continue
            }
            let name = raw[(i + 1) ..< semicolon]
            if let scalar = XMLEntities.scalar(for: name) {
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The entity references XML defines without a DTD.
enum XMLEntities {
    /// The character `&name;` stands for, or nil when `name` is not a predefined entity or a
    /// valid character reference.
    static func scalar(for name: some Collection<UInt8>) -> Unicode.Scalar? {
        let bytes = Array(name)
        switch bytes {
        case Array("amp".utf8): return "&"
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "#") else { return nil }
        let hex = bytes[1] == UInt8(ascii: "x")
        let digits = bytes.dropFirst(hex ? 2 : 1)
        guard !digits.isEmpty, digits.count <= 8,
              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
              let scalar = Unicode.Scalar(value),
              value == 0x9 || value == 0xA || value == 0xD || value >= 0x20
        else { return nil }
        return scalar
    }
}
