import ArgumentParser
import Foundation
import LuxLearn
import LuxStore

/// `lux dict`: the Luxembourgish dictionary, from the LOD's open data (lod.lu, CC0).
struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dict",
        abstract: "The Luxembourgish dictionary (LOD): import it, look words up.",
        subcommands: [DictImport.self, DictLookup.self]
    )
}

/// `lux dict import PATH`
struct DictImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the LOD open data, replacing the dictionary.",
        discussion: """
            PATH is the LOD's XML folder (one file per entry: GOEN1.xml, ...) or the single XML file \
            as published (one <lod:LOD> holding every <lod:ITEM>). The old dictionary stays until the \
            whole import has succeeded.
            """
    )

    @Argument(help: "The LOD's XML folder or its single XML file.")
    var path: String

    func run() throws {
        let database = orExit { try LuxDatabase(paths: LuxPaths()) }
        let bar = ImportProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let summary: DictionaryImportSummary
        do {
            summary = try DictionaryImporter.run(from: path, into: database) { bar.update($0) }
        } catch {
            bar.clear()
            exitWithError(error)
        }
        bar.clear()
        print("imported \(summary.entries) entries and \(summary.forms) forms from \(path) in "
            + String(format: "%.1f s", summary.seconds))
    }
}

/// `lux dict lookup WORD`
struct DictLookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look a word up: a headword or any inflected form.",
        discussion: """
            Case and diacritics do not matter ("GEET" finds geet, "kennen" finds kënnen too), and a final \
            n dropped by the n-rule is put back ("kënne"). When nothing matches, close spellings are \
            suggested. Exits 1 when nothing matches.
            """
    )

    @Argument(help: "The word or form; several words are one phrase (ass gaangen).")
    var words: [String]

    @Flag(help: "Print JSON: every matching entry in full.")
    var json = false

    @Option(help: "Examples to show per meaning.")
    var examples = 2

    func run() throws {
        let dictionary = openDictionary()
        let query = words.joined(separator: " ")
        let found = orExit { try dictionary.lookup(query) }
        if json {
            printJSON(LookupJSON(found))
        } else {
            print(orExit { try DictionaryPrinter(dictionary: dictionary, examples: examples).text(found) }, terminator: "")
        }
        if found.hits.isEmpty { throw ExitCode(1) }
    }
}

// MARK: - Shared by dict and conjugate

/// The dictionary in the learner's database; exits with a hint when nothing was imported yet.
func openDictionary() -> LuxDictionary {
    let database = orExit { try LuxDatabase(paths: LuxPaths()) }
    let dictionary = LuxDictionary(database: database)
    if orExit({ try dictionary.entryCount() }) == 0 {
        exitWithError(CLIFailure(
            "the dictionary is empty; import the LOD first with `lux dict import PATH` (its XML folder or file)"))
    }
    return dictionary
}

/// "did you mean: geet (goen), gëtt (ginn)?", or "" without suggestions.
func didYouMean(_ suggestions: [DictionarySuggestion]) -> String {
    guard !suggestions.isEmpty else { return "" }
    let items = suggestions.map { $0.text == $0.headword ? $0.text : "\($0.text) (\($0.headword))" }
    return "did you mean: \(items.joined(separator: ", "))?"
}

/// How a hit relates to what was typed: "geet → goen (present 3sg)", or nil for a plain headword.
func matchLine(_ query: String, _ hit: DictionaryHit) -> String? {
    var notes: [String] = []
    if let description = hit.formDescription { notes.append(description) }
    if hit.restoredN { notes.append("n-rule: final n dropped") }
    guard !notes.isEmpty else { return nil }
    return "\(query) → \(hit.entry.headword) (\(notes.joined(separator: "; ")))"
}

func printJSON<T: Encodable>(_ value: T) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = orExit { try encoder.encode(value) }
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

// MARK: - Text output

/// Writes lookup results for a reader: how the word matched, then each entry with its
/// grammar, meanings, translations and a few examples.
private struct DictionaryPrinter {
    let dictionary: LuxDictionary
    let examples: Int
    /// Entries shown in full; the rest are listed by name.
    let shownInFull = 5

    func text(_ found: DictionaryLookup) throws -> String {
        guard !found.hits.isEmpty else {
            let hint = didYouMean(found.suggestions)
            return "no entry for “\(found.query)”" + (hint.isEmpty ? "" : "; \(hint)") + "\n"
        }
        let shown = found.hits.prefix(shownInFull)
        var out = ""
        for hit in shown {
            if !out.isEmpty { out += "\n" }
            if let line = matchLine(found.query, hit) { out += line + "\n\n" }
            out += try entryText(hit.entry)
        }
        // Entries left out, and those the word is only part of a form of ("geet" in "geet op").
        let others = found.hits.dropFirst(shownInFull).map { hit in
            hit.formDescription.map { "\(hit.entry.headword) (\(Self.shortDescription($0)))" } ?? hit.entry.headword
        } + found.related.map { "\($0.headword) (\(Self.shortDescription($0.formDescription)))" }
        if !others.isEmpty {
            let more = others.count > 12 ? ", and \(others.count - 12) more" : ""
            out += "\nalso: \(others.prefix(12).joined(separator: ", "))\(more)\n"
        }
        return out
    }

    /// "present 3sg (in “geet op”)" is shown as the form it is part of: "geet op".
    private static func shortDescription(_ description: String) -> String {
        guard let open = description.firstIndex(of: "“"), let close = description.firstIndex(of: "”"), open < close
        else { return description }
        return String(description[description.index(after: open) ..< close])
    }

    private func entryText(_ entry: DictionaryEntry) throws -> String {
        var out = "\(entry.headword)  [\(entry.id)]  \(grammar(entry))\n"
        for reference in entry.references {
            let target = try dictionary.entry(id: reference.target)?.headword ?? reference.target
            out += "  \(reference.label) \(target) [\(reference.target)]\n"
        }
        for (index, sense) in entry.senses.enumerated() {
            var lines: [String] = []
            let phrase = sense.phrase.map { "\($0) — " } ?? ""
            let english = equivalents(sense.en)
            lines.append(phrase + (english.isEmpty ? "" : "en: \(english)"))
            let others = [("de", sense.de), ("fr", sense.fr), ("pt", sense.pt)]
                .filter { !$0.1.isEmpty }.map { "\($0.0): \(equivalents($0.1))" }
            if !others.isEmpty { lines.append(others.joined(separator: " · ")) }
            for example in sense.examples.prefix(max(0, examples)) {
                lines.append("› \(example.text)" + (example.gloss.map { "  (= \($0))" } ?? ""))
            }
            if !sense.synonyms.isEmpty { lines.append("synonyms: \(sense.synonyms.joined(separator: ", "))") }
            let number = "\(index + 1). "
            let indent = String(repeating: " ", count: 2 + number.count)
            out += "  " + number + lines.filter { !$0.isEmpty }.joined(separator: "\n" + indent) + "\n"
        }
        return out
    }

    /// "verb · perfect with sinn · past participle gaangen, gaang", "noun · neuter · plural Haiser".
    private func grammar(_ entry: DictionaryEntry) -> String {
        var parts = [entry.partOfSpeech.rawValue]
        if let category = entry.category { parts[0] += " (\(category.lowercased()))" }
        let genders: [String] = entry.genders.map {
            switch $0 {
            case .masculine: "masculine"
            case .feminine: "feminine"
            case .neuter: "neuter"
            }
        }
        if !genders.isEmpty { parts.append(genders.joined(separator: " or ")) }
        if !entry.plurals.isEmpty { parts.append("plural \(entry.plurals.joined(separator: ", "))") }
        if entry.pluralOnly { parts.append("plural only") }
        if !entry.auxiliaries.isEmpty {
            parts.append("perfect with \(entry.auxiliaries.map(\.rawValue).joined(separator: " or "))")
        }
        if !entry.participles.isEmpty { parts.append("past participle \(entry.participles.joined(separator: ", "))") }
        if let comparative = entry.comparative { parts.append(comparative) }
        if let superlative = entry.superlative { parts.append(superlative) }
        return parts.joined(separator: " · ")
    }

    private func equivalents(_ list: [DictionaryEquivalent]) -> String {
        list.map { item in item.note.map { "\(item.text) (\($0))" } ?? item.text }.joined(separator: ", ")
    }
}

// MARK: - JSON output

private struct LookupJSON: Encodable {
    struct Hit: Encodable {
        let id: String
        let headword: String
        let form: String?
        let description: String?
        let restoredN: Bool
        let partOfForm: Bool
        let entry: DictionaryEntry
    }

    struct Suggestion: Encodable {
        let text: String
        let headword: String
        let id: String
        let distance: Int
    }

    let query: String
    let hits: [Hit]
    let suggestions: [Suggestion]

    init(_ found: DictionaryLookup) {
        query = found.query
        hits = found.hits.map {
            Hit(id: $0.entry.id, headword: $0.entry.headword, form: $0.form, description: $0.formDescription,
                restoredN: $0.restoredN, partOfForm: $0.isPartOfForm, entry: $0.entry)
        }
        suggestions = found.suggestions.map {
            Suggestion(text: $0.text, headword: $0.headword, id: $0.entryID, distance: $0.distance)
        }
    }
}

// MARK: - Progress

/// A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr
/// is not a terminal.
private final class ImportProgressBar {
    private let enabled: Bool
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: LODReadProgress) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= 100_000_000 || progress.bytesRead == progress.totalBytes else { return }
        lastDraw = now
        let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytesRead) / Double(progress.totalBytes)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\rimporting [\(bar)] \(String(format: "%3d", Int(fraction * 100)))%  \(progress.entries) entries"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
