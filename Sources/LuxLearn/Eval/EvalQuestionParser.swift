import Foundation

/// Reads one JSONL line of the question set into an `EvalQuestion`, reporting every problem it
/// finds (unknown keys included, so a misspelt field is not silently ignored).
enum EvalQuestionParser {
    static let keys: Set<String> = ["id", "category", "difficulty", "passage", "question", "choices", "reference",
                                    "notes", "check", "facts"]

    /// The question, or nil with the problems appended (messages without the file and line).
    static func parse(_ line: String, problems: inout [String]) -> EvalQuestion? {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
        } catch {
            problems.append("not valid JSON")
            return nil
        }
        guard let fields = object as? [String: Any] else {
            problems.append("a question is a JSON object")
            return nil
        }
        let before = problems.count
        for key in fields.keys.sorted() where !keys.contains(key) {
            problems.append("unknown field \"\(key)\" (fields: \(keys.sorted().joined(separator: ", ")))")
        }
        let id = text(fields, "id", &problems)
        if let id, !isValidID(id) {
            problems.append("id \"\(id)\": use lower-case letters, digits, '-', '.' and '_'")
        }
        let category: EvalCategory? = text(fields, "category", &problems).flatMap { name in
            guard let c = EvalCategory(rawValue: name) else {
                problems.append("unknown category \"\(name)\" (known: \(EvalCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return c
        }
        let difficulty: EvalDifficulty? = text(fields, "difficulty", &problems).flatMap { name in
            guard let d = EvalDifficulty(rawValue: name) else {
                problems.append("unknown difficulty \"\(name)\" (known: \(EvalDifficulty.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return d
        }
        let passage = fields["passage"] == nil ? nil : text(fields, "passage", &problems)
        let question = text(fields, "question", &problems)
        let reference = text(fields, "reference", &problems)
        let notes = text(fields, "notes", &problems)
        var choices: [String] = []
        if let raw = fields["choices"] {
            if let list = raw as? [String], (2 ... 6).contains(list.count),
               list.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                choices = list
            } else {
                problems.append("\"choices\" must be a list of 2 to 6 non-empty strings")
            }
        }
        var check: EvalCheck?
        if let raw = fields["check"] {
            check = parseCheck(raw, choices: choices, reference: reference, problems: &problems)
        }
        var facts: [EvalFact] = []
        if let raw = fields["facts"] {
            if let list = raw as? [Any], !list.isEmpty {
                for (i, item) in list.enumerated() {
                    if let fact = parseFact(item, index: i, problems: &problems) { facts.append(fact) }
                }
            } else {
                problems.append("\"facts\" must be a non-empty list")
            }
        }
        guard problems.count == before, let id, let category, let difficulty, let question, let reference, let notes else {
            return nil
        }
        return EvalQuestion(id: id, category: category, difficulty: difficulty, passage: passage, question: question,
                            choices: choices, reference: reference, notes: notes, check: check, facts: facts)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "-" || $0 == "." || $0 == "_"
        }
    }

    /// A required non-empty string field.
    private static func text(_ fields: [String: Any], _ key: String, _ problems: inout [String]) -> String? {
        guard let raw = fields[key] else {
            problems.append("missing \"\(key)\"")
            return nil
        }
        guard let value = raw as? String, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            problems.append("\"\(key)\" must be a non-empty string")
            return nil
        }
        return value
    }

    private static func parseCheck(_ raw: Any, choices: [String], reference: String?,
                                   problems: inout [String]) -> EvalCheck? {
        guard let spec = raw as? [String: Any], let type = spec["type"] as? String else {
            problems.append("\"check\" must be an object with a \"type\"")
            return nil
        }
        switch type {
        case "choice":
            guard Set(spec.keys) == ["type", "answer"], let letter = spec["answer"] as? String else {
                problems.append("a choice check is {\"type\": \"choice\", \"answer\": LETTER}")
                return nil
            }
            let letters = choices.indices.map(EvalQuestion.letter)
            guard letters.contains(letter) else {
                problems.append(choices.isEmpty ? "a choice check needs \"choices\""
                                : "choice check answer \"\(letter)\" is not one of \(letters.joined(separator: ", "))")
                return nil
            }
            return .choice(letter: letter)
        case "conjugation":
            guard Set(spec.keys).isSubset(of: ["type", "verb", "tense", "person", "forms"]),
                  let verb = spec["verb"] as? String, !verb.isEmpty,
                  let tenseName = spec["tense"] as? String, let personCode = spec["person"] as? String else {
                problems.append("a conjugation check is {\"type\": \"conjugation\", \"verb\", \"tense\", \"person\"[, \"forms\"]}")
                return nil
            }
            guard let tense = Tense(rawValue: tenseName) else {
                problems.append("unknown tense \"\(tenseName)\" (known: \(Tense.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            guard let person = Person(code: personCode) else {
                problems.append("unknown person \"\(personCode)\" (known: \(Person.allCases.map(\.code).joined(separator: ", ")))")
                return nil
            }
            var forms: [String]
            if let raw = spec["forms"] {
                guard let list = raw as? [String], !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) else {
                    problems.append("conjugation check \"forms\" must be a non-empty list of strings")
                    return nil
                }
                forms = list
            } else {
                forms = reference.map { [$0] } ?? []
            }
            return .conjugation(verb: verb, tense: tense, person: person, forms: forms)
        default:
            problems.append("unknown check type \"\(type)\" (known: choice, conjugation)")
            return nil
        }
    }

    private static func parseFact(_ raw: Any, index: Int, problems: inout [String]) -> EvalFact? {
        let place = "facts[\(index)]"
        guard let fact = raw as? [String: Any] else {
            problems.append("\(place) must be an object")
            return nil
        }
        let strings = fact.compactMapValues { $0 as? String }
        guard strings.count == fact.count else {
            problems.append("\(place): every value must be a string")
            return nil
        }
        let keys = Set(strings.keys)
        if let noun = strings["noun"] {
            guard keys.isSubset(of: ["noun", "gender", "plural"]), keys.count > 1 else {
                problems.append("\(place): a noun fact is {\"noun\", \"gender\" and/or \"plural\"}")
                return nil
            }
            var gender: Gender?
            if let g = strings["gender"] {
                gender = Gender(rawValue: g)
                if gender == nil {
                    problems.append("\(place): gender \"\(g)\" is not m, f or n")
                    return nil
                }
            }
            return .noun(noun, gender: gender, plural: strings["plural"])
        }
        if let verb = strings["verb"] {
            if keys == ["verb", "tense", "person", "form"] {
                guard let tense = strings["tense"].flatMap(Tense.init(rawValue:)),
                      let person = strings["person"].flatMap(Person.init(code:)), let form = strings["form"] else {
                    problems.append("\(place): unknown tense or person")
                    return nil
                }
                return .verbForm(verb, tense: tense, person: person, form: form)
            }
            if keys.isSubset(of: ["verb", "participle", "auxiliary"]), keys.count > 1 {
                var auxiliary: Auxiliary?
                if let a = strings["auxiliary"] {
                    auxiliary = Auxiliary(rawValue: a)
                    if auxiliary == nil {
                        problems.append("\(place): auxiliary \"\(a)\" is not hunn or sinn")
                        return nil
                    }
                }
                return .participle(verb, participle: strings["participle"], auxiliary: auxiliary)
            }
        }
        problems.append("\(place): a fact is {noun, gender/plural}, {verb, tense, person, form} or {verb, participle/auxiliary}")
        return nil
    }
}
