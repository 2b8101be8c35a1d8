/// Reads the score out of a judge's reply, however it chose to write it: "Score: 4",
/// "score = 4.5/5", "4/5", "4 out of 5", "8/10", "**4.5**", "Rating: four", "three and a half".
/// Scores are clamped to 1.0 ... 5.0; nil when the reply holds no score.
public enum JudgeScore {
    public static let range: ClosedRange<Double> = 1.0 ... 5.0

    public static func parse(_ reply: String) -> Double? {
        let text = reply.replacingOccurrences(of: ",", with: ".")
        // 1. A labelled score, the number or the word after "score", "rating" or "grade".
        if let m = text.firstMatch(of: #/(?i)(?:score|rating|grade)\s*(?:is|of|:|=|-)?\s*[*_(\[]*\s*(\d+(?:\.\d+)?)(?:\s*(?:/|out of)\s*(\d+))?/#),
           let value = Double(m.1) {
            return scaled(value, outOf: m.2.flatMap { Double($0) })
        }
        if let m = text.firstMatch(of: #/(?i)(?:score|rating|grade)\s*(?:is|of|:|=|-)?\s*[*_]*\s*([a-z]+(?:(?:\s+and\s+a\s+half)|(?:\s+point\s+five))?)/#),
           let value = wordNumber(String(m.1)) {
            return clamp(value)
        }
        // 2. A fraction of the scale: "4/5", "4.5 / 5", "4 out of 5", "9/10".
        if let m = text.firstMatch(of: #/(?i)(\d+(?:\.\d+)?)\s*(?:/|out of)\s*(5|10|100)(?!\d)/#), let value = Double(m.1) {
            return scaled(value, outOf: Double(m.2))
        }
        // 3. A number in bold: "**4**", "**4.5**".
        if let m = text.firstMatch(of: #/\*\*\s*(\d+(?:\.\d+)?)\s*\*\*/#), let value = Double(m.1) {
            return clamp(value)
        }
        // 4. The reply starts with a number: "4", "4.5 - good translation".
        if let m = text.prefixMatch(of: #/\s*[(\[]?(\d+(?:\.\d+)?)(?![\d.]*\s*[%a-zA-Z])/#), let value = Double(m.1) {
            return clamp(value)
        }
        // 5. The reply starts with a number word: "Four.", "Three and a half".
        if let m = text.prefixMatch(of: #/(?i)\s*([a-z]+(?:(?:\s+and\s+a\s+half)|(?:\s+point\s+five))?)\b/#),
           let value = wordNumber(String(m.1)) {
            return clamp(value)
        }
        return nil
    }

    /// `value` on a scale of `outOf` (5 when nil), brought to 1 ... 5.
    private static func scaled(_ value: Double, outOf: Double?) -> Double {
        guard let outOf, outOf > 0, outOf != 5 else { return clamp(value) }
        return clamp(value / outOf * 5)
    }

    private static func clamp(_ value: Double) -> Double {
        min(range.upperBound, max(range.lowerBound, value))
    }

    private static let words: [String: Double] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5]

    /// "four" -> 4, "three and a half" -> 3.5, "two point five" -> 2.5.
    static func wordNumber(_ phrase: String) -> Double? {
        let parts = phrase.lowercased().split(separator: " ")
        guard let first = parts.first, let base = words[String(first)] else { return nil }
        return parts.count > 1 ? base + 0.5 : base
    }
}
