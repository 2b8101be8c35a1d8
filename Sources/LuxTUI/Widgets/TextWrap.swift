/// Word wrapping by display width.
public enum TextWrap {
    /// `text` broken into lines at most `width` columns wide: at spaces where possible, inside a
    /// word when it is longer than a line. Newlines in the text start new lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = Substring(word)
                var w = CellWidth.of(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + w <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + w
                    continue
                }
                if !line.isEmpty {
                    out.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > width {
                    let (head, headWidth) = CellWidth.prefix(of: word, fitting: width)
                    guard !head.isEmpty else { break }
                    out.append(head)
                    word = word.dropFirst(head.count)
                    w -= headWidth
                }
                line = String(word)
                lineWidth = w
            }
            out.append(line)
        }
        return out
    }
}
