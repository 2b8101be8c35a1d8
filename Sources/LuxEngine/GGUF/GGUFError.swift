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

    public var description: String { "\(path): \(place): \(message)" }
}
