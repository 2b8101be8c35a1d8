import Foundation
import LuxEngine
import LuxLearn
import LuxStore

/// Translate EN→LB or LB→EN with the model, streamed; beside it, dictionary hits for the
/// Luxembourgish words (of the input, or of the translation as it arrives), shown at once.
final class TranslateScreen: Screen {
    let mode = Mode.translate
    private let context: AppContext
    private var direction = TranslationDirection.enToLb
    private var input = TextField()
    private var source = ""
    private var output = ""
    private var generation: Int?
    private var waitingForModel = false
    private var stats: GenerationStats?
    private var hits: [WordHit] = []
    private var hitsFor = ""
    private var error: String?
    private var hasDictionary = false
    private let dictionary: LuxDictionary

    init(context: AppContext) {
        self.context = context
        dictionary = LuxDictionary(database: context.database)
    }

    var isBusy: Bool { generation != nil || waitingForModel }

    var status: String? {
        if let stats, stats.generatedTokens > 0 {
            return String(format: "%@%.1f tok/s", generation != nil ? "generating · " : "", stats.tokensPerSecond)
        }
        if isBusy { return "thinking…" }
        return context.engine.modelName
    }

    var hints: [KeyHint] {
        isBusy ? [KeyHint("Esc", "Stop")] : [KeyHint("Enter", "Translate"), KeyHint("Tab", "Swap direction")]
    }

    var helpKeys: [KeyHint] {
        [KeyHint("Enter", "translate with the model"), KeyHint("Tab", "EN→LB / LB→EN"),
         KeyHint("Esc", "stop the translation / Home"), KeyHint("^U", "clear the text")]
    }

    func activate() {
        context.engine.prepare()
        hasDictionary = ((try? context.database.dictionaryEntryCount()) ?? 0) > 0
        refreshHits()
    }

    func handle(_ key: Key) -> Bool {
        switch key {
        case .escape:
            guard isBusy else { return false }
            stop()
        case .tab, .backTab:
            direction = direction == .enToLb ? .lbToEn : .enToLb
            refreshHits()
        case .enter:
            translate()
        default:
            guard input.handle(key) else { return false }
            refreshHits()
        }
        return true
    }

    /// The words looked up: the input when it is Luxembourgish, else the translation so far.
    private func refreshHits() {
        guard hasDictionary else { hits = []; return }
        let text = direction == .lbToEn ? input.text : output
        guard text != hitsFor else { return }
        hitsFor = text
        do {
            hits = try WordHits.lookUp(text, in: dictionary)
        } catch {
            self.error = "\(error)"
        }
    }

    private func translate() {
        let text = input.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        if isBusy { stop() }
        source = text
        output = ""
        stats = nil
        error = nil
        refreshHits()
        startGeneration()
    }

    private func startGeneration() {
        guard case .ready = context.engine.status else {
            context.engine.prepare()
            if case .unavailable = context.engine.status { return }
            waitingForModel = true
            return
        }
        waitingForModel = false
        let (from, to) = direction == .enToLb ? ("English", "Luxembourgish (Lëtzebuergesch)") : ("Luxembourgish", "English")
        let messages = [
            ChatMessage(.system, "You are a translator between English and Luxembourgish. Reply with the translation only, without notes."),
            ChatMessage(.user, "Translate this \(from) text into \(to):\n\(source)"),
        ]
        generation = context.engine.reply(to: messages, maxTokens: 200, owner: .translate)
    }

    private func stop() {
        if waitingForModel { waitingForModel = false; return }
        context.engine.cancel()
        generation = nil
        context.flash("Stopped")
    }

    func receive(_ event: BackgroundEvent) {
        switch event {
        case .modelLoaded, .modelFailed:
            if waitingForModel { startGeneration() }
        case let .chunk(id, text, stats):
            guard id == generation else { return }
            output += text
            self.stats = stats
            if direction == .enToLb { refreshHits() }
        case let .finished(id, failure):
            guard id == generation else { return }
            generation = nil
            if let failure { error = failure }
            output = output.trimmingCharacters(in: .whitespacesAndNewlines)
            if direction == .enToLb { refreshHits() }
        }
    }

    func close() {
        if isBusy { stop() }
    }

    func render(_ frame: Frame, in area: Rect) {
        let label = direction == .enToLb ? "English → Luxembourgish" : "Luxembourgish → English"
        var x = frame.text(label, in: area, row: 0, role: .title)
        x = frame.text("   (Tab swaps)", x: x, y: area.y, role: .dim, limit: area.maxX)
        let promptX = frame.text("› ", x: area.x, y: area.y + 2, role: .accent)
        input.render(frame, row: Rect(x: promptX, y: area.y + 2, width: area.maxX - promptX, height: 1),
                     placeholder: direction == .enToLb ? "Type English, Enter translates" : "Schreif Lëtzebuergesch, Enter iwwersetzt")

        let body = area.inset(top: 4)
        let (left, rightSide) = body.splitLeft(36)
        let right = rightSide.inset(left: 2)
        for y in body.y ..< body.maxY { frame.text("│", x: right.x - 2, y: y, role: .border) }
        renderHits(frame, in: left.inset(right: 1))
        renderTranslation(frame, in: right)
    }

    private func renderHits(_ frame: Frame, in rect: Rect) {
        frame.text("Dictionary", in: rect, row: 0, role: .title)
        guard hasDictionary else {
            let note = "No dictionary yet: import the LOD with `lux dict import FILE` to see words here."
            for (i, line) in TextWrap.lines(note, width: rect.width).enumerated() {
                frame.text(line, in: rect, row: 1 + i, role: .dim)
            }
            return
        }
        if hits.isEmpty {
            let what = direction == .lbToEn ? "Luxembourgish words you type" : "Luxembourgish words of the translation"
            frame.text(CellWidth.truncate("The \(what) show here.", to: rect.width), in: rect, row: 1, role: .dim)
            return
        }
        var row = 1
        for hit in hits where row + 1 < rect.height {
            let x = frame.text(hit.headword, in: rect, row: row, role: .highlight)
            frame.text(" " + hit.detail, x: x, y: rect.y + row, role: .dim, limit: rect.maxX)
            frame.text(CellWidth.truncate(hit.english, to: rect.width - 2), in: rect, row: row + 1, indent: 2)
            row += 2
        }
    }

    private func renderTranslation(_ frame: Frame, in rect: Rect) {
        frame.text("Translation", in: rect, row: 0, role: .title)
        if case .unavailable(let why) = context.engine.status {
            frame.text("No model", in: rect, row: 1, role: .warning)
            for (i, line) in TextWrap.lines(why, width: rect.width).prefix(rect.height - 3).enumerated() {
                frame.text(line, in: rect, row: 2 + i, role: .warning)
            }
            return
        }
        var row = 1
        if case .loading = context.engine.status {
            frame.text("Loading the model…", in: rect, row: row, role: .dim)
            row += 1
        }
        let text = output + (generation != nil ? "▍" : "")
        let lines = TextWrap.lines(text, width: rect.width)
        for line in lines.suffix(max(0, rect.height - row - 2)) {
            frame.text(line, in: rect, row: row, role: .normal)
            row += 1
        }
        if let error {
            for line in TextWrap.lines(error, width: rect.width) where row < rect.height {
                frame.text(line, in: rect, row: row, role: .bad)
                row += 1
            }
        }
        if let stats, stats.generatedTokens > 0 {
            let figures = String(format: "%d tokens · %.1f tok/s", stats.generatedTokens, stats.tokensPerSecond)
            frame.text(figures, in: rect, row: rect.height - 1, role: .dim)
        }
    }
}
