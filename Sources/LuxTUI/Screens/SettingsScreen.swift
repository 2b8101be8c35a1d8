import Foundation
import LuxLearn
import LuxStore

/// Settings, saved as soon as a value is accepted: model path, threads, temperature and top-p,
/// daily limits, desired retention, the tutor's level and the model's context length.
final class SettingsScreen: Screen {
    let mode = Mode.settings
    private let context: AppContext

    enum Field: Int, CaseIterable {
        case modelPath, threads, temperature, topP, newPerDay, reviewsPerDay, retention, level, contextLength

        var label: String {
            switch self {
            case .modelPath: "Model path"
            case .threads: "Threads"
            case .temperature: "Temperature"
            case .topP: "Top-p"
            case .newPerDay: "New cards a day"
            case .reviewsPerDay: "Reviews a day"
            case .retention: "Desired retention"
            case .level: "Tutor level"
            case .contextLength: "Context length"
            }
        }

        var help: String {
            switch self {
            case .modelPath: "A GGUF file; empty: LUX_MODEL, else the default model in the data folder."
            case .threads: "Worker threads for the model; empty: one per physical core."
            case .temperature: "0 always picks the likeliest word; up to 2 for wilder replies."
            case .topP: "Sample from the likeliest words adding up to this share (0.05-1)."
            case .newPerDay: "Most cards seen for the first time per study day."
            case .reviewsPerDay: "Most reviews of learnt cards per study day."
            case .retention: "How likely you should be to remember a card when it comes back (0.70-0.99)."
            case .level: "Your level for the chat tutor: A1, A2, B1, B2 or C1."
            case .contextLength: "Tokens of conversation the model keeps in view (256-131072); longer costs memory. "
                + "Empty: 4096, or less if the model was trained shorter."
            }
        }
    }

    private var selected = Field.modelPath
    private var editing: TextField?
    private var error: String?
    private var engine = EngineSettings()
    private var study = StudySettings()

    init(context: AppContext) {
        self.context = context
    }

    func activate() {
        engine = context.engineSettings
        do {
            study = try context.studySettings()
            error = nil
        } catch {
            self.error = "\(error)"
        }
        editing = nil
    }

    var hints: [KeyHint] {
        editing != nil ? [KeyHint("Enter", "Save"), KeyHint("Esc", "Cancel")]
            : [KeyHint("↑↓", "Choose"), KeyHint("Enter", "Edit")]
    }

    var helpKeys: [KeyHint] {
        [KeyHint("↑ / ↓", "choose a setting"), KeyHint("Enter", "edit it / save it"),
         KeyHint("Esc", "cancel the edit")]
    }

    func value(_ field: Field) -> String {
        switch field {
        case .modelPath: engine.modelPath ?? ""
        case .threads: engine.threads.map(String.init) ?? ""
        case .temperature: String(format: "%.2f", engine.temperature)
        case .topP: String(format: "%.2f", engine.topP)
        case .newPerDay: String(study.newCardsPerDay)
        case .reviewsPerDay: String(study.reviewsPerDay)
        case .retention: String(format: "%.2f", study.desiredRetention)
        case .level: TutorPrompt.level(in: context.database).rawValue
        case .contextLength: engine.contextLength.map(String.init) ?? ""
        }
    }

    func handle(_ key: Key) -> Bool {
        if var field = editing {
            switch key {
            case .enter:
                save(field.text)
            case .escape:
                editing = nil
                error = nil
            default:
                if field.handle(key) { editing = field }
            }
            return true
        }
        switch key {
        case .up: selected = Field(rawValue: max(0, selected.rawValue - 1)) ?? selected
        case .down: selected = Field(rawValue: min(Field.allCases.count - 1, selected.rawValue + 1)) ?? selected
        case .enter:
            editing = TextField(value(selected))
            error = nil
        default: return false
        }
        return true
    }

    /// Checks and stores the edited value; on a bad value the field stays open with the reason.
    private func save(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var newEngine = engine
        var newStudy = study
        func number(_ range: ClosedRange<Double>) -> Double? {
            guard let v = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(v) else {
                error = "\(selected.label): \"\(text)\" is not a number from \(range.lowerBound) to \(range.upperBound)"
                return nil
            }
            return v
        }
        func count(_ range: ClosedRange<Int>) -> Int? {
            guard let v = Int(text), range.contains(v) else {
                error = "\(selected.label): \"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)"
                return nil
            }
            return v
        }
        switch selected {
        case .modelPath:
            let path = (text as NSString).expandingTildeInPath
            if !text.isEmpty, !FileManager.default.fileExists(atPath: path) {
                error = "Model path: there is no file at \(path)"
                return
            }
            newEngine.modelPath = text.isEmpty ? nil : path
        case .threads:
            if text.isEmpty { newEngine.threads = nil } else {
                guard let v = count(1 ... 256) else { return }
                newEngine.threads = v
            }
        case .temperature:
            guard let v = number(0 ... 2) else { return }
            newEngine.temperature = v
        case .topP:
            guard let v = number(0.05 ... 1) else { return }
            newEngine.topP = v
        case .newPerDay:
            guard let v = count(0 ... 9999) else { return }
            newStudy.newCardsPerDay = v
        case .reviewsPerDay:
            guard let v = count(0 ... 99999) else { return }
            newStudy.reviewsPerDay = v
        case .retention:
            guard let v = number(0.7 ... 0.99) else { return }
            newStudy.desiredRetention = v
        case .contextLength:
            if text.isEmpty { newEngine.contextLength = nil } else {
                guard let v = count(256 ... 131_072) else { return }
                newEngine.contextLength = v
            }
        case .level:
            guard let level = CEFRLevel(rawValue: text.uppercased()) else {
                error = "Tutor level: \"\(text)\" is not one of A1, A2, B1, B2, C1"
                return
            }
            do {
                try context.database.setSetting(TutorPrompt.levelKey, to: level.rawValue)
            } catch {
                self.error = "\(error)"
                return
            }
        }
        do {
            if newEngine != engine {
                try context.saveEngineSettings(newEngine)
                engine = newEngine
            }
            if newStudy != study {
                try newStudy.save(to: context.database)
                study = newStudy
            }
            editing = nil
            error = nil
            context.flash("Saved \(selected.label.lowercased())")
        } catch {
            self.error = "\(error)"
        }
    }

    func render(_ frame: Frame, in area: Rect) {
        frame.text("Settings are saved as soon as you press Enter.", in: area, row: 0, role: .dim)
        let labelWidth = 20
        for field in Field.allCases {
            let y = 2 + field.rawValue
            let isSelected = field == selected
            frame.text((isSelected ? "▸ " : "  ") + field.label, in: area, row: y, role: isSelected ? .highlight : .normal)
            let valueRect = Rect(x: area.x + labelWidth + 2, y: area.y + y, width: area.width - labelWidth - 2, height: 1)
            if isSelected, let editing {
                editing.render(frame, row: valueRect)
            } else {
                let shown = value(field)
                frame.text(shown.isEmpty ? "(default)" : shown, x: valueRect.x, y: valueRect.y,
                           role: shown.isEmpty ? .dim : .normal, limit: valueRect.maxX)
            }
        }
        var y = 3 + Field.allCases.count
        for line in TextWrap.lines(selected.help, width: area.width) {
            frame.text(line, in: area, row: y, role: .dim)
            y += 1
        }
        y += 1
        if let error {
            for line in TextWrap.lines(error, width: area.width) {
                frame.text(line, in: area, row: y, role: .bad)
                y += 1
            }
            y += 1
        }
        frame.text("Model now", in: area, row: y, role: .title)
        y += 1
        let modelLine: String
        switch context.engine.status {
        case .idle: modelLine = "not loaded yet (it loads when Translate or Chat needs it)"
        case .loading(let p): modelLine = "loading \(p)…"
        case .ready(let p): modelLine = p
        case .unavailable(let why): modelLine = why
        }
        for line in TextWrap.lines(modelLine, width: area.width - 2) {
            frame.text(line, in: area, row: y, indent: 2)
            y += 1
        }
    }
}
