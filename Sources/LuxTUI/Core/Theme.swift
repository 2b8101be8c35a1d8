/// What a piece of text is, for the theme to style.
public enum Role: Sendable, Hashable, CaseIterable {
    case normal, title, dim, accent, good, bad, warning
    case header, footer, footerKey, selected, input, border, highlight
}

/// Maps roles to styles. `colour` for terminals with colours, `monochrome` for the rest and for
/// NO_COLOR: it only uses bold, dim, underline and reverse, so every role stays distinguishable.
public struct Theme: Sendable {
    public let name: String
    private let styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    public static let colour = Theme(name: "colour", styles: [
        .normal: Style(),
        .title: Style(foreground: .cyan, bold: true),
        .dim: Style(dim: true),
        .accent: Style(foreground: .cyan),
        .good: Style(foreground: .green, bold: true),
        .bad: Style(foreground: .red, bold: true),
        .warning: Style(foreground: .yellow),
        .header: Style(foreground: .black, background: .cyan),
        .footer: Style(foreground: .white, background: .blue),
        .footerKey: Style(foreground: .yellow, background: .blue, bold: true),
        .selected: Style(foreground: .black, background: .yellow),
        .input: Style(underline: true),
        .border: Style(foreground: .blue),
        .highlight: Style(foreground: .yellow, bold: true),
    ])

    public static let monochrome = Theme(name: "monochrome", styles: [
        .normal: Style(),
        .title: Style(bold: true),
        .dim: Style(dim: true),
        .accent: Style(bold: true),
        .good: Style(bold: true),
        .bad: Style(bold: true, underline: true),
        .warning: Style(underline: true),
        .header: Style(reverse: true),
        .footer: Style(reverse: true),
        .footerKey: Style(bold: true, reverse: true),
        .selected: Style(reverse: true),
        .input: Style(underline: true),
        .border: Style(dim: true),
        .highlight: Style(bold: true),
    ])

    /// The theme for a terminal: monochrome when it has no colours or NO_COLOR is set to
    /// anything non-empty (https://no-color.org).
    public static func choose(terminalHasColors: Bool, environment: [String: String]) -> Theme {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        return terminalHasColors ? .colour : .monochrome
    }
}
