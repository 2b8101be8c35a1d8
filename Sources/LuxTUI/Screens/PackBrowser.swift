import Foundation
import LuxLearn

/// Inside one pack on the Lessons screen: its units with their progress, and the items of a
/// unit, one line each. Esc goes back a level; the screen closes the browser at the top.
struct PackBrowser {
    let pack: PackListing
    let units: [UnitListing]
    private(set) var selected = 0
    /// The unit whose items are shown, and how far they are scrolled.
    private(set) var openUnit: Int?
    private var scroll = 0

    init(pack: PackListing, units: [UnitListing]) {
        self.pack = pack
        self.units = units
    }

    var hints: [KeyHint] {
        openUnit == nil ? [KeyHint("↑↓", "Choose"), KeyHint("Enter", "Open"), KeyHint("Esc", "Packs")]
            : [KeyHint("↑↓", "Scroll"), KeyHint("Esc", "Units")]
    }

    /// Handles a key; false when Esc leaves the browser.
    mutating func handle(_ key: Key) -> Bool {
        if let open = openUnit {
            switch key {
            case .up: scroll = max(0, scroll - 1)
            case .down: scroll = min(max(0, units[open].items.count - 1), scroll + 1)
            case .pageUp: scroll = max(0, scroll - 10)
            case .pageDown: scroll = min(max(0, units[open].items.count - 1), scroll + 10)
            case .escape: openUnit = nil
            default: break
            }
            return true
        }
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, units.count - 1), selected + 1)
        case .enter where units.indices.contains(selected):
            openUnit = selected
            scroll = 0
        case .escape: return false
        default: break
        }
        return true
    }

    func render(_ frame: Frame, in area: Rect) {
        if let open = openUnit { renderItems(of: units[open], frame, in: area) } else { renderUnits(frame, in: area) }
    }

    private func renderUnits(_ frame: Frame, in area: Rect) {
        frame.text(CellWidth.truncate("\(pack.pack.title): units", to: area.width), in: area, row: 0, role: .title)
        guard !units.isEmpty else {
            frame.text("This pack has no units.", in: area, row: 2, indent: 2, role: .dim)
            return
        }
        let header = CellWidth.pad("Unit", to: 40) + CellWidth.pad("Level", to: 7) + CellWidth.pad("Items", to: 7) + "Progress"
        frame.text(header, in: area, row: 1, indent: 2, role: .dim)
        let room = max(1, area.height - 5)
        let start = max(0, min(selected - room / 2, units.count - room))
        for (i, unit) in units.enumerated() where i >= start && i < start + room {
            let progress = unit.cards == 0 ? "no cards" : "\(unit.started)/\(unit.cards) cards started"
            let line = CellWidth.pad(unit.title, to: 39) + " " + CellWidth.pad(unit.level?.rawValue ?? "", to: 7)
                + CellWidth.pad(String(unit.items.count), to: 7) + progress
            frame.text((i == selected ? "▸ " : "  ") + line, in: area, row: 2 + i - start,
                       role: i == selected ? .highlight : .normal)
        }
        if units.indices.contains(selected), let theme = units[selected].theme {
            frame.text(CellWidth.truncate("Theme: \(theme)", to: area.width - 2), in: area,
                       row: min(area.height - 1, 3 + min(room, units.count)), indent: 2, role: .dim)
        }
    }

    private func renderItems(of unit: UnitListing, _ frame: Frame, in area: Rect) {
        let about = [unit.level?.rawValue, unit.theme].compactMap { $0 }.joined(separator: ", ")
        frame.text(CellWidth.truncate(unit.title + (about.isEmpty ? "" : " (\(about))"), to: area.width), in: area, row: 0, role: .title)
        guard !unit.items.isEmpty else {
            frame.text("No items.", in: area, row: 2, indent: 2, role: .dim)
            return
        }
        let room = max(1, area.height - 2)
        let start = min(scroll, max(0, unit.items.count - room))
        for (i, item) in unit.items.dropFirst(start).prefix(room).enumerated() {
            frame.text(CellWidth.truncate(item.summary, to: area.width - 2), in: area, row: 2 + i, indent: 2)
        }
    }
}
