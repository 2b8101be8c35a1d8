/// The one-line error for a bad model file: which file, which place (header, key, tensor), what is wrong.
public struct GGUFError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let place: String
    public let message: String

    public init(path: String, place: String, message: String) {
        self.path = path
        self.place = place
        self.message = message
    }

    public var description: String { "\(Self.oneLine(path)): \(Self.oneLine(place, limit: 160)): \(Self.oneLine(message, limit: 160))" }

    /// Key and tensor names in errors come from the file itself: control characters are escaped
    /// so a corrupt file cannot break the one-line error or drive the terminal, and very long
    /// names are cut.
    static func oneLine(_ s: String, limit: Int = .max) -> String {
        var out = ""
        for u in s.unicodeScalars {
            let isBreak = u.properties.generalCategory == .control || u == "\u{2028}" || u == "\u{2029}"
            out += isBreak ? u.escaped(asASCII: true) : String(u)
            if out.count > limit { return String(out.prefix(limit)) + "…" }
        }
        return out
    }
}
