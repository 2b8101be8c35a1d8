import Foundation
import LuxLearn
import LuxStore

/// The dictionary (the imported LOD): search as you type, whatever the case and diacritics,
/// inflected forms included ("gëss" finds ginn), with "did you mean" when nothing matches; Enter
/// opens an entry with gender, plural, conjugation table, translations and examples.
final class DictionaryScreen: Screen {
    let mode = Mode.dictionary
    private let context: AppContext
    private let dictionary: LuxDictionary

    private struct Result {
        var entry: DictionaryEntry
        var note: String?
    }

    private var input = TextField()
    private var searched = ""
    private var results: [Result] = []
    private var suggestions: [DictionarySuggestion] = []
    private var selected = 0
    private var opened: DictionaryEntry?
    private var scroll = 0
    private var entryLines = 0
    private var entryHeight = 1
    private var count = 0
    private var error: String?

    init(context: AppContext) {
        self.context = context
        dictionary = LuxDictionary(database: context.database)
    }

    var hints: [KeyHint] {
        opened != nil ? [KeyHint("↑↓", "Scroll"), KeyHint("Esc", "Back to results")]
            : [KeyHint("↑↓", "Choose"), KeyHint("Enter", "Open entry")]
    }

    var helpKeys: [KeyHint] {
        [KeyHint("type", "search: a headword or any form (gëss, geet)"), KeyHint("↑ / ↓", "choose a result / scroll"),
         KeyHint("Enter", "open the entry"), KeyHint("PgUp/PgDn", "scroll the entry"), KeyHint("Esc", "back to the results")]
    }

    func activate() {
        count = (try? dictionary.entryCount()) ?? 0
    }

    func handle(_ key: Key) -> Bool {
        if opened != nil {
            switch key {
            case .escape: opened = nil
            case .up: scroll = max(0, scroll - 1)
            case .down: scroll = max(0, min(entryLines - entryHeight, scroll + 1))
            case .pageUp: scroll = max(0, scroll - entryHeight / 2)
            case .pageDown: scroll = max(0, min(entryLines - entryHeight, scroll + entryHeight / 2))
            case .enter: break
            default:
                // Typing starts a new search.
                opened = nil
                return handle(key)
            }
            return true
        }
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = max(0, min(results.count - 1, selected + 1))
        case .enter:
            if results.indices.contains(selected) {
                opened = results[selected].entry
                scroll = 0
            } else if let first = suggestions.first {
                input.set(first.text)
                search()
            }
        case .escape where !input.isEmpty:
            input.clear()
            search()
        default:
            guard input.handle(key) else { return false }
            search()
        }
        return true
    }

    /// Entries the typed text is (or is a form of), then headwords starting with it.
    private func search() {
        let text = input.text.trimmingCharacters(in: .whitespaces)
        guard text != searched else { return }
        searched = text
        selected = 0
        results = []
        suggestions = []
        guard !text.isEmpty else { return }
        do {
            let found = try dictionary.lookup(text, limit: 30)
            var seen = Set<String>()
            for hit in found.hits where seen.insert(hit.entry.id).inserted {
                let note = hit.formDescription.map { "“\(hit.form ?? text)”: \($0)" }
                    ?? (hit.restoredN ? "with its final n (n-rule)" : nil)
                results.append(Result(entry: hit.entry, note: note))
            }
            for record in try context.database.dictionarySearch(prefix: DictionaryKey.normalize(text), limit: 20)
            where seen.insert(record.id).inserted {
                if let entry = try dictionary.entry(id: record.id) { results.append(Result(entry: entry, note: nil)) }
            }
            suggestions = results.isEmpty ? found.suggestions : []
            error = nil
        } catch {
            self.error = "\(error)"
        }
    }

    func render(_ frame: Frame, in area: Rect) {
        let x = frame.text("Search › ", x: area.x, y: area.y, role: .accent)
        input.render(frame, row: Rect(x: x, y: area.y, width: min(40, area.maxX - x), height: 1),
                     focused: opened == nil, placeholder: "a word or any of its forms")
        if count > 0 {
            let n = "\(count) entries"
            frame.text(n, x: area.maxX - CellWidth.of(n), y: area.y, role: .dim)
        }
        let body = area.inset(top: 2)
        if let error {
            frame.text(CellWidth.truncate(error, to: body.width), in: body, row: 0, role: .bad)
            return
        }
        if count == 0 {
            let text = "The dictionary is empty. Import the LOD (Lëtzebuergesch Online Dictionnaire) XML with "
                + "`lux dict import FILE`; its entries then show here."
            for (i, line) in TextWrap.lines(text, width: body.width).enumerated() {
                frame.text(line, in: body, row: i, role: .warning)
            }
            return
        }
        if let opened {
            renderEntry(frame, in: body, opened)
        } else {
            renderResults(frame, in: body)
        }
    }

    private func renderResults(_ frame: Frame, in area: Rect) {
        if results.isEmpty {
            guard !searched.isEmpty else {
                frame.text("Type to search; ë é ä can be typed or left out.", in: area, row: 0, role: .dim)
                return
            }
            frame.text("Nothing found for “\(searched)”.", in: area, row: 0, role: .warning)
            if !suggestions.isEmpty {
                let list = suggestions.map { $0.text == $0.headword ? $0.text : "\($0.text) (\($0.headword))" }
                frame.text(CellWidth.truncate("Did you mean: " + list.joined(separator: ", ") + "?  Enter takes the first.",
                                              to: area.width), in: area, row: 2, role: .normal)
            }
            return
        }
        let start = max(0, min(selected - area.height / 2, results.count - area.height))
        for (i, result) in results.enumerated() where i >= start && i < start + area.height {
            let row = i - start
            let e = result.entry
            var x = frame.text(i == selected ? "▸ " : "  ", in: area, row: row, role: .highlight)
            x = frame.text(e.headword, x: x, y: area.y + row, role: i == selected ? .highlight : .normal, limit: area.maxX)
            let pos = " " + Self.kind(e)
            x = frame.text(pos, x: x, y: area.y + row, role: .dim, limit: area.maxX)
            let english = e.english.prefix(3).joined(separator: ", ")
            let tail = [result.note, english.isEmpty ? nil : english].compactMap { $0 }.joined(separator: " · ")
            frame.text("  " + tail, x: x, y: area.y + row, role: .normal, limit: area.maxX)
        }
    }

    static func kind(_ e: DictionaryEntry) -> String {
        var text = e.partOfSpeech.rawValue
        if !e.genders.isEmpty { text += " " + e.genders.map(\.rawValue).joined(separator: "/") }
        return text
    }

    /// The entry as lines: forms first, then meanings with translations and examples.
    static func lines(_ e: DictionaryEntry, width: Int) -> [(String, Role)] {
        var out: [(String, Role)] = [(e.headword + "  " + kind(e), .title)]
        if !e.plurals.isEmpty { out.append(("plural: " + e.plurals.joined(separator: ", "), .normal)) }
        if e.pluralOnly { out.append(("only used in the plural", .normal)) }
        if !e.auxiliaries.isEmpty || !e.participles.isEmpty {
            let aux = e.auxiliaries.map(\.rawValue).joined(separator: " / ")
            out.append(("perfect: \(aux) + \(e.participles.joined(separator: " / "))", .normal))
        }
        if let c = e.comparative { out.append(("comparative: \(c)" + (e.superlative.map { ", superlative: \($0)" } ?? ""), .normal)) }
        for table in e.conjugations {
            out.append(("", .normal))
            out.append(("Conjugation (\(table.auxiliary?.rawValue ?? "–"))", .title))
            out += ConjugationText.lines(table, width: width - 2).map { ("  " + $0, .normal) }
        }
        for (i, sense) in e.senses.enumerated() {
            out.append(("", .normal))
            let head = "\(i + 1). " + (sense.phrase.map { "\($0): " } ?? "")
            let langs: [(String, [DictionaryEquivalent])] = [("en", sense.en), ("de", sense.de), ("fr", sense.fr), ("pt", sense.pt)]
            var first = true
            for (lang, equivalents) in langs where !equivalents.isEmpty {
                let text = equivalents.map { e in e.note.map { "\(e.text) (\($0))" } ?? e.text }.joined(separator: ", ")
                for line in TextWrap.lines((first ? head : String(repeating: " ", count: head.count)) + "\(lang): \(text)", width: width) {
                    out.append((line, lang == "en" ? .normal : .dim))
                }
                first = false
            }
            if first { out.append((head.trimmingCharacters(in: .whitespaces), .normal)) }
            for example in sense.examples {
                for line in TextWrap.lines("   „\(example.text)“" + (example.gloss.map { " — \($0)" } ?? ""), width: width) {
                    out.append((line, .accent))
                }
            }
            if !sense.synonyms.isEmpty { out.append(("   synonyms: " + sense.synonyms.joined(separator: ", "), .dim)) }
        }
        for reference in e.references { out.append(("see also: \(reference.target) (\(reference.label))", .dim)) }
        return out
    }

    private func renderEntry(_ frame: Frame, in area: Rect, _ entry: DictionaryEntry) {
        let lines = Self.lines(entry, width: area.width)
        entryLines = lines.count
        entryHeight = area.height
        scroll = min(scroll, max(0, lines.count - area.height))
        for (row, (text, role)) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            frame.text(text, in: area, row: row, role: role)
        }
        if lines.count > scroll + area.height {
            frame.text("↓ more", x: area.maxX - 6, y: area.maxY - 1, role: .dim)
        }
    }
}
