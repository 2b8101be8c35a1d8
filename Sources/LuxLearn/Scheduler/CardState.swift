/// Where a card is in its life. A new card starts in `learning` at step 0 with no memory state;
/// raw values match py-fsrs.
public enum CardState: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Being learnt through the short learning steps (minutes).
    case learning = 1
    /// Graduated: scheduled in whole days from its stability.
    case review = 2
    /// Forgotten after graduating: going through the relearning steps.
    case relearning = 3

    public var description: String {
        switch self {
        case .learning: "Learning"
        case .review: "Review"
        case .relearning: "Relearning"
        }
    }
}
