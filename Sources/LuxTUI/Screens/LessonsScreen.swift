import Foundation
import LuxLearn
import LuxStore

/// Lessons: the installed packs with their progress, a look inside one (its units and their
/// items, PackBrowser), importing a pack from a path, and removing one (after a y/n question:
/// its cards' review history goes with it). A pack with problems is
/// not imported; every problem is listed as file:line: message.
final class LessonsScreen: Screen {
    let mode = Mode.lessons
    private let context: AppContext

    private struct Row {
        var listing: PackListing
        /// Cards answered at least once.
        var started: Int
    }

    private var rows: [Row] = []
    private var selected = 0
    private var pathField: TextField?
    private var problems: [String] = []
    private var problemsTitle = ""
    private var problemScroll = 0
    private var message: String?
    private var error: String?
    /// The pack whose removal waits for y.
    private var removing: PackListing?
    /// The pack being looked into.
    private var browser: PackBrowser?

    init(context: AppContext) {
        self.context = context
    }

    var hints: [KeyHint] {
        if pathField != nil { return [KeyHint("Enter", "Import"), KeyHint("Esc", "Cancel")] }
        if removing != nil { return [KeyHint("y", "Remove"), KeyHint("n", "Keep")] }
        if let browser { return browser.hints }
        if !problems.isEmpty { return [KeyHint("↑↓", "Scroll"), KeyHint("i", "Import again"), KeyHint("Esc", "Close")] }
        return [KeyHint("i", "Import a pack"), KeyHint("↑↓", "Choose"), KeyHint("Enter", "Units"), KeyHint("Del", "Remove")]
    }

    var helpKeys: [KeyHint] {
        [KeyHint("i", "import a pack: type its folder or .zip path"), KeyHint("Enter", "import (while typing)"),
         KeyHint("↑ / ↓", "choose a pack / scroll problems"), KeyHint("Enter", "the chosen pack's units, then a unit's items"),
         KeyHint("Del", "remove the chosen pack (asks first)"),
         KeyHint("Esc", "cancel / close the problems")]
    }

    func activate() {
        browser = nil
        reload()
    }

    private func reload() {
        do {
            rows = try PackCatalog.list(context.database).map { listing in
                let cards = try context.database.cards(packID: listing.pack.id)
                return Row(listing: listing, started: cards.filter { $0.lastReview != nil }.count)
            }
            error = nil
        } catch {
            self.error = "\(error)"
        }
        selected = max(0, min(selected, rows.count - 1))
    }

    func handle(_ key: Key) -> Bool {
        if var field = pathField {
            switch key {
            case .enter: importPack(at: field.text)
            case .escape: pathField = nil
            default:
                if field.handle(key) { pathField = field }
            }
            return true
        }
        if var open = browser {
            browser = open.handle(key) ? open : nil
            return true
        }
        if let pack = removing {
            // Only y removes; any other key keeps the pack.
            removing = nil
            if key == .char("y") || key == .char("Y") { remove(pack) }
            return true
        }
        switch key {
        case .char("i"):
            pathField = TextField()
            message = nil
        case .enter where problems.isEmpty && rows.indices.contains(selected):
            let listing = rows[selected].listing
            do {
                browser = PackBrowser(pack: listing, units: try PackCatalog.units(context.database, packID: listing.pack.id))
                message = nil
            } catch {
                self.error = "\(error)"
            }
        case .delete where problems.isEmpty && rows.indices.contains(selected):
            removing = rows[selected].listing
            message = nil
        case .up:
            if problems.isEmpty { selected = max(0, selected - 1) } else { problemScroll = max(0, problemScroll - 1) }
        case .down:
            if problems.isEmpty { selected = max(0, min(rows.count - 1, selected + 1)) } else { problemScroll = min(problems.count - 1, problemScroll + 1) }
        case .escape where !problems.isEmpty:
            problems = []
        default:
            return false
        }
        return true
    }

    private func importPack(at raw: String) {
        let path = (raw.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
        guard !path.isEmpty else { return }
        pathField = nil
        problems = []
        problemScroll = 0
        message = nil
        do {
            let pack = try LessonPack.load(path)
            let result = try PackImporter(database: context.database).importPack(pack, at: context.now())
            message = "Imported \(result.description)"
            context.flash("Imported \(pack.manifest.title)")
            reload()
            selected = rows.firstIndex { $0.listing.pack.id == result.packID } ?? selected
        } catch let found as PackProblems {
            problems = found.problems.map { $0.located(under: found.source).description }
            let n = problems.count
            problemsTitle = "Not imported: \(n) problem\(n == 1 ? "" : "s") in \(path)"
        } catch {
            problems = ["\(error)"]
            problemsTitle = "Not imported: \(path)"
        }
    }

    private func remove(_ listing: PackListing) {
        do {
            try context.database.deletePack(id: listing.pack.id)
            message = "Removed \(listing.pack.title) (\(listing.pack.id)) and its \(listing.cards) cards"
            context.flash("Removed \(listing.pack.title)")
        } catch {
            self.error = "\(error)"
        }
        reload()
    }

    func render(_ frame: Frame, in area: Rect) {
        if let browser {
            browser.render(frame, in: area)
            return
        }
        var y = 0
        if let pack = removing {
            let question = "Remove \(pack.pack.title) (\(pack.pack.id)) with its \(pack.cards) cards and their review "
                + "history? y removes it, any other key keeps it."
            for line in TextWrap.lines(question, width: area.width) {
                frame.text(line, in: area, row: y, role: .warning)
                y += 1
            }
            y += 1
        } else if let field = pathField {
            frame.text("Import a pack: the path of its folder (with pack.toml) or .zip", in: area, row: 0, role: .title)
            let x = frame.text("› ", x: area.x, y: area.y + 1, role: .accent)
            field.render(frame, row: Rect(x: x, y: area.y + 1, width: area.maxX - x, height: 1), placeholder: "e.g. ~/packs/a1-basics")
            y = 3
        } else if let message {
            for line in TextWrap.lines(message, width: area.width) {
                frame.text(line, in: area, row: y, role: .good)
                y += 1
            }
            y += 1
        }
        if let error {
            frame.text(CellWidth.truncate(error, to: area.width), in: area, row: y, role: .bad)
            y += 2
        }
        if !problems.isEmpty {
            renderProblems(frame, in: area.inset(top: y))
            return
        }
        renderPacks(frame, in: area.inset(top: y))
    }

    private func renderProblems(_ frame: Frame, in area: Rect) {
        frame.text(CellWidth.truncate(problemsTitle, to: area.width), in: area, row: 0, role: .bad)
        // One problem per entry; its continuation lines hang under it.
        var lines: [(String, Int)] = []
        for problem in problems {
            let wrapped = TextWrap.lines(problem, width: area.width - 4)
            lines += wrapped.enumerated().map { ($1, $0 == 0 ? 2 : 4) }
        }
        let room = area.height - 2
        let start = min(problemScroll, max(0, lines.count - room))
        for (i, (line, indent)) in lines.dropFirst(start).prefix(room).enumerated() {
            frame.text(line, in: area, row: 2 + i, indent: indent, role: indent == 2 ? .normal : .dim)
        }
    }

    private func renderPacks(_ frame: Frame, in area: Rect) {
        frame.text("Installed packs", in: area, row: 0, role: .title)
        guard !rows.isEmpty else {
            frame.text("None yet. Press i and type the path of a pack folder or .zip.", in: area, row: 2, indent: 2, role: .dim)
            return
        }
        let header = CellWidth.pad("Pack", to: 30) + CellWidth.pad("Level", to: 7) + CellWidth.pad("Version", to: 9)
            + CellWidth.pad("Items", to: 7) + "Progress"
        frame.text(header, in: area, row: 1, indent: 2, role: .dim)
        let room = max(1, area.height - 9)
        let start = max(0, min(selected - room / 2, rows.count - room))
        for (i, row) in rows.enumerated() where i >= start && i < start + room {
            let p = row.listing
            let progress = p.cards == 0 ? "no cards" : "\(row.started)/\(p.cards) cards started"
            let line = CellWidth.pad(p.pack.title, to: 29) + " " + CellWidth.pad(p.pack.level, to: 7)
                + CellWidth.pad(p.pack.version, to: 9) + CellWidth.pad(String(p.items), to: 7) + progress
            let r = 2 + i - start
            frame.text((i == selected ? "▸ " : "  ") + line, in: area, row: r, role: i == selected ? .highlight : .normal)
        }
        guard rows.indices.contains(selected) else { return }
        let p = rows[selected].listing.pack
        var y = min(area.height - 5, 3 + min(room, rows.count))
        frame.text("\(p.id) · by \(p.author ?? "unknown") · licence \(p.licence ?? "not given")", in: area, row: y, indent: 2, role: .dim)
        y += 1
        frame.text(CellWidth.truncate("from \(p.sourcePath)", to: area.width - 2), in: area, row: y, indent: 2, role: .dim)
        y += 1
        let l = rows[selected].listing
        frame.text("\(l.units) unit\(l.units == 1 ? "" : "s"), \(l.items) items, \(l.cards) cards"
                   + (l.retired > 0 ? ", \(l.retired) retired" : ""), in: area, row: y, indent: 2, role: .dim)
        if let description = p.description {
            for line in TextWrap.lines(description, width: area.width - 2).prefix(max(0, area.height - y - 2)) {
                y += 1
                frame.text(line, in: area, row: y, indent: 2)
            }
        }
    }
}
