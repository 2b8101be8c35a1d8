import ArgumentParser
import Foundation
import LuxLearn
import LuxStore

/// `lux conjugate VERB`: a verb's full table from the dictionary.
struct Conjugate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conjugate",
        abstract: "Show a verb's conjugation table from the dictionary (LOD), or from the imported lesson packs.",
        discussion: """
            VERB is the infinitive or any form of it ("geet", "gaangen", "GEET"). Prints the persons \
            ech, du, hien/hatt/si, mir, dir, si against every tense the LOD gives: present, perfect, \
            imperative, then imperfect, pluperfect and the conditionals. A verb whose perfect takes either \
            hunn or sinn has a table for each.
            """
    )

    @Argument(help: "The verb, or a form of it.")
    var verb: [String]

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let word = verb.joined(separator: " ")
        let database = orExit { try LuxDatabase(paths: LuxPaths()) }
        let dictionary = LuxDictionary(database: database)
        let dictionaryEmpty = orExit { try dictionary.entryCount() } == 0
        let result = dictionaryEmpty ? nil : orExit { try dictionary.verb(word) }
        guard let result, let hit = result.verb else {
            // Not in the dictionary: the verbs of the imported lesson packs.
            let fromPacks = orExit { try PackVerbs.find(word, in: database) }
            if let match = fromPacks.first {
                printPackVerb(match, query: word)
                return
            }
            if dictionaryEmpty {
                exitWithError(CLIFailure(
                    "“\(word)” is in no imported pack, and the dictionary is empty: import the LOD with `lux dict import PATH`"))
            }
            guard let found = result?.lookup else { return }
            if found.hits.isEmpty {
                let hint = didYouMean(found.suggestions)
                exitWithError(CLIFailure("no entry for “\(word)”" + (hint.isEmpty ? "" : "; \(hint)")))
            }
            let what = found.hits.prefix(3).map { "\($0.entry.headword), \($0.entry.partOfSpeech.rawValue)" }
            exitWithError(CLIFailure(
                "“\(word)” is not a verb with a conjugation table in the dictionary (found: \(what.joined(separator: "; ")))"))
        }
        let found = result.lookup
        if json {
            printJSON(ConjugationJSON(hit))
            return
        }
        var out = ""
        if let line = matchLine(found.query, hit) { out += line + "\n" }
        let entry = hit.entry
        let english = entry.english.prefix(4).joined(separator: ", ")
        out += "\(entry.headword)  [\(entry.id)]" + (english.isEmpty ? "" : "  \(english)") + "\n"
        let width = terminalWidth()
        for table in entry.conjugations {
            var facts: [String] = []
            if let auxiliary = table.auxiliary { facts.append("perfect with \(auxiliary.rawValue)") }
            if !table.participles.isEmpty { facts.append("past participle \(table.participles.joined(separator: " / "))") }
            out += "\n" + (facts.isEmpty ? "" : facts.joined(separator: " · ") + "\n\n")
            out += ConjugationText.lines(table, width: width).joined(separator: "\n") + "\n"
        }
        let otherVerbs = found.hits.filter { $0.entry.id != entry.id && !$0.entry.conjugations.isEmpty && !$0.isPartOfForm }
        if !otherVerbs.isEmpty {
            out += "\nalso: " + otherVerbs.map { "\($0.entry.headword) [\($0.entry.id)]" }.joined(separator: ", ") + "\n"
        }
        print(out, terminator: "")
    }

    /// A verb from a lesson pack: its table as the pack gives it.
    private func printPackVerb(_ match: PackVerbs.Match, query: String) {
        let table = match.verb.table
        if json {
            var forms: [String: [String: [String]]] = [:]
            for tense in table.tenses {
                for person in Person.allCases where !table.forms(tense, person).isEmpty {
                    forms[tense.rawValue, default: [:]][person.code] = table.forms(tense, person)
                }
            }
            printJSON(PackConjugationJSON(pack: match.packID, item: match.itemID, headword: table.infinitive,
                                          matchedForm: match.form, english: match.verb.en,
                                          auxiliary: table.auxiliary?.rawValue, participles: table.participles, forms: forms))
            return
        }
        var out = ""
        if match.form != nil { out += "\(query) → \(table.infinitive)\n" }
        out += "\(table.infinitive)  [pack \(match.packID), \(match.itemID)]  \(match.verb.en.prefix(4).joined(separator: ", "))\n"
        var facts: [String] = []
        if let auxiliary = table.auxiliary { facts.append("perfect with \(auxiliary.rawValue)") }
        if !table.participles.isEmpty { facts.append("past participle \(table.participles.joined(separator: " / "))") }
        out += "\n" + (facts.isEmpty ? "" : facts.joined(separator: " · ") + "\n\n")
        out += ConjugationText.lines(table, width: terminalWidth()).joined(separator: "\n") + "\n"
        print(out, terminator: "")
    }

    /// `COLUMNS`, else the terminal's width, else 100 (output to a pipe or file).
    private func terminalWidth() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return Int(size.ws_col)
        }
        return 100
    }
}

/// `lux conjugate --json` for a verb found in a lesson pack.
private struct PackConjugationJSON: Encodable {
    let pack: String
    let item: String
    let headword: String
    let matchedForm: String?
    let english: [String]
    let auxiliary: String?
    let participles: [String]
    let forms: [String: [String: [String]]]
}

/// `lux conjugate --json`: the verb and its tables, cells keyed by tense and person code.
private struct ConjugationJSON: Encodable {
    struct Table: Encodable {
        let auxiliary: String?
        let participles: [String]
        /// tense -> person code ("1sg") -> accepted forms.
        let forms: [String: [String: [String]]]
    }

    let id: String
    let headword: String
    let matchedForm: String?
    let formDescription: String?
    let english: [String]
    let tables: [Table]

    init(_ hit: DictionaryHit) {
        id = hit.entry.id
        headword = hit.entry.headword
        matchedForm = hit.form
        formDescription = hit.formDescription
        english = hit.entry.english
        tables = hit.entry.conjugations.map { table in
            var forms: [String: [String: [String]]] = [:]
            for tense in table.tenses {
                for person in Person.allCases where !table.forms(tense, person).isEmpty {
                    forms[tense.rawValue, default: [:]][person.code] = table.forms(tense, person)
                }
            }
            return Table(auxiliary: table.auxiliary?.rawValue, participles: table.participles, forms: forms)
        }
    }
}
