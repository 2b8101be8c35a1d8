import CNcursesw
import Foundation

/// The real terminal, through ncursesw's wide-character calls. Call `TerminalLocale.enable()`
/// before creating it (curses needs a UTF-8 locale for ë). `shutdown()` restores the terminal;
/// the app calls it however it ends.
public final class CursesTerminal: Terminal {
    public private(set) var size: Size
    public let hasColors: Bool
    private var pairs: [Int: Int16] = [:]
    private var currentTimeout: Int32 = -2
    private var isOpen = true
    private var cursorVisible: Bool?

    public struct NotATerminal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens the terminal in raw mode (every key reaches the app, Ctrl-C included). Fails when
    /// stdin or stdout is not a terminal, or TERM names no known terminal.
    public init(colors: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw NotATerminal(description: "the app needs a terminal; use a subcommand (lux --help) in scripts")
        }
        // newterm instead of initscr, which would exit the process on failure.
        guard lux_newterm() != nil else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw NotATerminal(description: "cannot open the terminal TERM=\(term); try TERM=xterm-256color")
        }
        raw()
        noecho()
        nonl()
        keypad(lux_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if colors && has_colors() {
            start_color()
            use_default_colors()
            hasColors = lux_colors() >= 8
        } else {
            hasColors = false
        }
        size = Size(width: Int(getmaxx(lux_stdscr())), height: Int(getmaxy(lux_stdscr())))
    }

    deinit { shutdown() }

    /// Leaves curses mode: the screen and the terminal modes are as they were before.
    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
    }

    public func draw(_ runs: [CellRun]) {
        for run in runs {
            var x = run.x
            var i = 0
            // One addnwstr per stretch of equal style.
            while i < run.cells.count {
                let style = run.cells[i].style
                var chars: [wchar_t] = []
                let startX = x
                while i < run.cells.count, run.cells[i].style == style {
                    let cell = run.cells[i]
                    if !cell.isContinuation {
                        for scalar in cell.text.unicodeScalars { chars.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    i += 1
                    x += 1
                }
                move(Int32(run.y), Int32(startX))
                attr_set(attributes(style), pair(style), nil)
                _ = chars.withUnsafeBufferPointer { addnwstr($0.baseAddress, Int32($0.count)) }
            }
        }
        attr_set(lux_attr_normal(), 0, nil)
    }

    public func setCursor(_ position: Point?) {
        if let position {
            move(Int32(position.y), Int32(position.x))
        }
        let visible = position != nil
        if cursorVisible != visible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
    }

    public func flush() { refresh() }

    public func invalidate() {
        clear()
        size = Size(width: Int(getmaxx(lux_stdscr())), height: Int(getmaxy(lux_stdscr())))
    }

    public func nextEvent(timeout: Int) -> InputEvent? {
        let t = Int32(timeout)
        if t != currentTimeout {
            CNcursesw.timeout(t)
            currentTimeout = t
        }
        var ch: wint_t = 0
        let result = get_wch(&ch)
        switch result {
        case OK:
            return CursesKeys.character(UInt32(ch)).map { .key($0) }
        case KEY_CODE_YES:
            if Int32(ch) == KEY_RESIZE {
                size = Size(width: Int(getmaxx(lux_stdscr())), height: Int(getmaxy(lux_stdscr())))
                return .resize(size)
            }
            return CursesKeys.function(Int32(ch)).map { .key($0) }
        default:
            return nil
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = lux_attr_normal()
        if style.bold { a |= lux_attr_bold() }
        if style.dim { a |= lux_attr_dim() }
        if style.underline { a |= lux_attr_underline() }
        if style.reverse { a |= lux_attr_reverse() }
        return a
    }

    /// The colour pair for a style's colours, made the first time it is needed.
    private func pair(_ style: Style) -> Int16 {
        guard hasColors, style.usesColor else { return 0 }
        let key = (style.foreground.rawValue + 1) * 16 + style.background.rawValue + 1
        if let p = pairs[key] { return p }
        let p = Int16(pairs.count + 1)
        guard Int32(p) < lux_color_pairs() else { return 0 }
        init_pair(p, Int16(style.foreground.rawValue), Int16(style.background.rawValue))
        pairs[key] = p
        return p
    }
}

/// Curses key codes to `Key`.
enum CursesKeys {
    /// A character from get_wch: printable ones, control codes, Esc, Delete.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1 ... 26:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0 ..< 32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A key code from get_wch (KEY_CODE_YES).
    static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_F0 + 1 ... KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
