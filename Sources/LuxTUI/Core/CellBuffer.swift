/// A grid of cells that screens draw into; `BufferDiff` turns two of them into terminal writes.
/// Writes keep the wide-character rule: a width-2 cell is always followed by its continuation,
/// and overwriting either half of one blanks the other half.
public struct CellBuffer: Sendable, Equatable {
    public let size: Size
    private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * size.width + x] : .blank
    }

    /// Puts one cell as given (used by backends that replay runs, and by `write`).
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard contains(x: x, y: y) else { return }
        let i = y * size.width + x
        // Breaking a wide character in two leaves a blank in the half that remains.
        if cells[i].isContinuation, x > 0, !cell.isContinuation {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        if !cells[i].isContinuation, x + 1 < size.width, cells[i + 1].isContinuation, CellWidth.of(cells[i].text) == 2 {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Writes `text` from (x, y) without passing column `limit` (default: the right edge).
    /// Control characters are left out; a tab is a space; a wide character that would straddle
    /// the limit becomes a space. Returns the column after the last cell written.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        let end = min(limit ?? size.width, size.width)
        guard y >= 0, y < size.height else { return x }
        var col = x
        for var c in text {
            if c == "\t" { c = " " }
            let w = CellWidth.of(c)
            if w == 0 { continue }
            if col + w > end {
                if col < end, col >= 0 { set(x: col, y: y, Cell(" ", style: style)); col += 1 }
                break
            }
            if col >= 0 {
                set(x: col, y: y, Cell(String(c), style: style))
                if w == 2 { set(x: col + 1, y: y, Cell("", style: style)) }
            }
            col += w
        }
        return col
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y) ..< min(rect.maxY, size.height) {
            for x in max(0, rect.x) ..< min(rect.maxX, size.width) {
                set(x: x, y: y, Cell(" ", style: style))
            }
        }
    }

    /// Changes the style of existing cells (e.g. to highlight a selected row).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in max(0, rect.y) ..< min(rect.maxY, size.height) {
            for x in max(0, rect.x) ..< min(rect.maxX, size.width) {
                cells[y * size.width + x].style = style
            }
        }
    }

    /// The text of one row, the right half of wide characters left out.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var line = ""
        for x in 0 ..< size.width { line += cells[y * size.width + x].text }
        return line
    }

    /// Every row as text with trailing spaces trimmed: the form of the committed snapshots.
    public func snapshot() -> String {
        (0 ..< size.height).map { y in
            var line = rowText(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
