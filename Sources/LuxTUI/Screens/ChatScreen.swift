import Foundation
import LuxEngine
import LuxLearn
import LuxStore

/// Chat with the tutor: a free conversation at the learner's level or a role-play from a pack,
/// streamed token by token. Chats are saved as they go and can be resumed; Esc stops a reply.
/// The context gauge shows how full the model's context is; when it fills, the oldest turns are
/// left out of what the model sees (never the system prompt).
final class ChatScreen: Screen {
    let mode = Mode.chat
    private let context: AppContext

    private enum Choice {
        case free
        case rolePlay(packID: String, itemID: String, DialogueItem)
        case saved(ChatSessionRecord)
    }

    // The picker.
    private var inConversation = false
    private var choices: [Choice] = []
    private var selected = 0

    // The conversation.
    private var sessionID: Int64?
    private var title = ""
    private var systemPrompt = ""
    private var turns: [TutorTurn] = []
    private var generation: Int?
    private var partial = ""
    private var waitingForModel = false
    private var stats: GenerationStats?
    private var contextUsed: Int?
    private var dropped = 0
    private var input = TextField()
    private var transcript = Transcript()
    private var transcriptLines = 0
    private var transcriptHeight = 1
    private var error: String?

    init(context: AppContext) {
        self.context = context
    }

    var isBusy: Bool { generation != nil || waitingForModel }

    var status: String? {
        if generation != nil, let stats, stats.generatedTokens > 0 {
            return String(format: "generating · %.1f tok/s", stats.tokensPerSecond)
        }
        if generation != nil || waitingForModel { return "thinking…" }
        if let stats, stats.generatedTokens > 0 {
            return String(format: "%d tokens · %.1f tok/s", stats.generatedTokens, stats.tokensPerSecond)
        }
        return context.engine.modelName
    }

    var hints: [KeyHint] {
        if !inConversation { return [KeyHint("↑↓", "Choose"), KeyHint("Enter", "Open"), KeyHint("Del", "Delete")] }
        if generation != nil || waitingForModel { return [KeyHint("Esc", "Stop")] }
        return [KeyHint("Enter", "Send"), KeyHint("PgUp/PgDn", "Scroll"), KeyHint("Esc", "Chats")]
    }

    var helpKeys: [KeyHint] {
        [KeyHint("↑ / ↓", "choose a chat to start or resume"), KeyHint("Enter", "open it / send a message"),
         KeyHint("Del", "delete a saved chat"), KeyHint("Esc", "stop the reply / back to the list"),
         KeyHint("PgUp/PgDn", "scroll the conversation")]
    }

    func activate() {
        context.engine.prepare()
        if !inConversation { loadChoices() }
    }

    // MARK: - The picker

    private func loadChoices() {
        var list: [Choice] = [.free]
        do {
            for pack in try context.database.packs() {
                for item in try context.database.items(packID: pack.id) where item.kind == .dialogue {
                    if let d = try? item.decodePayload(as: DialogueItem.self) {
                        list.append(.rolePlay(packID: pack.id, itemID: item.id, d))
                    }
                }
            }
            list += try context.database.chatSessions(limit: 50).map { .saved($0) }
        } catch {
            self.error = "\(error)"
        }
        choices = list
        selected = min(selected, choices.count - 1)
    }

    private func label(_ choice: Choice) -> String {
        switch choice {
        case .free: "New conversation at your level (\(TutorPrompt.level(in: context.database).rawValue))"
        case let .rolePlay(packID, _, d): "Role-play: \(d.title) (\(packID))"
        case let .saved(s): "\(s.title) · \(Self.dateFormatter(context.options.timeZone).string(from: s.updatedAt))"
        }
    }

    static func dateFormatter(_ zone: TimeZone) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB")
        f.timeZone = zone
        f.dateFormat = "d MMM HH:mm"
        return f
    }

    private func open(_ choice: Choice) {
        let level = TutorPrompt.level(in: context.database)
        sessionID = nil
        turns = []
        stats = nil
        dropped = 0
        error = nil
        transcript = Transcript()
        input.clear()
        switch choice {
        case .free:
            title = "Conversation (\(level.rawValue))"
            systemPrompt = TutorPrompt.system(level: level)
            turns = [TutorTurn(.assistant, TutorPrompt.greeting(level: level))]
        case let .rolePlay(_, _, d):
            title = "Role-play: \(d.title)"
            systemPrompt = TutorPrompt.system(level: level, dialogue: d)
            turns = [TutorTurn(.assistant, d.opening)]
        case let .saved(s):
            title = s.title
            systemPrompt = s.systemPrompt
            sessionID = s.id
            do {
                turns = try context.database.chatMessages(sessionID: s.id ?? -1)
                    .filter { $0.role != .system }
                    .map { TutorTurn($0.role, $0.content) }
            } catch {
                self.error = "\(error)"
            }
        }
        inConversation = true
        measureContext()
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Bool {
        guard inConversation else { return handlePicker(key) }
        switch key {
        case .escape:
            if generation != nil || waitingForModel {
                stop()
            } else {
                inConversation = false
                loadChoices()
            }
        case .enter:
            send()
        case .pageUp:
            transcript.scroll(by: transcriptHeight / 2, total: transcriptLines, height: transcriptHeight)
        case .pageDown:
            transcript.scroll(by: -transcriptHeight / 2, total: transcriptLines, height: transcriptHeight)
        default:
            // Typing goes on while a reply streams.
            return input.handle(key)
        }
        return true
    }

    private func handlePicker(_ key: Key) -> Bool {
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(choices.count - 1, selected + 1)
        case .enter:
            if choices.indices.contains(selected) { open(choices[selected]) }
        case .delete:
            guard choices.indices.contains(selected), case let .saved(s) = choices[selected], let id = s.id else { return true }
            do {
                try context.database.deleteChatSession(id: id)
                context.flash("Deleted \"\(s.title)\"")
            } catch {
                self.error = "\(error)"
            }
            loadChoices()
        default: return false
        }
        return true
    }

    // MARK: - Sending and streaming

    private func send() {
        guard generation == nil, !waitingForModel else {
            context.flash("Wait for the reply, or press Esc to stop it")
            return
        }
        let text = input.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        if case .unavailable = context.engine.status {
            error = "No model: the message is kept in the box. See above for how to get one."
            return
        }
        input.clear()
        transcript.scrollBack = 0
        turns.append(TutorTurn(.user, text))
        save(turns.count - 1)
        error = nil
        startReply()
    }

    /// Asks the model for the tutor's reply, once the model is ready.
    private func startReply() {
        guard case .ready = context.engine.status else {
            context.engine.prepare()
            waitingForModel = true
            if case .unavailable(let why) = context.engine.status {
                waitingForModel = false
                error = why
            }
            return
        }
        waitingForModel = false
        guard let capacity = context.engine.contextLength else { return }
        let maxTokens = min(256, capacity / 4)
        let fitted: ConversationWindow.Fitted
        do {
            fitted = try ConversationWindow.fit(system: systemPrompt, turns: turns) { messages in
                try context.engine.tokenCount(Self.engineMessages(messages)) + maxTokens <= capacity
            }
        } catch {
            self.error = "\(error)"
            return
        }
        dropped = fitted.dropped
        partial = ""
        stats = nil
        generation = context.engine.reply(to: Self.engineMessages(fitted.messages), maxTokens: maxTokens, owner: .chat)
    }

    static func engineMessages(_ turns: [TutorTurn]) -> [ChatMessage] {
        turns.map { ChatMessage(ChatMessage.Role(rawValue: $0.role.rawValue) ?? .user, $0.content) }
    }

    func receive(_ event: BackgroundEvent) {
        switch event {
        case .modelLoaded, .modelFailed:
            measureContext()
            if waitingForModel { startReply() }
        case let .chunk(id, text, stats):
            guard id == generation else { return }
            partial += text
            self.stats = stats
            contextUsed = stats.contextUsed
        case let .finished(id, failure):
            guard id == generation else { return }
            generation = nil
            if let failure { error = failure }
            finishReply()
        }
    }

    /// Stops the reply (Esc): what came so far is kept as the tutor's message.
    private func stop() {
        if waitingForModel {
            waitingForModel = false
            return
        }
        context.engine.cancel()
        generation = nil
        finishReply()
        context.flash("Stopped")
    }

    private func finishReply() {
        let text = partial.trimmingCharacters(in: .whitespacesAndNewlines)
        partial = ""
        guard !text.isEmpty else { return }
        turns.append(TutorTurn(.assistant, text))
        save(turns.count - 1)
    }

    /// Stores turn `index`; the first stored message creates the chat (with every turn before it).
    private func save(_ index: Int) {
        do {
            if sessionID == nil {
                let firstUser = turns.first { $0.role == .user }?.content ?? title
                let name = title.hasPrefix("Role-play") ? title : CellWidth.truncate(firstUser, to: 40)
                let session = try context.database.createChatSession(
                    title: name, model: context.engine.modelName ?? "", systemPrompt: systemPrompt, at: context.now())
                sessionID = session.id
                for turn in turns[..<index] {
                    try context.database.appendChatMessage(sessionID: session.id ?? -1, role: turn.role,
                                                           content: turn.content, at: context.now())
                }
            }
            let turn = turns[index]
            try context.database.appendChatMessage(sessionID: sessionID ?? -1, role: turn.role, content: turn.content,
                                                   at: context.now())
        } catch {
            self.error = "could not save the chat: \(error)"
        }
    }

    /// The context the conversation takes, before any reply has been generated.
    private func measureContext() {
        guard inConversation, case .ready = context.engine.status else { return }
        contextUsed = try? context.engine.tokenCount(
            Self.engineMessages([TutorTurn(.system, systemPrompt)] + turns))
    }

    func close() {
        if generation != nil { stop() }
    }

    // MARK: - Drawing

    func render(_ frame: Frame, in area: Rect) {
        var top = 0
        if case .unavailable(let why) = context.engine.status {
            frame.text("No model", in: area, row: 0, role: .warning)
            let lines = TextWrap.lines(why, width: area.width)
            for (i, line) in lines.enumerated() { frame.text(line, in: area, row: 1 + i, role: .warning) }
            top = lines.count + 2
        } else if case .loading = context.engine.status {
            frame.text("Loading the model…", in: area, row: 0, role: .dim)
            top = 2
        }
        let rest = area.inset(top: top)
        if inConversation { renderConversation(frame, in: rest) } else { renderPicker(frame, in: rest) }
    }

    private func renderPicker(_ frame: Frame, in area: Rect) {
        frame.text("Talk with the tutor", in: area, row: 0, role: .title)
        var row = 1
        let firstSaved = choices.firstIndex { if case .saved = $0 { return true } else { return false } }
        let visible = max(1, area.height - 4)
        let start = max(0, min(selected - visible / 2, choices.count - visible))
        for (i, choice) in choices.enumerated() where i >= start && i < start + visible {
            if i == firstSaved {
                row += 1
                frame.text("Saved chats (Enter resumes)", in: area, row: row, role: .title)
                row += 1
            }
            let mark = i == selected ? "▸ " : "  "
            frame.text(mark + label(choice), in: area, row: row, indent: 2, role: i == selected ? .highlight : .normal)
            row += 1
        }
        if let error {
            frame.text(CellWidth.truncate(error, to: area.width), in: area, row: area.height - 1, role: .bad)
        }
    }

    private func renderConversation(_ frame: Frame, in area: Rect) {
        let level = TutorPrompt.level(in: context.database).rawValue
        frame.text(CellWidth.truncate("\(title) · level \(level)", to: area.width), in: area, row: 0, role: .title)
        let errorLines = error.map { TextWrap.lines($0, width: area.width) } ?? []
        let bottom = 2 + errorLines.count
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2 - bottom)
        var paragraphs = turns.map { turn in
            Transcript.Paragraph(label: turn.role == .user ? "Dir (you)" : "Tutor", labelRole: turn.role == .user ? .accent : .good,
                                 text: turn.content, role: .normal)
        }
        if generation != nil || waitingForModel {
            paragraphs.append(Transcript.Paragraph(label: "Tutor", labelRole: .good,
                                                   text: partial.isEmpty ? "…" : partial + "▍", role: .normal))
        }
        transcriptHeight = body.height
        transcriptLines = transcript.render(frame, in: body, paragraphs: paragraphs)

        var y = area.maxY - bottom
        for line in errorLines {
            frame.text(line, x: area.x, y: y, role: .bad, limit: area.maxX)
            y += 1
        }
        let capacity = context.engine.contextLength ?? 0
        var info = ContextGauge.text(used: contextUsed ?? 0, capacity: capacity)
        if dropped > 0 { info += " · \(dropped) oldest message\(dropped == 1 ? "" : "s") left out" }
        frame.text(CellWidth.truncate(info, to: area.width), x: area.x, y: y,
                   role: ContextGauge.role(used: contextUsed ?? 0, capacity: capacity))
        let promptX = frame.text("› ", x: area.x, y: y + 1, role: .accent)
        input.render(frame, row: Rect(x: promptX, y: y + 1, width: area.maxX - promptX, height: 1),
                     placeholder: "Schreif op Lëtzebuergesch… (Enter sends)")
    }
}
