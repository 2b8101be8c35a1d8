/// The six grammatical persons, numbered as LOD numbers them (P1 ... P6).
public enum Person: Int, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case firstSingular = 1, secondSingular, thirdSingular, firstPlural, secondPlural, thirdPlural

    /// The subject pronoun a drill shows: "ech", "du", "hien/hatt/si", "mir", "dir", "si".
    public var pronoun: String {
        switch self {
        case .firstSingular: "ech"
        case .secondSingular: "du"
        case .thirdSingular: "hien/hatt/si"
        case .firstPlural: "mir"
        case .secondPlural: "dir"
        case .thirdPlural: "si"
        }
    }

    /// Short code used in card variants and pack files: "1sg" ... "3pl".
    public var code: String {
        switch self {
        case .firstSingular: "1sg"
        case .secondSingular: "2sg"
        case .thirdSingular: "3sg"
        case .firstPlural: "1pl"
        case .secondPlural: "2pl"
        case .thirdPlural: "3pl"
        }
    }

    public init?(code: String) {
        guard let match = Person.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public static func < (a: Person, b: Person) -> Bool { a.rawValue < b.rawValue }
}
