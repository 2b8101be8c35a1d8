/// One metadata value from a GGUF file. Arrays keep their element type so that a 128k-entry
/// vocabulary is one `[String]`, not 128k enum boxes.
public enum GGUFValue: Equatable, Sendable {
    case uint(UInt64)
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case string(String)
    case uintArray([UInt64])
    case intArray([Int64])
    case floatArray([Double])
    case boolArray([Bool])
    case stringArray([String])
    case arrayOfArrays(Int)  // nested arrays: only their count is kept; no architecture needs them

    public var intValue: Int? {
        switch self {
        case .uint(let v): return v <= UInt64(Int.max) ? Int(v) : nil
        case .int(let v): return Int(v)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .float(let v): return v
        case .uint(let v): return Double(v)
        case .int(let v): return Double(v)
        default: return nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var stringArray: [String]? { if case .stringArray(let a) = self { return a } else { return nil } }
    public var intArray: [Int]? {
        switch self {
        case .intArray(let a): return a.map { Int($0) }
        case .uintArray(let a): return a.map { Int(truncatingIfNeeded: $0) }
        default: return nil
        }
    }
    public var floatArray: [Float]? {
        if case .floatArray(let a) = self { return a.map { Float($0) } } else { return nil }
    }

    /// A short rendering for `lux doctor` and error messages.
    public var summary: String {
        switch self {
        case .uint(let v): return "\(v)"
        case .int(let v): return "\(v)"
        case .float(let v): return "\(v)"
        case .bool(let v): return "\(v)"
        case .string(let s): return s.count > 60 ? String(s.prefix(60)) + "…" : s
        case .uintArray(let a): return "[\(a.count) uints]"
        case .intArray(let a): return "[\(a.count) ints]"
        case .floatArray(let a): return "[\(a.count) floats]"
        case .boolArray(let a): return "[\(a.count) bools]"
        case .stringArray(let a): return "[\(a.count) strings]"
        case .arrayOfArrays(let n): return "[\(n) arrays]"
        }
    }
}
