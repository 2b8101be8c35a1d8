/// The eight ANSI colours curses knows, plus the terminal's own default.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How one cell looks. Screens do not pick these directly: they name a `Role` and the theme
/// turns it into a style, so the monochrome theme can use attributes instead of colours.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()

    public var usesColor: Bool { foreground != .default || background != .default }
}
