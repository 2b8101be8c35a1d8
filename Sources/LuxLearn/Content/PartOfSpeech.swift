/// Word classes a vocabulary item can have; raw values are what pack files write.
public enum PartOfSpeech: String, CaseIterable, Codable, Sendable {
    case noun, verb, adjective, adverb, pronoun, preposition, conjunction, numeral,
         interjection, article, phrase, other
}
