import Foundation
import LuxTOML

/// Reads the fields of one TOML table (a file's root, or one `[[vocab]]` entry) for the pack
/// parser. Each problem is noted at the line of its key, or at the table's header when the key
/// is missing, and reading goes on, so one pass finds everything wrong with the table.
struct TableReader {
    let table: TOMLTableNode
    let ref: TOMLLocator.TableRef
    let file: String
    let locator: TOMLLocator
    let log: ProblemLog
    /// How messages name the table, e.g. `vocab "kaz"` or `pack.toml`; set once the id is read.
    var label: String

    /// The line of `key`, or of the table when the key is absent or nil.
    func line(_ key: String? = nil) -> Int? {
        if let key, let line = locator.line(ofKey: key, in: ref) { return line }
        return locator.line(of: ref)
    }

    func problem(_ key: String?, _ message: String) {
        log.add(file, line(key), label.isEmpty ? message : "\(label): \(message)")
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    // MARK: - Typed fields

    /// A text field, trimmed. A missing or empty required field is a problem; an empty optional
    /// one counts as absent.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = table[key] else {
            if required { problem(nil, "missing \(key)") }
            return nil
        }
        guard let text = value.string else {
            problem(key, "\(key) must be text in quotes, not \(Self.describe(value))")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { problem(key, "\(key) is empty") }
            return nil
        }
        return trimmed
    }

    /// A list of texts: an array of strings, or one string whose alternatives are separated by
    /// " / ". Nil (after noting why) when absent or malformed; a required list must not be empty.
    func list(_ key: String, required: Bool = false) -> [String]? {
        guard let value = table[key] else {
            if required { problem(nil, "missing \(key)") }
            return nil
        }
        var result: [String] = []
        if let text = value.string {
            let parts = TextLists.splitAlternatives(text)
            if parts.contains(where: \.isEmpty), !text.trimmingCharacters(in: .whitespaces).isEmpty {
                problem(key, "\(key) has an empty alternative around \" / \"")
                return nil
            }
            result = parts.filter { !$0.isEmpty }
        } else if let array = value.array {
            for (index, element) in array.enumerated() {
                guard let text = element.string else {
                    problem(key, "\(key) item \(index + 1) must be text in quotes, not \(Self.describe(element))")
                    return nil
                }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else {
                    problem(key, "\(key) item \(index + 1) is empty")
                    return nil
                }
                result.append(trimmed)
            }
        } else {
            problem(key, "\(key) must be text or a list of texts, not \(Self.describe(value))")
            return nil
        }
        if result.isEmpty {
            if required { problem(key, "\(key) is empty") }
            return required ? nil : []
        }
        return result
    }

    /// The cells of a verb tense: exactly `count` entries, each a form ("gees", or "si gaangen /
    /// gaang" with alternatives) or a list of forms. Nil when absent or wrong.
    func cells(_ key: String, count: Int, persons: String) -> [[String]]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            problem(key, "\(key) must be a list of \(count) forms (\(persons)), not \(Self.describe(value))")
            return nil
        }
        guard array.count == count else {
            problem(key, "\(key) has \(array.count) form\(array.count == 1 ? "" : "s"); it needs \(count) (\(persons))")
            return nil
        }
        var cells: [[String]] = []
        for (index, element) in array.enumerated() {
            var forms: [String] = []
            if let text = element.string {
                forms = ConjugationTable.alternatives(inCell: text)
            } else if let inner = element.array {
                for form in inner {
                    guard let text = form.string else {
                        problem(key, "\(key) form \(index + 1) must hold text, not \(Self.describe(form))")
                        return nil
                    }
                    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { forms.append(trimmed) }
                }
            } else {
                problem(key, "\(key) form \(index + 1) must be text, not \(Self.describe(element))")
                return nil
            }
            guard !forms.isEmpty else {
                problem(key, "\(key) form \(index + 1) is empty")
                return nil
            }
            cells.append(forms)
        }
        return cells
    }

    /// A text field that must be one of a fixed set of values.
    func choice<T>(_ key: String, required: Bool = false, expected: String, _ parse: (String) -> T?) -> T? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = parse(text) else {
            problem(key, "\(key) \"\(text)\" is not \(expected)")
            return nil
        }
        return value
    }

    func level(_ key: String = "level", required: Bool = false) -> CEFRLevel? {
        choice(key, required: required, expected: "a CEFR level (A1, A2, B1, B2 or C1)") {
            CEFRLevel(rawValue: $0.uppercased())
        }
    }

    /// An id: required, and written so it can name cards and files.
    func id(_ key: String = "id") -> String? {
        guard let text = string(key, required: true) else { return nil }
        if let reason = PackIDs.problem(with: text) {
            problem(key, "\(key) \"\(text)\" \(reason)")
            return nil
        }
        return text
    }

    /// Notes every key not in `known`, suggesting the nearest known one.
    func rejectUnknownKeys(known: [String]) {
        for key in table.keys where !known.contains(key) {
            if let near = TextLists.nearest(to: key, in: known) {
                problem(key, "unknown key \"\(key)\" (did you mean \"\(near)\"?)")
            } else {
                problem(key, "unknown key \"\(key)\" (known keys: \(known.joined(separator: ", ")))")
            }
        }
    }

    static func describe(_ value: TOMLNode) -> String { value.kindDescription }
}
