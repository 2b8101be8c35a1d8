import Foundation

/// Small text helpers the pack formats share.
enum TextLists {
    /// "cat / tomcat" -> ["cat", "tomcat"]. Only a slash with white space (or the text's end)
    /// on both sides separates, so "and/or" stays whole. Parts are trimmed; an empty part
    /// ("cat / / dog") stays in so callers can complain.
    static func splitAlternatives(_ text: String) -> [String] {
        let chars = Array(text)
        var parts: [String] = []
        var part = ""
        for (i, c) in chars.enumerated() {
            let spaceBefore = i == 0 || chars[i - 1].isWhitespace
            let spaceAfter = i == chars.count - 1 || chars[i + 1].isWhitespace
            if c == "/", spaceBefore, spaceAfter {
                parts.append(part)
                part = ""
            } else {
                part.append(c)
            }
        }
        parts.append(part)
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Whether `splitAlternatives` would split `text`.
    static func hasSeparator(_ text: String) -> Bool {
        splitAlternatives(text).count > 1
    }

    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo,
    /// else one that `word` starts with or that starts with `word` ("vocabulary" -> "vocab").
    static func nearest(to word: String, in candidates: [String], allowPrefix: Bool = true) -> String? {
        let lower = word.lowercased()
        if let near = closest(lower, in: candidates) { return near }
        guard allowPrefix else { return nil }
        return candidates.first { $0.count >= 3 && lower.count >= 3 && (lower.hasPrefix($0.lowercased()) || $0.lowercased().hasPrefix(lower)) }
    }

    private static func closest(_ lower: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(lower, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(3, lower.count / 3)) ? best.0 : nil
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0 ... b.count)
        var current = previous
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// What an id may look like: it names cards, drill results and exported files, so it is kept
/// to ASCII letters, digits, "-", "_" and ".", starting with a letter or digit.
public enum PackIDs {
    public static let maxLength = 80

    /// Why `id` is not a valid id, or nil when it is.
    public static func problem(with id: String) -> String? {
        if id.count > maxLength { return "is longer than \(maxLength) characters" }
        guard let first = id.unicodeScalars.first, isAlphanumeric(first) else {
            return "must start with a letter or digit (a-z, 0-9)"
        }
        if let bad = id.unicodeScalars.first(where: { !isAlphanumeric($0) && !"-_.".unicodeScalars.contains($0) }) {
            return "has \"\(bad)\"; use only a-z, 0-9, \"-\", \"_\" and \".\""
        }
        return nil
    }

    /// An id made from a word ("Schwëster" -> "schwester", "Wéi geet et?" -> "wei-geet-et"),
    /// for vocabulary lists without an id column. Nil if nothing is left.
    public static func derived(from text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var id = ""
        for scalar in folded.unicodeScalars {
            if isAlphanumeric(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        let limited = String(id.prefix(maxLength))
        return limited.isEmpty ? nil : limited
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a" ... "z").contains(s) || ("A" ... "Z").contains(s) || ("0" ... "9").contains(s)
    }
}
