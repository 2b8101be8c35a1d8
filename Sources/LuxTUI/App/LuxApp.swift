import Foundation
import LuxLearn

/// `lux` with no arguments: the full-screen app in this terminal.
public enum LuxApp {
    /// Opens the database, then the terminal, and runs until the learner quits (q, Ctrl-C) or a
    /// SIGTERM/SIGINT/SIGHUP arrives. However it ends, screens save and the terminal is restored.
    /// The loop runs on its own thread so the engine's stream consumers keep the async pool.
    public static func run(options: AppOptions) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    try runHere(options: options)
                    done.resume()
                } catch {
                    done.resume(throwing: error)
                }
            }
            thread.name = "lux.ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The same, on the calling thread.
    public static func runHere(options: AppOptions) throws {
        let context = try AppContext(options: options)
        installCourseOnFirstRun(context)
        let signals = SignalWatcher()
        TerminalLocale.enable()
        let wantsColour = (options.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try CursesTerminal(colors: wantsColour)
        defer { terminal.shutdown() }
        let theme = Theme.choose(terminalHasColors: terminal.hasColors, environment: options.environment)
        let app = App(context: context, terminal: terminal, theme: theme)
        app.run(signals: signals)
    }

    /// A new learner starts with the built-in course (see BuiltInCourse); what happened is
    /// printed before the screen opens. A failure here must not keep the app from starting.
    static func installCourseOnFirstRun(_ context: AppContext) {
        guard let course = BuiltInCourse.locate(environment: context.options.environment) else { return }
        do {
            let lines = try BuiltInCourse.importOnFirstRun(into: context.database, from: course, at: context.now())
            if !lines.isEmpty { FileHandle.standardError.write(Data(("Installing the built-in course from \(course):\n"
                + lines.map { "  " + $0 + "\n" }.joined()).utf8)) }
        } catch {
            FileHandle.standardError.write(Data("lux: the built-in course was not installed: \(error)\n".utf8))
        }
    }
}
