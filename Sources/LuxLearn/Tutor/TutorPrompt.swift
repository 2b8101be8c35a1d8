import LuxStore

/// The tutor's instructions to the model: speak Luxembourgish at the learner's level, point out
/// mistakes, keep the learner talking; for a role-play from a pack, play the part it describes.
/// Small models follow English instructions best, so the instructions are in English and the
/// conversation is in Luxembourgish.
public enum TutorPrompt {
    /// The settings key of the learner's level (a CEFR level such as "A1").
    public static let levelKey = "tutor.level"

    /// The learner's level as stored; A1 when never set or not a level.
    public static func level(in database: LuxDatabase) -> CEFRLevel {
        guard let stored = try? database.setting(levelKey, as: String.self), let level = CEFRLevel(rawValue: stored)
        else { return .a1 }
        return level
    }

    /// The system prompt for a conversation at `level`, free or (with `dialogue`) a role-play.
    public static func system(level: CEFRLevel, dialogue: DialogueItem? = nil) -> String {
        var parts = [
            "You are a friendly tutor of Luxembourgish (Lëtzebuergesch). The learner's level is \(level.rawValue).",
            "Always answer in Luxembourgish, never in German. \(style(for: level))",
            "When the learner's message has a mistake (spelling, missing ë/é/ä, word order, a verb form, "
                + "the auxiliary hunn or sinn, the n-rule), start your reply with \"Korrektur:\" and the corrected "
                + "sentence, then explain the mistake in one short English sentence, then go on with the conversation.",
            "Ask one question at a time so the learner keeps writing. Keep every reply under 60 words.",
        ]
        if let d = dialogue {
            parts.append("This is a role-play. Situation: \(d.situation) You play \(d.tutorRole); the learner plays "
                + "\(d.learnerRole). Stay in your role. Goal: \(d.goal)")
            if !d.usefulPhrases.isEmpty {
                parts.append("Phrases the learner may use: \(d.usefulPhrases.joined(separator: "; ")).")
            }
        }
        return parts.joined(separator: "\n")
    }

    static func style(for level: CEFRLevel) -> String {
        switch level {
        case .a1: "Use very short sentences, the present tense and everyday words, and put the English translation in brackets after each sentence."
        case .a2: "Use short sentences and common words; give the English for any harder word in brackets."
        case .b1: "Speak simply but naturally; explain an unusual word in English only when it matters."
        case .b2, .c1: "Speak naturally, as to a fluent speaker; use English only to explain a mistake."
        }
    }

    /// The first tutor line of a new free conversation.
    public static func greeting(level: CEFRLevel) -> String {
        level <= .a2 ? "Moien! Wéi geet et dir? (Hello! How are you?)" : "Moien! Wéi geet et dir haut?"
    }
}
