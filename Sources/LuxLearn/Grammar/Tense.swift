/// The tenses and moods a conjugation table can hold. The raw value is the code used in card
/// variants and pack files.
public enum Tense: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case present
    /// Simple past (Imperfekt): only common verbs have it in Luxembourgish.
    case imperfect
    /// Perfect (Passé composé): auxiliary hunn or sinn + past participle.
    case perfect
    case pluperfect
    /// Konjunktiv II, simple form: "géing", "hätt", "wier".
    case conditional
    /// Konjunktiv II with géif: "géif goen".
    case conditionalCompound = "conditional-compound"
    case conditionalPerfect = "conditional-perfect"
    /// Only the 2nd persons (du, dir) exist.
    case imperative
}

/// The perfect-tense auxiliary.
public enum Auxiliary: String, CaseIterable, Codable, Sendable {
    case hunn, sinn
}

/// Grammatical gender of a noun, as LOD marks it (M, F, N).
public enum Gender: String, CaseIterable, Codable, Sendable {
    case masculine = "m", feminine = "f", neuter = "n"

    /// LOD's GEN attribute: "M", "F", "N".
    public init?(lod: String) {
        switch lod.uppercased() {
        case "M": self = .masculine
        case "F": self = .feminine
        case "N": self = .neuter
        default: return nil
        }
    }

    /// The definite article in the nominative: de(n), d', d'.
    public var definiteArticle: String {
        switch self {
        case .masculine: "den"
        case .feminine, .neuter: "d'"
        }
    }
}
