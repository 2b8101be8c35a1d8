import LuxStore

/// One message of a tutor conversation, as stored and as sent to the model.
public struct TutorTurn: Sendable, Equatable {
    public var role: ChatRole
    public var content: String

    public init(_ role: ChatRole, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// Fits a conversation into the model's context: the system prompt always stays, then as many of
/// the latest turns as fit; the oldest turns go first. The last turn (the learner's new message)
/// is always kept, so a conversation too long even for that fails at the engine with a clear error.
public enum ConversationWindow {
    public struct Fitted: Sendable, Equatable {
        /// The system prompt (if any) and the turns kept, in order.
        public var messages: [TutorTurn]
        /// How many of the oldest turns were left out.
        public var dropped: Int
    }

    /// `fits` says whether a list of messages leaves room for the reply.
    public static func fit(system: String?, turns: [TutorTurn], fits: ([TutorTurn]) throws -> Bool) rethrows -> Fitted {
        let head = system.map { [TutorTurn(.system, $0)] } ?? []
        var dropped = 0
        while dropped < turns.count - 1 {
            if try fits(head + turns[dropped...]) { break }
            dropped += 1
        }
        // An assistant reply whose question was dropped is dropped with it, unless it is all that is left.
        while dropped < turns.count - 1, dropped > 0, turns[dropped].role == .assistant { dropped += 1 }
        return Fitted(messages: head + turns[dropped...], dropped: dropped)
    }
}
