/// Finds special tokens written literally in a text and cuts the text around them, as llama.cpp's
/// tokenizer_st_partition does: the longest token texts go first, and each one splits every
/// stretch of text still unmatched at all of its occurrences. User-defined tokens are always
/// matched; control and unknown tokens only when the caller parses special tokens.
struct SpecialTokenSplitter {
    enum Fragment: Equatable {
        case text(Range<Int>)   // byte range of the input, still to be pre-tokenized
        case token(Int32)
    }

    private struct Candidate {
        let id: Int32
        let text: [UInt8]
        let onlyWhenParsingSpecial: Bool
    }

    private let candidates: [Candidate]

    init(vocabulary: Vocabulary) {
        var list: [Candidate] = []
        for (i, attributes) in vocabulary.attributes.enumerated() where attributes.isSpecial {
            let id = Int32(i)
            list.append(Candidate(id: id, text: Array(vocabulary.texts.text(id)),
                                  onlyWhenParsingSpecial: attributes.isHiddenInText))
        }
        // Longest first; among equal lengths, lower ids first (llama.cpp leaves that order unspecified).
        candidates = list.sorted { $0.text.count != $1.text.count ? $0.text.count > $1.text.count : $0.id < $1.id }
    }

    func split(_ text: UnsafeBufferPointer<UInt8>, parseSpecial: Bool) -> [Fragment] {
        guard !text.isEmpty else { return [] }
        var fragments: [Fragment] = [.text(0..<text.count)]
        // A token can only occur if its first byte does: one pass over the text skips most of them.
        var present = [Bool](repeating: false, count: 256)
        for b in text { present[Int(b)] = true }

        for candidate in candidates {
            if candidate.onlyWhenParsingSpecial && !parseSpecial { continue }
            guard let first = candidate.text.first, present[Int(first)] else { continue }
            var next: [Fragment] = []
            var changed = false
            for fragment in fragments {
                guard case .text(let range) = fragment else { next.append(fragment); continue }
                var lo = range.lowerBound
                while let at = Self.firstIndex(of: candidate.text, in: text, from: lo, to: range.upperBound) {
                    if at > lo { next.append(.text(lo..<at)) }
                    next.append(.token(candidate.id))
                    lo = at + candidate.text.count
                    changed = true
                }
                if lo < range.upperBound { next.append(.text(lo..<range.upperBound)) }
            }
            if changed { fragments = next }
        }
        return fragments
    }

    private static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard n > 0, to - from >= n else { return nil }
        let first = needle[0]
        var i = from
        while i <= to - n {
            if haystack[i] == first {
                var j = 1
                while j < n && haystack[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }
}
