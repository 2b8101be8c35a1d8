/// Streams the text of generated tokens: only whole UTF-8 characters leave it, so an "ë" whose
/// two bytes arrive in two tokens is held back until the second one comes. Bytes that cannot
/// become a character (a broken sequence) come out as U+FFFD at once rather than blocking.
/// Control tokens are left out, so everything pushed plus `flush()` equals `Tokenizer.decode`.
public struct StreamingDecoder {
    private let tokenizer: Tokenizer
    private var pending: [UInt8] = []

    public init(tokenizer: Tokenizer) {
        self.tokenizer = tokenizer
    }

    /// The text completed by this token (often "", while a character is still incomplete).
    public mutating func push(_ token: Int32) -> String {
        tokenizer.appendBytes(of: token, to: &pending, showSpecial: false)
        let ready = Self.completeLength(pending)
        guard ready > 0 else { return "" }
        let text = String(decoding: pending[..<ready], as: UTF8.self)
        pending.removeFirst(ready)
        return text
    }

    /// Whatever is held back, with an unfinished character as U+FFFD; empties the decoder.
    public mutating func flush() -> String {
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    /// How many leading bytes can be decoded now: all of them, unless they end in the valid
    /// beginning of a character that needs more bytes.
    static func completeLength(_ bytes: [UInt8]) -> Int {
        let n = bytes.count
        var start = n - 1
        // The last lead byte is at most 3 back; continuation bytes (10xxxxxx) come after it.
        while start >= 0, start >= n - 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, start >= n - 4 else { return n }
        let lead = bytes[start]
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 2
        case 0xE0...0xEF: needed = 3
        case 0xF0...0xF4: needed = 4
        default: return n  // ASCII, or a byte that starts nothing: decodable (as U+FFFD) now
        }
        let have = n - start
        guard have < needed else { return n }
        if have >= 2 {
            // The second byte's range depends on the lead (no overlongs, surrogates or > U+10FFFF).
            let second = bytes[start + 1]
            let range: ClosedRange<UInt8>
            switch lead {
            case 0xE0: range = 0xA0...0xBF
            case 0xED: range = 0x80...0x9F
            case 0xF0: range = 0x90...0xBF
            case 0xF4: range = 0x80...0x8F
            default: range = 0x80...0xBF
            }
            guard range.contains(second) else { return n }
        }
        return start
    }
}
