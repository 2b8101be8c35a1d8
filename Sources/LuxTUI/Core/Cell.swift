/// One cell of the grid. A wide character (CJK, many emoji) fills its cell and the next one,
/// which then holds an empty `text`: the continuation.
public struct Cell: Sendable, Equatable {
    /// One grapheme; "" for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { text.isEmpty }
}
