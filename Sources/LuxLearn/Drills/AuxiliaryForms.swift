/// The forms of the two perfect auxiliaries, so a checker can tell "hues gesot" from "bass gesot".
/// Forms as LOD conjugates hunn and sinn (present, imperfect, conditional), with the n-rule's
/// short forms "hu" and "si".
public enum AuxiliaryForms {
    static let hunn: Set<String> = ["hunn", "hu", "hues", "huet", "hutt", "hat", "has", "haten", "hate",
                                    "hätt", "häss", "hätten", "hätte"]
    static let sinn: Set<String> = ["sinn", "si", "bass", "ass", "sidd", "war", "waars", "waren", "ware", "waart",
                                    "wier", "wär", "wiers", "wäers", "wieren", "wiere", "wären", "wäre", "wiert", "wäert"]

    /// Which auxiliary `word` is a form of, if any (case is ignored).
    public static func auxiliary(of word: String) -> Auxiliary? {
        let w = word.lowercased()
        if hunn.contains(w) { return .hunn }
        if sinn.contains(w) { return .sinn }
        return nil
    }

    /// The present-tense form that makes the perfect, before the n-rule: hunn, hues, huet, hunn, hutt, hunn.
    public static func present(_ auxiliary: Auxiliary, _ person: Person) -> String {
        switch (auxiliary, person) {
        case (.hunn, .secondSingular): "hues"
        case (.hunn, .thirdSingular): "huet"
        case (.hunn, .secondPlural): "hutt"
        case (.hunn, _): "hunn"
        case (.sinn, .secondSingular): "bass"
        case (.sinn, .thirdSingular): "ass"
        case (.sinn, .secondPlural): "sidd"
        case (.sinn, _): "sinn"
        }
    }
}

/// Articles a noun answer may start with, and the gender each one shows.
public enum ArticleForms {
    /// The article in front of a noun in the nominative, with what it shows.
    public enum Kind: Sendable, Equatable {
        /// den/de, d'
        case definite(Set<Gender>)
        /// en/e, eng
        case indefinite(Set<Gender>)
    }

    /// What `word` shows as an article, nil if it is none.
    public static func kind(of word: String) -> Kind? {
        switch AnswerText.normalize(word).lowercased() {
        case "den", "de": .definite([.masculine])
        case "d'": .definite([.feminine, .neuter])
        case "en", "e": .indefinite([.masculine, .neuter])
        case "eng": .indefinite([.feminine])
        default: nil
        }
    }

    /// "den Hond", "de Mann" (n-rule), "d'Kaz", "d'Haus".
    public static func withDefiniteArticle(_ noun: String, _ gender: Gender) -> String {
        switch gender {
        case .masculine: NRule.form(of: "den", before: noun) + " " + noun
        case .feminine, .neuter: "d'" + noun
        }
    }

    /// "masculine", "feminine", "neuter".
    public static func name(of gender: Gender) -> String {
        switch gender {
        case .masculine: "masculine"
        case .feminine: "feminine"
        case .neuter: "neuter"
        }
    }

    /// "en Hond", "e Mann", "eng Kaz", "en Haus", "e Buch".
    public static func withIndefiniteArticle(_ noun: String, _ gender: Gender) -> String {
        switch gender {
        case .feminine: "eng " + noun
        case .masculine, .neuter: NRule.form(of: "en", before: noun) + " " + noun
        }
    }
}
