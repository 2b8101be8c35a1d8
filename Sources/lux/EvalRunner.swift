import Foundation
import LuxEngine
import LuxLearn
import LuxStore

/// Drives the engine through an eval run: each question is answered, the answer stored, then
/// scored (by its check, or by the judge with one retry) and stored again, so an interrupted
/// run loses at most the question in hand. Questions already done under the same settings are
/// skipped; a stored answer still waiting for its score is only scored.
final class EvalRunner {
    let database: LuxDatabase
    let runID: Int64
    let settings: EvalRunSettings
    let model: LanguageModel
    let judgePath: String
    let threads: Int?
    let contextLength: Int

    private var answerSession: ChatSession?
    private var judgeSession: ChatSession?
    private var dictionary: LuxDictionary??
    private var verbTables: [String: [ConjugationTable]] = [:]

    init(database: LuxDatabase, runID: Int64, settings: EvalRunSettings, model: LanguageModel, judgePath: String,
         threads: Int?, contextLength: Int) {
        self.database = database
        self.runID = runID
        self.settings = settings
        self.model = model
        self.judgePath = judgePath
        self.threads = threads
        self.contextLength = contextLength
    }

    /// The outcomes of `questions` (in their order), asking and scoring what is not done yet.
    func run(_ questions: [EvalQuestion]) async throws -> [EvalOutcome] {
        let stored = Dictionary(try database.evalResults(runID: runID).map { ($0.questionID, $0) },
                                uniquingKeysWith: { a, _ in a })
        var outcomes: [String: EvalOutcome] = [:]
        for q in questions {
            if let record = stored[q.id], let outcome = EvalOutcome(record: record, question: q) { outcomes[q.id] = outcome }
        }
        let finished = { (o: EvalOutcome?) in o.map { $0.status != .answered } ?? false }
        var done = questions.filter { finished(outcomes[$0.id]) }.count
        if done > 0 {
            note("resuming: \(done) of \(questions.count) questions already done (run \(settings.key))\n")
        }
        let progress = EvalProgress(total: questions.count, doneAtStart: done)
        let tty = isatty(STDERR_FILENO) != 0
        for q in questions where !finished(outcomes[q.id]) {
            if tty { note("\r\u{1B}[K" + progress.line(done: done, current: q.id)) }
            var outcome: EvalOutcome
            let answeredAt: Date
            if let waiting = outcomes[q.id], let record = stored[q.id] {
                outcome = waiting
                answeredAt = record.answeredAt
            } else {
                let reply = try await generate(try session(forJudge: false), EvalPrompts.answer(q),
                                               maxTokens: settings.answerTokens(q.category), sampling: sampling(for: q), q)
                outcome = EvalOutcome(question: q, answer: reply.text, status: .answered,
                                      answerTokens: reply.tokens, answerSeconds: reply.seconds)
                answeredAt = Date()
                try database.saveEvalResult(outcome.record(runID: runID, answeredAt: answeredAt, scoredAt: nil))
            }
            try await score(&outcome)
            try database.saveEvalResult(outcome.record(runID: runID, answeredAt: answeredAt, scoredAt: Date()))
            outcomes[q.id] = outcome
            done += 1
            note(tty ? "\r\u{1B}[K" + progress.line(done: done) : progress.line(done: done, current: q.id) + "\n")
        }
        if tty { note("\n") }
        return questions.compactMap { outcomes[$0.id] }
    }

    /// Scores an answered outcome: by its check when it has one, else by the judge.
    private func score(_ outcome: inout EvalOutcome) async throws {
        let q = outcome.question
        if let checked = EvalDeterministicScore.score(q, answer: outcome.answer, dictionaryTables: try tables(for: q)) {
            outcome.status = .scored
            outcome.method = .check
            outcome.score = checked.score
            outcome.detail = checked.detail
            return
        }
        let judge = try session(forJudge: true)
        let start = EvalPrompts.judgeReplyStart
        let first = try await generate(judge, EvalPrompts.judge(q, answer: outcome.answer),
                                       maxTokens: settings.judgeMaxTokens, sampling: .greedy, q, replyStart: start)
        var replies = [first.text]
        var seconds = first.seconds
        var score = JudgeScore.parse(first.text)
        if score == nil {
            let second = try await generate(judge, EvalPrompts.judgeRetry(q, answer: outcome.answer, firstReply: first.text),
                                            maxTokens: settings.judgeMaxTokens, sampling: .greedy, q, replyStart: start)
            replies.append(second.text)
            seconds += second.seconds
            score = JudgeScore.parse(second.text)
        }
        outcome.judgeOutput = replies.joined(separator: "\n---\n")
        outcome.judgeSeconds = seconds
        outcome.method = score == nil ? nil : .judge
        outcome.score = score
        outcome.status = score == nil ? .unscored : .scored
        outcome.detail = score == nil ? "the judge's reply held no score, twice" : nil
    }

    /// Greedy at temperature 0; otherwise seeded per question, so a resumed run asks alike.
    private func sampling(for q: EvalQuestion) -> SamplingParameters {
        guard settings.temperature > 0 else { return .greedy }
        var s = SamplingParameters()
        s.temperature = settings.temperature
        s.seed = settings.seed.map { $0 ^ StableHash.value(q.id) }
        return s
    }

    /// The answering session, or the judge's: its own session on the same weights when the judge
    /// is the model itself, else the judge model, loaded the first time it is needed.
    private func session(forJudge: Bool) throws -> ChatSession {
        if !forJudge {
            if let answerSession { return answerSession }
            let s = ChatSession(model: model, contextLength: contextLength)
            answerSession = s
            return s
        }
        if let judgeSession { return judgeSession }
        let judgeModel = EvalAssets.absolute(judgePath) == EvalAssets.absolute(model.path)
            ? model : try LanguageModel(path: judgePath, threads: threads)
        let s = ChatSession(model: judgeModel, contextLength: contextLength)
        judgeSession = s
        return s
    }

    /// The imported dictionary's tables for a conjugation check's verb; none without a dictionary.
    private func tables(for q: EvalQuestion) throws -> [ConjugationTable] {
        guard case .conjugation(let verb, _, _, _)? = q.check else { return [] }
        if let known = verbTables[verb] { return known }
        if dictionary == nil {
            let d = LuxDictionary(database: database)
            dictionary = .some(try d.entryCount() > 0 ? d : nil)
        }
        var found: [ConjugationTable] = []
        if let d = dictionary ?? nil {
            found = try d.lookup(verb).hits.filter { $0.entry.headword == verb }.flatMap(\.entry.conjugations)
        }
        verbTables[verb] = found
        return found
    }

    /// The reply to `messages`, trimmed; `replyStart` begins the reply (it is in the prompt and in the text).
    private func generate(_ session: ChatSession, _ messages: [EvalMessage], maxTokens: Int, sampling: SamplingParameters,
                          _ q: EvalQuestion, replyStart: String = "") async throws -> (text: String, tokens: Int, seconds: Double) {
        let chat = messages.map { ChatMessage(ChatMessage.Role(rawValue: $0.role.rawValue) ?? .user, $0.content) }
        var text = replyStart
        var stats = GenerationStats()
        do {
            var prompt = try session.promptTokens(for: chat)
            if !replyStart.isEmpty { prompt += session.model.tokenizer.encode(replyStart, addBOS: false) }
            for try await chunk in session.generate(promptTokens: prompt,
                                                    parameters: GenerationParameters(maxTokens: maxTokens, sampling: sampling)) {
                text += chunk.text
                stats = chunk.stats
            }
        } catch let error as GenerationError {
            throw EvalUsageError("question \(q.id): \(error.description)")
        }
        return (text.trimmingCharacters(in: .whitespacesAndNewlines), stats.generatedTokens,
                stats.promptSeconds + stats.generationSeconds)
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
