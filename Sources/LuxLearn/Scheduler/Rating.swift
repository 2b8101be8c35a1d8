/// The learner's answer to a card, FSRS's four grades. Raw values match py-fsrs and Anki.
public enum Rating: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    public var description: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }
}
