/// A study session that cannot go on, in one line naming the database and the card or setting.
public enum StudyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A setting holds a value the scheduler cannot work with.
    case badSetting(path: String, key: String, reason: String)
    /// A card whose stored state or item cannot be shown or scheduled.
    case badCard(path: String, card: String, reason: String)
    /// `grade` or `preview` with no card to show.
    case noCard

    public var description: String {
        let text: String
        switch self {
        case let .badSetting(path, key, reason):
            text = "\(path): setting \"\(key)\": \(reason)"
        case let .badCard(path, card, reason):
            text = "\(path): card \(card): \(reason)"
        case .noCard:
            text = "there is no card to answer: the queue is empty"
        }
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
