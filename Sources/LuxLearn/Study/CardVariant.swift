/// Which way a card asks about its item; the raw value is `cards.variant` in the store.
public enum CardVariant: Sendable, Hashable {
    /// Luxembourgish shown, meaning asked (vocabulary, phrases, verbs).
    case recognition
    /// Meaning shown, Luxembourgish asked.
    case production
    /// A noun's plural.
    case plural
    /// One cell of a verb's table: "conj:present:1sg".
    case conjugation(Tense, Person)
    /// A translation exercise, asked in the item's own direction.
    case translate

    public init?(rawValue: String) {
        switch rawValue {
        case "recognition": self = .recognition
        case "production": self = .production
        case "plural": self = .plural
        case "translate": self = .translate
        default:
            let parts = rawValue.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "conj", let tense = Tense(rawValue: String(parts[1])),
                  let person = Person(code: String(parts[2])) else { return nil }
            self = .conjugation(tense, person)
        }
    }

    public var rawValue: String {
        switch self {
        case .recognition: "recognition"
        case .production: "production"
        case .plural: "plural"
        case .translate: "translate"
        case let .conjugation(tense, person): "conj:\(tense.rawValue):\(person.code)"
        }
    }
}
