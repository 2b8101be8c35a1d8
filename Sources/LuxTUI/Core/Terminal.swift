/// What the app needs from a terminal: its size, a way to show cell runs and the cursor, and
/// input. `CursesTerminal` drives a real one; `HeadlessTerminal` keeps the screen in memory for
/// tests.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Whether colours can be shown (the theme falls back to attributes when not).
    var hasColors: Bool { get }
    /// Writes the runs; nothing shows until `flush`.
    func draw(_ runs: [CellRun])
    /// Shows the cursor at a cell (a text field has focus), or hides it.
    func setCursor(_ position: Point?)
    func flush()
    /// Forgets what is on the screen so the next draw repaints everything (after a resize).
    func invalidate()
    /// The next input event, waiting at most `timeout` milliseconds (0: do not wait).
    func nextEvent(timeout: Int) -> InputEvent?
}

/// What a screen draws with: the buffer for this frame, the theme, and where the cursor goes.
public final class Frame {
    public var buffer: CellBuffer
    public let theme: Theme
    public var cursor: Point?

    public init(size: Size, theme: Theme) {
        buffer = CellBuffer(size: size)
        self.theme = theme
    }

    public var area: Rect { buffer.area }

    /// Writes text in a role's style, cut at `rect`'s right edge; returns the next column.
    @discardableResult
    public func text(_ text: some StringProtocol, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        buffer.write(text, x: x, y: y, style: theme[role], limit: limit)
    }

    /// Writes text on row `row` of `rect`, from its left edge (plus `indent`), cut at its right edge.
    @discardableResult
    public func text(_ text: some StringProtocol, in rect: Rect, row: Int, indent: Int = 0, role: Role = .normal) -> Int {
        guard row >= 0, row < rect.height else { return rect.x }
        return buffer.write(text, x: rect.x + indent, y: rect.y + row, style: theme[role], limit: rect.maxX)
    }

    /// Fills a rectangle with a role's background.
    public func fill(_ rect: Rect, role: Role) {
        buffer.fill(rect, style: theme[role])
    }

    public func restyle(_ rect: Rect, role: Role) {
        buffer.restyle(rect, style: theme[role])
    }
}
