/// A pack version: numbers with dots ("1.0", "2.1.3"), compared number by number, so "1.10"
/// is newer than "1.9" and "1.0" equals "1.0.0".
public struct PackVersion: Comparable, Sendable, CustomStringConvertible {
    public let numbers: [Int]
    public let description: String

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1 ... 4).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        numbers = parts.compactMap { Int($0) }
        description = text
    }

    private func padded(to count: Int) -> [Int] {
        numbers + Array(repeating: 0, count: max(0, count - numbers.count))
    }

    public static func == (a: PackVersion, b: PackVersion) -> Bool {
        let n = max(a.numbers.count, b.numbers.count)
        return a.padded(to: n) == b.padded(to: n)
    }

    public static func < (a: PackVersion, b: PackVersion) -> Bool {
        let n = max(a.numbers.count, b.numbers.count)
        return a.padded(to: n).lexicographicallyPrecedes(b.padded(to: n))
    }
}
