import Foundation

/// A small streaming XML reader for the LOD export: it reports elements, attributes and text to
/// a handler and rejects what is not well-formed, naming the line. It is fed a buffer at a time
/// and hands back a token cut by the buffer's end, so a file of any size passes through a
/// buffer of bounded size. Foundation's XMLParser reads the whole LOD several times slower.
///
/// Checked: tag and attribute syntax, matching end tags, one root element, quoted attribute
/// values without '<', no repeated attribute, entity references (the five predefined ones and
/// character references: no DTD is read), UTF-8, no control characters, no text outside the
/// root, the XML declaration first and declaring UTF-8. Comments, processing instructions,
/// CDATA sections and a DOCTYPE are accepted (a DOCTYPE is skipped, not read).
struct XMLScanner<Handler: XMLEventHandler> {
    private(set) var file: String
    /// The line the next token starts on.
    private(set) var line = 1
    private var names = XMLNameTable()
    private var open: [(id: Int32, line: Int)] = []
    private var started = false
    private var sawRoot = false
    /// Whether the last byte read was a line break: the end of the file is then on the line before.
    private var endsWithNewline = false
    private var attributes: [XMLAttributeSpan] = []
    /// The handler's tag for each interned name.
    private var tags: [Handler.Tag] = []

    init(file: String) {
        self.file = file
    }

    /// Starts over on another document, keeping the names already interned.
    mutating func restart(file: String) {
        self.file = file
        line = 1
        open.removeAll(keepingCapacity: true)
        started = false
        sawRoot = false
        endsWithNewline = false
    }

    private mutating func tagOf(_ id: Int32, handler: Handler) -> Handler.Tag {
        while tags.count <= Int(id) { tags.append(handler.tag(for: names.local[tags.count])) }
        return tags[Int(id)]
    }

    /// Reads the complete tokens at the start of `buffer` and returns how many bytes they took.
    /// The rest, a token cut by the end of the buffer, must be offered again with the bytes
    /// that follow it. When `final`, the buffer ends the document and every byte must be used.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, final: Bool,
                                           handler: inout Handler) throws -> Int {
        guard let p = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        let n = buffer.count
        var i = 0
        if !started {
            if n < 3, !final { return 0 }
            if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 } // byte order mark
        }
        while i < n {
            var newlines = 0
            let next = p[i] == lt
                ? try tag(p, n, i, final: final, newlines: &newlines, handler: &handler)
                : try characters(p, n, i, final: final, newlines: &newlines, handler: &handler)
            if next < 0 { return i }
            line += newlines
            started = true
            i = next
        }
        if i > 0 { endsWithNewline = p[i - 1] == newline }
        return i
    }

    /// Checks that the document ended where it may: after its root element closed.
    mutating func finish() throws {
        let lastLine = endsWithNewline ? max(1, line - 1) : line
        if let top = open.last {
            throw error("the file ends inside <\(names.qualifiedName(top.id))> opened at line \(top.line)", at: lastLine)
        }
        if !sawRoot { throw error("no root element", at: lastLine) }
    }

    // MARK: - Tokens

    private mutating func characters(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, final: Bool,
                                                         newlines: inout Int, handler: inout Handler) throws -> Int {
        let end: Int
        if let found = memchr(p + i, Int32(lt), n - i) {
            end = offset(found, p)
        } else if final {
            end = n
        } else {
            return -1
        }
        var blank = true, entities = false, high = false
        var contentLine = line // where the first character that is not a space is
        var k = i
        while k < end {
            let c = p[k]
            if blank, c != newline, c != space, c != tab, c != cr { contentLine = line + newlines }
            if c >= 0x80 {
                high = true
                blank = false
            } else if c == newline {
                newlines += 1
            } else if c == amp {
                k = try entity(p, k, end, newlines: newlines)
                entities = true
                blank = false
            } else if c == space || c == tab || c == cr {
            } else if c < 0x20 {
                throw error("control character \(c) in text", at: line + newlines)
            } else {
                blank = false
            }
            k += 1
        }
        if high, !Self.isValidUTF8(p, i, end) { throw error("text is not valid UTF-8", at: line + newlines) }
        if blank { return end }
        if open.isEmpty { throw error("text outside the root element", at: contentLine) }
        try handler.text(XMLText(base: p, start: i, end: end, hasEntities: entities))
        return end
    }

    /// Checks the entity reference starting at `p[k]` ('&') and returns the index of its ';'.
    private func entity(_ p: UnsafePointer<UInt8>, _ k: Int, _ end: Int, newlines: Int) throws -> Int {
        var j = k + 1
        while j < end, j - k <= 12, p[j] != semicolon { j += 1 }
        guard j < end, p[j] == semicolon,
              XMLEntities.scalar(for: UnsafeBufferPointer(start: p + k + 1, count: j - k - 1)) != nil else {
            let shown = String(decoding: UnsafeBufferPointer(start: p + k, count: min(j + 1, end) - k), as: UTF8.self)
            throw error("bad entity reference '\(shown)' (a bare '&' must be written &amp;)", at: line + newlines)
        }
        return j
    }

    private mutating func tag(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, final: Bool,
                                                  newlines: inout Int, handler: inout Handler) throws -> Int {
        guard i + 1 < n else { return try cut(final, "in a tag") }
        switch p[i + 1] {
        case slash: return try endTag(p, n, i, final: final, newlines: &newlines, handler: &handler)
        case question: return try processingInstruction(p, n, i, final: final, newlines: &newlines)
        case bang: return try declaration(p, n, i, final: final, newlines: &newlines, handler: &handler)
        default: return try startTag(p, n, i, final: final, newlines: &newlines, handler: &handler)
        }
    }

    private mutating func startTag(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, final: Bool,
                                                       newlines: inout Int, handler: inout Handler) throws -> Int {
        var j = i + 1
        guard isNameStart(p[j]) else { throw error("'<' is not followed by a tag name (write &lt; for a literal '<')") }
        while j < n, isNameChar(p[j]) { j += 1 }
        guard j < n else { return try cut(final, "in a tag") }
        let nameStart = i + 1, nameEnd = j
        func tagName() -> String { String(decoding: UnsafeBufferPointer(start: p + nameStart, count: nameEnd - nameStart), as: UTF8.self) }
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        while true {
            var spaced = false
            while j < n, isSpace(p[j]) {
                if p[j] == newline { newlines += 1 }
                spaced = true
                j += 1
            }
            guard j < n else { return try cut(final, "in the tag <\(tagName())>") }
            let c = p[j]
            if c == gt {
                j += 1
                break
            }
            if c == slash {
                guard j + 1 < n else { return try cut(final, "in the tag <\(tagName())>") }
                guard p[j + 1] == gt else { throw error("expected '>' after '/' in <\(tagName())>", at: line + newlines) }
                selfClosing = true
                j += 2
                break
            }
            guard isNameStart(c) else {
                throw error("unexpected \(Self.show(c)) in the tag <\(tagName())>", at: line + newlines)
            }
            guard spaced else {
                throw error("attributes of <\(tagName())> must be separated by spaces", at: line + newlines)
            }
            let attributeStart = j
            while j < n, isNameChar(p[j]) { j += 1 }
            let attributeEnd = j
            func attributeName() -> String {
                String(decoding: UnsafeBufferPointer(start: p + attributeStart, count: attributeEnd - attributeStart), as: UTF8.self)
            }
            while j < n, isSpace(p[j]) {
                if p[j] == newline { newlines += 1 }
                j += 1
            }
            guard j < n else { return try cut(final, "in the tag <\(tagName())>") }
            guard p[j] == equals else {
                throw error("attribute \(attributeName()) of <\(tagName())> has no value", at: line + newlines)
            }
            j += 1
            while j < n, isSpace(p[j]) {
                if p[j] == newline { newlines += 1 }
                j += 1
            }
            guard j < n else { return try cut(final, "in the tag <\(tagName())>") }
            let quote = p[j]
            guard quote == dquote || quote == squote else {
                throw error("the value of attribute \(attributeName()) of <\(tagName())> is not quoted", at: line + newlines)
            }
            j += 1
            let valueStart = j
            var entities = false, high = false
            while j < n, p[j] != quote {
                let v = p[j]
                if v == newline {
                    newlines += 1
                } else if v == lt {
                    throw error("'<' in the value of attribute \(attributeName()) of <\(tagName())>", at: line + newlines)
                } else if v == amp {
                    let semi = memchr(p + j, Int32(semicolon), n - j).map { offset($0, p) }
                    if semi == nil, !final { return -1 }
                    j = try entity(p, j, (semi ?? n - 1) + 1, newlines: newlines)
                    entities = true
                } else if v >= 0x80 {
                    high = true
                } else if v < 0x20, v != tab, v != cr {
                    throw error("control character \(v) in the value of attribute \(attributeName())", at: line + newlines)
                }
                j += 1
            }
            guard j < n else { return try cut(final, "in the value of attribute \(attributeName()) of <\(tagName())>") }
            if high, !Self.isValidUTF8(p, valueStart, j) {
                throw error("the value of attribute \(attributeName()) is not valid UTF-8", at: line + newlines)
            }
            for other in attributes where other.nameEnd - other.nameStart == attributeEnd - attributeStart
                && memcmp(p + other.nameStart, p + attributeStart, attributeEnd - attributeStart) == 0 {
                throw error("attribute \(attributeName()) repeated in <\(tagName())>", at: line + newlines)
            }
            attributes.append(XMLAttributeSpan(nameStart: attributeStart, nameEnd: attributeEnd,
                                               valueStart: valueStart, valueEnd: j, hasEntities: entities))
            j += 1
        }
        if sawRoot, open.isEmpty { throw error("a second root element <\(tagName())> after the first one closed") }
        let id = names.intern(p, nameStart, nameEnd)
        sawRoot = true
        open.append((id, line))
        let tag = tagOf(id, handler: handler)
        try handler.startElement(tag, name: names.local[Int(id)], attributes: XMLAttributes(base: p, spans: attributes[...]),
                                 line: line)
        if selfClosing {
            open.removeLast()
            try handler.endElement(tag)
        }
        return j
    }

    private mutating func endTag(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, final: Bool,
                                                     newlines: inout Int, handler: inout Handler) throws -> Int {
        var j = i + 2
        guard j < n else { return try cut(final, "in an end tag") }
        guard isNameStart(p[j]) else { throw error("'</' is not followed by a tag name") }
        while j < n, isNameChar(p[j]) { j += 1 }
        let nameEnd = j
        while j < n, isSpace(p[j]) {
            if p[j] == newline { newlines += 1 }
            j += 1
        }
        guard j < n else { return try cut(final, "in an end tag") }
        let name = String(decoding: UnsafeBufferPointer(start: p + i + 2, count: nameEnd - i - 2), as: UTF8.self)
        guard p[j] == gt else { throw error("unexpected \(Self.show(p[j])) in the end tag </\(name)>", at: line + newlines) }
        let id = names.intern(p, i + 2, nameEnd)
        guard let top = open.last else { throw error("the end tag </\(name)> closes no element") }
        guard top.id == id else {
            throw error("the end tag </\(name)> does not match <\(names.qualifiedName(top.id))> opened at line \(top.line)")
        }
        open.removeLast()
        try handler.endElement(tagOf(id, handler: handler))
        return j + 1
    }

    private mutating func processingInstruction(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, final: Bool,
                                                newlines: inout Int) throws -> Int {
        guard let close = Self.find(p, n, from: i + 2, "?>") else { return try cut(final, "in a processing instruction") }
        var j = i + 2
        while j < close, isNameChar(p[j]) { j += 1 }
        let target = String(decoding: UnsafeBufferPointer(start: p + i + 2, count: j - i - 2), as: UTF8.self)
        guard !target.isEmpty else { throw error("a processing instruction without a name") }
        if target.lowercased() == "xml" {
            guard !started else { throw error("the XML declaration must be at the very start of the file") }
            let body = String(decoding: UnsafeBufferPointer(start: p + j, count: close - j), as: UTF8.self)
            if let encoding = Self.pseudoAttribute("encoding", in: body),
               !["utf-8", "utf8"].contains(encoding.lowercased()) {
                throw error("the file declares encoding \(encoding); only UTF-8 is read")
            }
        }
        newlines += Self.countNewlines(p, i, close)
        return close + 2
    }

    /// `<!--`, `<![CDATA[` or `<!DOCTYPE`.
    private mutating func declaration(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, final: Bool,
                                                          newlines: inout Int, handler: inout Handler) throws -> Int {
        let kinds = ["<!--", "<![CDATA[", "<!DOCTYPE"]
        guard let kind = kinds.firstIndex(where: { Self.startsWith(p, n, i, $0) != false }) else {
            throw error("unexpected '<!' (not a comment, CDATA section or DOCTYPE)")
        }
        guard Self.startsWith(p, n, i, kinds[kind]) == true else { return try cut(final, "in a '<!' declaration") }
        switch kind {
        case 0:
            guard let close = Self.find(p, n, from: i + 4, "-->") else { return try cut(final, "in a comment") }
            newlines += Self.countNewlines(p, i, close)
            return close + 3
        case 1:
            guard let close = Self.find(p, n, from: i + 9, "]]>") else { return try cut(final, "in a CDATA section") }
            guard !open.isEmpty else { throw error("a CDATA section outside the root element") }
            guard Self.isValidUTF8(p, i + 9, close) else { throw error("a CDATA section is not valid UTF-8") }
            if close > i + 9 { try handler.text(XMLText(base: p, start: i + 9, end: close, hasEntities: false)) }
            newlines += Self.countNewlines(p, i, close)
            return close + 3
        default:
            guard !sawRoot else { throw error("a DOCTYPE after the root element started") }
            var j = i + 9, depth = 0
            var quote: UInt8 = 0
            while j < n {
                let c = p[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == dquote || c == squote {
                    quote = c
                } else if c == UInt8(ascii: "[") {
                    depth += 1
                } else if c == UInt8(ascii: "]") {
                    depth -= 1
                } else if c == gt, depth <= 0 {
                    break
                }
                j += 1
            }
            guard j < n else { return try cut(final, "in the DOCTYPE") }
            newlines += Self.countNewlines(p, i, j)
            return j + 1
        }
    }

    // MARK: - Helpers

    /// A token cut by the end of the buffer: ask for more bytes, or fail at the end of the file.
    private func cut(_ final: Bool, _ place: String) throws -> Int {
        if final { throw error("the file ends \(place)") }
        return -1
    }

    private func error(_ message: String, at line: Int? = nil) -> XMLSyntaxError {
        XMLSyntaxError(file: file, line: line ?? self.line, message: message)
    }

    private static func show(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : String(format: "byte 0x%02X", c)
    }

    /// Whether `p[i...]` starts with `prefix`: nil when the buffer ends before it can tell.
    private static func startsWith(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, _ prefix: String) -> Bool? {
        for (k, byte) in prefix.utf8.enumerated() {
            if i + k >= n { return nil }
            if p[i + k] != byte { return false }
        }
        return true
    }

    /// The index of the first `needle` at or after `from`, or nil.
    private static func find(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, _ needle: StaticString) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start.pointee
        var j = from
        while j + count <= n {
            guard let hit = memchr(p + j, Int32(first), n - j) else { return nil }
            let k = offset(hit, p)
            if k + count > n { return nil }
            if memcmp(p + k, needle.utf8Start, count) == 0 { return k }
            j = k + 1
        }
        return nil
    }

    private static func countNewlines(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        var j = start
        while j < end, let hit = memchr(p + j, Int32(newline), end - j) {
            count += 1
            j = offset(hit, p) + 1
        }
        return count
    }

    /// The value of `name="..."` in the XML declaration's text.
    private static func pseudoAttribute(_ name: String, in body: String) -> String? {
        guard let range = body.range(of: name) else { return nil }
        let rest = body[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Strict UTF-8: no overlong forms, surrogates or values past U+10FFFF.
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let c = p[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let need: Int, least: UInt32
            var scalar: UInt32
            if c & 0xE0 == 0xC0 {
                need = 1; least = 0x80; scalar = UInt32(c & 0x1F)
            } else if c & 0xF0 == 0xE0 {
                need = 2; least = 0x800; scalar = UInt32(c & 0x0F)
            } else if c & 0xF8 == 0xF0 {
                need = 3; least = 0x10000; scalar = UInt32(c & 0x07)
            } else {
                return false
            }
            guard i + need < end else { return false }
            for k in 1 ... need {
                let b = p[i + k]
                guard b & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            guard scalar >= least, scalar <= 0x10FFFF, !(0xD800 ... 0xDFFF).contains(scalar) else { return false }
            i += need + 1
        }
        return true
    }
}

// Bytes the scanner looks for.
private let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), amp = UInt8(ascii: "&")
private let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), equals = UInt8(ascii: "=")
private let semicolon = UInt8(ascii: ";"), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")
private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

/// Where a memchr hit lies from the start of the buffer.
@inline(__always) private func offset(_ hit: UnsafeMutableRawPointer, _ base: UnsafePointer<UInt8>) -> Int {
    UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
}

@inline(__always) private func isSpace(_ c: UInt8) -> Bool {
    c == space || c == newline || c == tab || c == cr
}

/// ASCII letters, '_', ':' and any byte of a multi-byte UTF-8 character.
@inline(__always) private func isNameStart(_ c: UInt8) -> Bool {
    let lower = c | 0x20
    return (lower >= 0x61 && lower <= 0x7A) || c == 0x5F || c == 0x3A || c >= 0x80
}

@inline(__always) private func isNameChar(_ c: UInt8) -> Bool {
    isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E
}
