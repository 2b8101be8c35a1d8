import Foundation

/// The event loop: read a key (waiting briefly), hand it to the screen, take what background
/// work posted, draw the frame into a cell buffer and send the terminal only what changed.
/// Everything here runs on one thread; the model runs on its own.
public final class App {
    public static let minimumSize = Size(width: 80, height: 24)

    public let context: AppContext
    let terminal: Terminal
    let theme: Theme
    public private(set) var mode: Mode = .home
    public private(set) var helpShown = false
    public private(set) var isQuitting = false
    private var screens: [Mode: Screen] = [:]
    private var flashMessage: String?
    private var previous: CellBuffer?
    private var closed = false

    public init(context: AppContext, terminal: Terminal, theme: Theme) {
        self.context = context
        self.terminal = terminal
        self.theme = theme
        context.open = { [unowned self] in self.open($0) }
        context.flash = { [unowned self] in self.flashMessage = $0 }
        screen(for: .home).activate()
    }

    /// Runs until the learner quits or a signal arrives, then closes every screen (which stops
    /// generation and saves). The caller restores the terminal.
    public func run(signals: SignalWatcher? = nil) {
        render()
        while !isQuitting {
            if signals?.signalReceived != nil { break }
            let busy = context.engine.isBusy || screens.values.contains { $0.isBusy }
            var changed = false
            if let event = terminal.nextEvent(timeout: busy ? 30 : 150) {
                handle(event)
                changed = true
                // Take everything already typed before drawing (pasted text, key repeat).
                var more = 0
                while more < 64, !isQuitting, let next = terminal.nextEvent(timeout: 0) {
                    handle(next)
                    more += 1
                }
            }
            if pumpBackground() { changed = true }
            if changed { render() }
        }
        close()
    }

    /// Stops background work and lets every screen save. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        for screen in screens.values { screen.close() }
        context.engine.cancel()
    }

    // MARK: - Input

    public func handle(_ event: InputEvent) {
        switch event {
        case .resize:
            terminal.invalidate()
            previous = nil
        case .key(let key):
            flashMessage = nil
            handle(key)
        }
    }

    private func handle(_ key: Key) {
        if key == .ctrl("c") { isQuitting = true; return }
        if helpShown {
            // Any key closes the overlay; q still quits.
            helpShown = false
            if key == .char("q") { isQuitting = true }
            return
        }
        if case .function(let n) = key {
            if n == 1 { helpShown = true } else if let target = Mode.forFunctionKey(n) { open(target) }
            return
        }
        let size = terminal.size
        if size.width < Self.minimumSize.width || size.height < Self.minimumSize.height {
            if key == .char("q") { isQuitting = true }
            return
        }
        if screen(for: mode).handle(key) { return }
        switch key {
        case .escape where mode != .home: open(.home)
        case .char("?"): helpShown = true
        case .char("q"): isQuitting = true
        case .char(let c) where mode == .home:
            if let target = Mode.allCases.first(where: { $0.letter == c && $0 != .home }) { open(target) }
        default: break
        }
    }

    /// Switches mode; the screen reloads what may have changed.
    public func open(_ target: Mode) {
        mode = target
        helpShown = false
        context.remember(target)
        screen(for: target).activate()
    }

    /// Delivers what background work posted; true if there was anything.
    @discardableResult
    public func pumpBackground() -> Bool {
        let events = context.mailbox.drain()
        for event in events {
            if context.engine.receive(event) {
                // The model loaded (or failed): screens waiting for it may go on.
                for screen in screens.values { screen.receive(event) }
                continue
            }
            for screen in screens.values { screen.receive(event) }
        }
        return !events.isEmpty
    }

    func screen(for mode: Mode) -> Screen {
        if let s = screens[mode] { return s }
        let s = ScreenFactory.make(mode, context: context)
        screens[mode] = s
        return s
    }

    // MARK: - Drawing

    public func render() {
        let frame = Frame(size: terminal.size, theme: theme)
        draw(frame)
        terminal.draw(BufferDiff.runs(from: previous, to: frame.buffer))
        terminal.setCursor(helpShown ? nil : frame.cursor)
        terminal.flush()
        previous = frame.buffer
    }

    func draw(_ frame: Frame) {
        let area = frame.area
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
            drawTooSmall(frame)
            return
        }
        let screen = self.screen(for: mode)
        let (header, rest) = area.splitTop(1)
        let (footer, body) = rest.splitBottom(1)
        drawHeader(frame, row: header, screen: screen)
        screen.render(frame, in: body.inset(top: 1, left: 2, bottom: 0, right: 2))
        let hints = screen.hints
        // A screen that gives Esc a meaning of its own (stop, cancel) shows that instead.
        let globals = globalHints.filter { global in !hints.contains { $0.key == global.key } }
        Footer.render(frame, row: footer, hints: hints, globals: globals)
        if helpShown {
            HelpOverlay.render(frame, in: body, mode: mode, screenKeys: screen.helpKeys)
        }
    }

    private var globalHints: [KeyHint] {
        mode == .home ? [KeyHint("?", "Help"), KeyHint("q", "Quit")]
            : [KeyHint("Esc", "Home"), KeyHint("F1", "Help"), KeyHint("^C", "Quit")]
    }

    private func drawHeader(_ frame: Frame, row: Rect, screen: Screen) {
        frame.fill(row, role: .header)
        let left = " LuxLlama │ \(mode.title)"
        frame.text(left, x: row.x, y: row.y, role: .header, limit: row.maxX)
        let right = flashMessage ?? screen.status ?? ""
        guard !right.isEmpty else { return }
        let room = row.width - CellWidth.of(left) - 3
        let shown = CellWidth.truncate(right, to: room) + " "
        frame.text(shown, x: row.maxX - CellWidth.of(shown), y: row.y, role: .header)
    }

    private func drawTooSmall(_ frame: Frame) {
        let size = frame.area
        let message = "Terminal too small: \(size.width)×\(size.height). LuxLlama needs at least "
            + "\(Self.minimumSize.width)×\(Self.minimumSize.height). Make the window larger, or press q to quit."
        let lines = TextWrap.lines(message, width: max(1, size.width - 2))
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let x = max(0, (size.width - CellWidth.of(line)) / 2)
            frame.text(line, x: x, y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}
