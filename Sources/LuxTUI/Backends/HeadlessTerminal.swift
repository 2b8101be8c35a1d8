/// A terminal in memory, for tests: it applies the runs the app sends to its own grid (so the
/// diffing is exercised too), keeps the cursor, and hands out queued input.
public final class HeadlessTerminal: Terminal {
    public private(set) var size: Size
    public let hasColors: Bool
    /// What a real terminal would be showing after the last `flush`.
    public private(set) var screen: CellBuffer
    public private(set) var cursor: Point?
    /// Cells written by the last flush (to check that unchanged frames send nothing).
    public private(set) var lastFlushCells = 0
    private var pending: [CellRun] = []
    private var input: [InputEvent] = []

    public init(width: Int = 80, height: Int = 24, hasColors: Bool = true) {
        size = Size(width: width, height: height)
        self.hasColors = hasColors
        screen = CellBuffer(size: size)
    }

    public func draw(_ runs: [CellRun]) { pending += runs }

    public func setCursor(_ position: Point?) { cursor = position }

    public func flush() {
        lastFlushCells = pending.reduce(0) { $0 + $1.cells.count }
        for run in pending {
            for (i, cell) in run.cells.enumerated() { screen.set(x: run.x + i, y: run.y, cell) }
        }
        pending = []
    }

    public func invalidate() {
        screen = CellBuffer(size: size)
        pending = []
    }

    public func nextEvent(timeout: Int) -> InputEvent? {
        input.isEmpty ? nil : input.removeFirst()
    }

    // MARK: - Driving it from tests

    public func queue(_ events: [InputEvent]) { input += events }

    public func queue(keys: [Key]) { input += keys.map { .key($0) } }

    /// Queues each character of `text` as a key press.
    public func type(_ text: String) { input += text.map { .key(.char($0)) } }

    public var hasPendingInput: Bool { !input.isEmpty }

    /// Changes the size, as a terminal window would, and queues the resize event.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        input.append(.resize(size))
    }

    /// The screen as text, trailing spaces trimmed.
    public func snapshot() -> String { screen.snapshot() }
}
