/// A document that is not well-formed XML, named by file and line.
public struct XMLSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): malformed XML: \(message)" }
}
