import Foundation

/// The spelling a dictionary lookup compares: lower case, no diacritics (ë -> e, é -> e, ä -> a),
/// every apostrophe written ', whitespace runs made one space. "GEET", "Géet" and "geet" share
/// a key, so do "d’Haus" and "d'Haus". Results still show the dictionary's own spelling.
public enum DictionaryKey {
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0xA0 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            if value < 0x80 {
                let byte = UInt8(value)
                out.append(byte >= 0x41 && byte <= 0x5A ? Unicode.Scalar(byte + 0x20) : (byte == 0x60 ? "'" : scalar))
            } else if let folded = latin[value] {
                out.append(contentsOf: folded.unicodeScalars)
            } else if apostrophes.contains(value) {
                out.append("'")
            } else if (0x300 ... 0x36F).contains(value) {
                continue // a combining accent on its own
            } else {
                out.append(contentsOf: fold(scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    private static let apostrophes: Set<UInt32> = [0x2018, 0x2019, 0x201B, 0x02BC, 0x00B4, 0x2032, 0xFF07]

    /// Folds Latin-1 and Latin Extended-A once: the lookups and the import normalize millions
    /// of strings, nearly all of them in this range.
    private static let latin: [UInt32: String] = {
        var table: [UInt32: String] = ["ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                                       "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
                                       "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i"]
            .reduce(into: [:]) { $0[$1.key.unicodeScalars.first!.value] = $1.value }
        for value in UInt32(0xC0) ... 0x17F where table[value] == nil {
            if let scalar = Unicode.Scalar(value) { table[value] = fold(scalar) }
        }
        return table
    }()

    /// Lower case without combining marks, through Unicode's canonical decomposition.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        let decomposed = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        return String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { !(0x300 ... 0x36F).contains($0.value) }))
    }
}
