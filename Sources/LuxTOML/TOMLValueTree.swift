internal import TOMLKit

/// A parsed TOML document as plain Swift values.
///
/// TOMLKit is used only inside this target, through an internal import: its public extensions
/// give String, Int, Array and Dictionary members such as `string`, `int` and `array`, and once
/// any file of a module imports it those members are visible in every file of that module and
/// change how unrelated code type-checks. Keeping it here keeps LuxLearn's code unaffected.
public indirect enum TOMLNode: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time, as TOML writes it.
    case dateTime(String)
    case array([TOMLNode])
    case table(TOMLTableNode)

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var array: [TOMLNode]? { if case .array(let a) = self { a } else { nil } }
    public var table: TOMLTableNode? { if case .table(let t) = self { t } else { nil } }

    /// "text", "a number (3)", "a list", ... for messages about wrong types.
    public var kindDescription: String {
        switch self {
        case .string: "text"
        case .integer(let n): "a number (\(n))"
        case .float(let x): "a number (\(x))"
        case .boolean: "true/false"
        case .dateTime: "a date or time"
        case .array: "a list"
        case .table: "a table"
        }
    }
}

/// A TOML table: its keys (sorted, as TOMLKit gives them) and values.
public struct TOMLTableNode: Sendable, Equatable {
    public var values: [String: TOMLNode]

    public init(values: [String: TOMLNode]) {
        self.values = values
    }

    public var keys: [String] { values.keys.sorted() }

    public subscript(key: String) -> TOMLNode? { values[key] }
}

/// A TOML syntax error with where it is.
public struct TOMLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based; 0 when unknown.
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

public enum TOMLReader {
    /// Parses a TOML document (TOML 1.0, via toml++).
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTableNode {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(line: error.source.begin.line, column: error.source.begin.column,
                                  message: error.description)
        } catch {
            throw TOMLSyntaxError(line: 0, column: 0, message: String(describing: error))
        }
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> TOMLTableNode {
        var values: [String: TOMLNode] = [:]
        for (key, value) in table {
            values[key] = convert(value)
        }
        return TOMLTableNode(values: values)
    }

    private static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        case .array: return .array((value.array.map(Array.init) ?? []).map(convert))
        case .table: return value.table.map { .table(convert($0)) } ?? .table(TOMLTableNode(values: [:]))
        }
    }
}
