/// Common European Framework level of a pack, unit or exercise.
public enum CEFRLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1"

    public static func < (a: CEFRLevel, b: CEFRLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
