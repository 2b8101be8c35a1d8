/// A spelling that leads to an entry, and what it is there ("geet": "present 3sg").
public struct DictionaryForm: Sendable, Equatable {
    public var form: String
    public var description: String

    public init(form: String, description: String) {
        self.form = form
        self.description = description
    }
}

extension DictionaryEntry {
    /// Every inflected form of the entry, each once, with what it is: conjugation cells (the
    /// imperative without its "!", optional pronouns in parentheses left out), the finite verb
    /// of a separable or reflexive cell on its own ("geet" from "geet op"), infinitive,
    /// participles, plurals, comparison and declined adjective forms. The headword itself is
    /// left out: lookups find it as the headword.
    public var inflectedForms: [DictionaryForm] {
        var collector = FormCollector(headwordKey: DictionaryKey.normalize(headword))
        for table in conjugations {
            collector.add(table.infinitive, "infinitive")
            for tense in Tense.allCases {
                for person in Person.allCases {
                    for cell in table.forms(tense, person) {
                        let form = Self.plainForm(cell)
                        collector.add(form, tense.readableName, person.code)
                        let words = form.split(separator: " ")
                        if Self.simpleTenses.contains(tense), words.count > 1 {
                            collector.add(String(words[0]), tense.readableName, person.code, suffix: " (in “\(form)”)")
                        }
                    }
                }
            }
        }
        for participle in participles { collector.add(participle, "past participle") }
        for table in conjugations {
            for participle in table.participles { collector.add(participle, "past participle") }
        }
        for plural in plurals { collector.add(plural, "plural") }
        if let comparative { collector.add(comparative, "comparative") }
        if let superlative { collector.add(superlative, "superlative") }
        for form in declinedForms { collector.add(form, "declined form") }
        return collector.forms
    }

    /// Tenses of one word, where a second word is a separable particle or a reflexive pronoun.
    private static let simpleTenses: Set<Tense> = [.present, .imperfect, .conditional, .imperative]

    /// A cell as a learner would type it: "géi!" -> "géi", "dinn (mech) op" -> "dinn op".
    static func plainForm(_ cell: String) -> String {
        var kept = ""
        var depth = 0
        for character in cell {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                kept.append(character)
            }
        }
        while let last = kept.last, last == "!" || last == " " { kept.removeLast() }
        return LODEntryBuilder.tidy(kept)
    }
}

/// Gathers forms in first-seen order, merging what one form is: "present 1sg, 1pl, 3pl".
private struct FormCollector {
    private struct Label {
        var group: String
        var suffix: String
        var details: [String]
    }

    let headwordKey: String
    private var order: [String] = []
    private var labels: [String: [Label]] = [:]

    init(headwordKey: String) {
        self.headwordKey = headwordKey
    }

    mutating func add(_ form: String, _ group: String, _ detail: String? = nil, suffix: String = "") {
        guard !form.isEmpty, DictionaryKey.normalize(form) != headwordKey else { return }
        var list = labels[form] ?? []
        if list.isEmpty { order.append(form) }
        if let index = list.firstIndex(where: { $0.group == group && $0.suffix == suffix }) {
            if let detail, !list[index].details.contains(detail) { list[index].details.append(detail) }
        } else {
            list.append(Label(group: group, suffix: suffix, details: detail.map { [$0] } ?? []))
        }
        labels[form] = list
    }

    var forms: [DictionaryForm] {
        order.map { form in
            let description = (labels[form] ?? []).map { label in
                (label.details.isEmpty ? label.group : "\(label.group) \(label.details.joined(separator: ", "))") + label.suffix
            }.joined(separator: "; ")
            return DictionaryForm(form: form, description: description)
        }
    }
}

extension Tense {
    /// The tense's name for a learner: "present", "conditional with géif", "past conditional".
    public var readableName: String {
        switch self {
        case .present: "present"
        case .imperfect: "imperfect"
        case .perfect: "perfect"
        case .pluperfect: "pluperfect"
        case .conditional: "conditional"
        case .conditionalCompound: "conditional with géif"
        case .conditionalPerfect: "past conditional"
        case .imperative: "imperative"
        }
    }
}
