import Foundation

/// Reads a vocabulary list in CSV or TSV with Anki's file headers (`#separator:Tab`,
/// `#html:false`, `#columns:id<TAB>lb<TAB>en`, `#deck:family`, `#guid column:1`, ...). Each row
/// is one vocabulary item; the deck (a `#deck:` header or a deck column) is the item's unit.
struct VocabListParser {
    let file: String
    let log: ProblemLog
    let ids: IDRegistry
    let units: [String: UnitInfo]
    let declaredUnits: [String]

    /// Our field names, and Anki's Basic note type's names for the first two.
    static let fields = ["id", "lb", "pos", "gender", "plural", "en", "alternatives", "example_lb", "example_en",
                         "note", "unit"]
    static let aliases = ["front": "lb", "back": "en", "deck": "unit"]
    static let headerKeys = ["separator", "html", "tags", "columns", "notetype", "deck",
                             "notetype column", "deck column", "tags column", "guid column"]

    private enum Role: Equatable {
        case field(String)
        /// Tags and note types mean nothing to a lesson pack.
        case ignored
    }

    private struct Headers {
        var values: [String: (value: String, line: Int)] = [:]
        /// Where the records begin.
        var bodyStart: String.Index
        var bodyLine: Int
    }

    func parse(text: String) -> [PackItem] {
        let headers = readHeaders(text)
        guard let separator = separator(headers) else { return [] }
        let html = htmlFlag(headers)
        let body = text[headers.bodyStart...]
        let (records, quoteProblems) = DelimitedText.records(of: body, firstLine: headers.bodyLine, separator: separator)
        for problem in quoteProblems { log.add(file, problem.line, problem.message) }
        let rows = records.filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        let deck = headers.values["deck"]
        if let deck, !declaredUnits.contains(deck.value) {
            log.add(file, deck.line, "deck \"\(deck.value)\" is not a unit declared in pack.toml (\(declaredList))")
        }
        guard let columns = roles(headers, separator: separator, firstRow: rows.first) else { return [] }
        if deck == nil, !columns.contains(.field("unit")), !rows.isEmpty {
            log.add(file, headers.bodyLine, "no unit: add a #deck:UNIT header (a unit id from pack.toml) or a unit column")
            return []
        }
        var items: [PackItem] = []
        for row in rows {
            guard row.fields.count == columns.count else {
                log.add(file, row.line, "row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"); "
                    + "the columns are \(columns.count) (\(columnNames(columns)))")
                continue
            }
            var values: [String: String] = [:]
            for (role, raw) in zip(columns, row.fields) {
                guard case .field(let name) = role else { continue }
                let text = (html ? HTMLText.plain(raw) : raw).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { values[name] = text }
            }
            if let item = vocab(values, line: row.line, deck: deck?.value) { items.append(item) }
        }
        return items
    }

    /// Anki's GUIDs use characters ids may not ("f!Kx#9/..."): such a GUID becomes "anki-"
    /// and its bytes in hex, still stable across exports.
    static func id(fromGUID guid: String) -> String {
        if PackIDs.problem(with: guid) == nil { return guid }
        return "anki-" + guid.utf8.map { String(format: "%02x", $0) }.joined()
    }

    private var declaredList: String {
        declaredUnits.isEmpty ? "pack.toml declares none" : "declared: \(declaredUnits.joined(separator: ", "))"
    }

    // MARK: - Headers

    /// `#key:value` lines at the top of the file (Anki's old `tags:` line may come first).
    /// Other lines starting with # are comments, unless they look like a misspelt header.
    private func readHeaders(_ text: String) -> Headers {
        var headers = Headers(bodyStart: text.startIndex, bodyLine: 1)
        var index = text.startIndex
        var line = 1
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[index ..< lineEnd].trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            let isOldTags = line == 1 && content.lowercased().hasPrefix("tags:")
            guard content.hasPrefix("#") || isOldTags else { break }
            if content.hasPrefix("#"), let colon = content.firstIndex(of: ":") {
                let key = content[content.index(after: content.startIndex) ..< colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = String(content[content.index(after: colon)...])
                if Self.headerKeys.contains(key) {
                    if headers.values[key] != nil {
                        log.add(file, line, "header #\(key) is given twice")
                    }
                    headers.values[key] = (key == "separator" ? value : value.trimmingCharacters(in: .whitespaces), line)
                } else if !key.contains(" ") || key.hasSuffix("column"),
                          let near = TextLists.nearest(to: key, in: Self.headerKeys, allowPrefix: false) {
                    log.add(file, line, "unknown header #\(key) (did you mean #\(near)?)")
                }
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            line += 1
        }
        headers.bodyStart = index
        headers.bodyLine = line
        return headers
    }

    private func separator(_ headers: Headers) -> Unicode.Scalar? {
        guard let header = headers.values["separator"] else {
            return file.lowercased().hasSuffix(".tsv") ? "\t" : ","
        }
        let named: [String: Unicode.Scalar] = ["comma": ",", "semicolon": ";", "tab": "\t", "space": " ",
                                               "pipe": "|", "colon": ":"]
        let trimmed = header.value.trimmingCharacters(in: .whitespaces)
        if let scalar = named[trimmed.lowercased()] { return scalar }
        let literal = trimmed.isEmpty ? header.value : trimmed
        if literal.unicodeScalars.count == 1, let scalar = literal.unicodeScalars.first, scalar != "\"" {
            return scalar
        }
        log.add(file, header.line, "#separator \"\(header.value)\" is not Comma, Semicolon, Tab, Space, Pipe, Colon or one character")
        return nil
    }

    private func htmlFlag(_ headers: Headers) -> Bool {
        guard let header = headers.values["html"] else { return false }
        switch header.value.lowercased() {
        case "true": return true
        case "false": return false
        default:
            log.add(file, header.line, "#html must be true or false, not \"\(header.value)\"")
            return false
        }
    }

    /// What each column holds: from `#columns` names and the `... column:N` headers, else
    /// Anki's Basic layout (front = Luxembourgish, back = English).
    private func roles(_ headers: Headers, separator: Unicode.Scalar, firstRow: DelimitedText.Record?) -> [Role]? {
        var roles: [Role]
        var ok = true
        if let columns = headers.values["columns"] {
            roles = []
            for name in columns.value.unicodeScalars.split(separator: separator).map({ String(String.UnicodeScalarView($0)) }) {
                let key = name.trimmingCharacters(in: .whitespaces).lowercased()
                if Self.fields.contains(key) {
                    roles.append(.field(key))
                } else if let alias = Self.aliases[key] {
                    roles.append(.field(alias))
                } else if key == "guid" {
                    roles.append(.field("guid"))
                } else if key == "tags" || key == "notetype" {
                    roles.append(.ignored)
                } else {
                    let hint = TextLists.nearest(to: key, in: Self.fields).map { " (did you mean \"\($0)\"?)" }
                        ?? " (known: \(Self.fields.joined(separator: ", ")))"
                    log.add(file, columns.line, "unknown column \"\(name.trimmingCharacters(in: .whitespaces))\"\(hint)")
                    roles.append(.ignored)
                    ok = false
                }
            }
        } else {
            let count = firstRow?.fields.count ?? 2
            roles = Array(repeating: .ignored, count: count)
        }
        let special: [(header: String, role: Role)] = [("guid column", .field("guid")), ("deck column", .field("unit")),
                                                        ("tags column", .ignored), ("notetype column", .ignored)]
        var specialIndexes: Set<Int> = []
        for (header, role) in special {
            guard let value = headers.values[header] else { continue }
            guard let number = Int(value.value), number >= 1 else {
                log.add(file, value.line, "#\(header) must be a column number (1, 2, ...), not \"\(value.value)\"")
                ok = false
                continue
            }
            while roles.count < number { roles.append(.ignored) }
            roles[number - 1] = role
            specialIndexes.insert(number - 1)
        }
        if headers.values["columns"] == nil {
            // Anki's Basic note type: the first regular column is the front, the second the back.
            let regular = roles.indices.filter { !specialIndexes.contains($0) }
            for (position, index) in regular.enumerated() {
                switch position {
                case 0: roles[index] = .field("lb")
                case 1: roles[index] = .field("en")
                default:
                    log.add(file, firstRow?.line ?? headers.bodyLine,
                            "column \(index + 1) has no name: add a #columns header naming every column")
                    ok = false
                }
            }
        }
        var seen: Set<String> = []
        for case .field(let name) in roles where !seen.insert(name).inserted {
            log.add(file, headers.values["columns"]?.line ?? headers.bodyLine, "two columns hold \(name)")
            ok = false
        }
        if ok {
            for required in ["lb", "en"] where !seen.contains(required) {
                log.add(file, headers.values["columns"]?.line ?? headers.bodyLine, "no \(required) column")
                ok = false
            }
        }
        return ok ? roles : nil
    }

    private func columnNames(_ roles: [Role]) -> String {
        roles.map { if case .field(let name) = $0 { name } else { "-" } }.joined(separator: ", ")
    }

    // MARK: - Rows

    private func vocab(_ values: [String: String], line: Int, deck: String?) -> PackItem? {
        var ok = true
        func problem(_ message: String) {
            log.add(file, line, message)
            ok = false
        }
        func list(_ key: String) -> [String] {
            guard let text = values[key] else { return [] }
            let parts = TextLists.splitAlternatives(text)
            if parts.contains(where: \.isEmpty) { problem("\(key) has an empty alternative around \" / \"") }
            return parts.filter { !$0.isEmpty }
        }
        let lb = values["lb"]
        if lb == nil { problem("lb (the Luxembourgish word) is empty") }
        let en = list("en")
        if en.isEmpty { problem("en (the English gloss) is empty") }
        guard let id = values["id"] ?? values["guid"].map(Self.id(fromGUID:)) ?? lb.flatMap(PackIDs.derived(from:)) else {
            if lb != nil { problem("cannot make an id from \"\(lb ?? "")\": add an id column") }
            return nil
        }
        if let reason = PackIDs.problem(with: id) {
            problem("id \"\(id)\" \(reason)")
        } else {
            ids.add(id, kind: "vocab", file: file, line: line)
        }
        let label = "vocab \"\(id)\""
        var unit = deck
        if let own = values["unit"] {
            unit = own
            if !declaredUnits.contains(own) { problem("\(label): unit \"\(own)\" is not declared in pack.toml (\(declaredList))") }
        }
        var pos: PartOfSpeech?
        if let text = values["pos"] {
            pos = PartOfSpeech(rawValue: text.lowercased())
            if pos == nil { problem("\(label): pos \"\(text)\" is not a part of speech (\(PartOfSpeech.allCases.map(\.rawValue).joined(separator: ", ")))") }
        }
        var gender: Gender?
        if let text = values["gender"] {
            gender = Gender(rawValue: text.lowercased())
            if gender == nil { problem("\(label): gender \"\(text)\" is not m, f or n") }
        }
        let effectivePOS = pos ?? (values["gender"] != nil ? .noun : .other)
        let plural = list("plural")
        if effectivePOS == .noun, values["gender"] == nil { problem("\(label): a noun needs a gender (m, f or n)") }
        if effectivePOS != .noun, values["gender"] != nil { problem("\(label): gender is only for nouns") }
        if effectivePOS != .noun, !plural.isEmpty { problem("\(label): plural is only for nouns") }
        var example: Example?
        switch (values["example_lb"], values["example_en"]) {
        case let (lb?, en?): example = Example(lb: lb, en: en)
        case (_?, nil): problem("\(label): example_lb needs example_en")
        case (nil, _?): problem("\(label): example_en needs example_lb")
        case (nil, nil): break
        }
        let alternatives = list("alternatives")
        if unit == nil { problem("\(label): no unit: fill its unit column or add a #deck:UNIT header") }
        guard ok, let lb, let unit else { return nil }
        let item = VocabItem(unit: unit, lb: lb, pos: effectivePOS, gender: gender, plural: plural, en: en,
                             alternatives: alternatives, example: example, note: values["note"])
        return PackItem(id: id, content: .vocab(item), file: file, line: line)
    }
}

/// Turns an HTML field (Anki's `#html:true`) into plain text: tags dropped, `<br>` as a newline,
/// character references decoded.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let c = html[index]
            if c == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index) ..< close].lowercased()
                if tag.hasPrefix("br") || tag.hasPrefix("/p") || tag.hasPrefix("/div") { text.append("\n") }
                index = html.index(after: close)
            } else if c == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";"),
                      let decoded = entity(String(html[html.index(after: index) ..< semicolon])) {
                text.append(decoded)
                index = html.index(after: semicolon)
            } else {
                text.append(c)
                index = html.index(after: index)
            }
        }
        return text
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default:
            let number = name.hasPrefix("#x") || name.hasPrefix("#X")
                ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
