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
        let course = installCourseOnFirstRun(context)
        let signals = SignalWatcher()
        TerminalLocale.enable()
        let wantsColour = (options.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try CursesTerminal(colors: wantsColour)
        do {
            defer { terminal.shutdown() }
            let theme = Theme.choose(terminalHasColors: terminal.hasColors, environment: options.environment)
            let app = App(context: context, terminal: terminal, theme: theme)
            if let summary = course.summary { context.flash(summary) }
            app.run(signals: signals)
        }
        // Problems stay readable once the screen is gone.
        if !course.problems.isEmpty {
            FileHandle.standardError.write(Data(course.problems.map { "lux: " + $0 + "\n" }.joined().utf8))
        }
    }

    /// A new learner starts with the built-in course (see BuiltInCourse): the app opens with a
    /// one-line summary in its status bar, and what went wrong is printed when it exits. A
    /// failure here must not keep the app from starting.
    static func installCourseOnFirstRun(_ context: AppContext) -> (summary: String?, problems: [String]) {
        guard let course = BuiltInCourse.locate(environment: context.options.environment) else { return (nil, []) }
        do {
            let report = try BuiltInCourse.importOnFirstRun(into: context.database, from: course, at: context.now())
            return report.isEmpty ? (nil, []) : (report.summary, report.problems)
        } catch {
            return ("The built-in course was not installed (listed when lux exits)",
                    ["the built-in course in \(course) was not installed: \(error)"])
        }
    }
}
