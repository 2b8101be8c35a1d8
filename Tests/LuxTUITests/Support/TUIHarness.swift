import Foundation
import LuxLearn
import LuxStore
import LuxTUI
import XCTest

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// The app on a headless terminal with its own LUX_HOME, a fixed clock (Monday 3 March 2025,
/// 09:00 UTC), UTC days and a fixed seed, so every run draws the same screens.
final class TUIHarness {
    static let start = Date(timeIntervalSince1970: 1_740_992_400)  // 2025-03-03T09:00:00Z

    let home: String
    let terminal: HeadlessTerminal
    let clock: TestClock
    let app: App
    var database: LuxDatabase { app.context.database }

    /// `environment` is what the app sees instead of the process's (no LUX_MODEL by default).
    init(width: Int = 80, height: Int = 24, environment: [String: String] = [:], theme: Theme = .colour,
         setUp: (LuxDatabase) throws -> Void = { _ in }) throws {
        TerminalLocale.enable()
        home = NSTemporaryDirectory() + "lux-tui-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/models", withIntermediateDirectories: true)
        let paths = LuxPaths(dataDirectory: home)
        try setUp(LuxDatabase(paths: paths))
        let clock = TestClock(Self.start)
        self.clock = clock
        let options = AppOptions(paths: paths, environment: environment, now: { clock.now },
                                 timeZone: TimeZone(identifier: "UTC") ?? .current, seed: 7)
        terminal = HeadlessTerminal(width: width, height: height)
        app = App(context: try AppContext(options: options), terminal: terminal, theme: theme)
        app.render()
    }

    deinit {
        app.close()
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Sends keys, then lets the app take them and draw.
    func press(_ keys: Key...) {
        terminal.queue(keys: keys)
        pump()
    }

    /// Types text one character at a time.
    func type(_ text: String) {
        terminal.type(text)
        pump()
    }

    func pump() {
        while let event = terminal.nextEvent(timeout: 0) { app.handle(event) }
        app.pumpBackground()
        app.render()
    }

    var screen: String { terminal.snapshot() }

    /// Pumps background events until `condition` holds for the screen, or `timeout` passes.
    @discardableResult
    func wait(timeout: TimeInterval = 60, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump()
            if condition(screen) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ path: String) -> String {
        packageRoot.appendingPathComponent("Tests/LuxTUITests/Fixtures").appendingPathComponent(path).path
    }

    /// Imports a fixture pack straight into the database (at the test clock's start).
    static func importPack(_ name: String, into database: LuxDatabase) throws {
        let pack = try LessonPack.load(fixture("packs/" + name))
        try PackImporter(database: database).importPack(pack, at: start)
    }

    static func testModel(_ name: String) throws -> String {
        let path = packageRoot.appendingPathComponent("test-models").appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("test model \(path) is missing: run scripts/make-test-models")
        }
        return path
    }

    /// Compares the screen with Tests/LuxTUITests/Snapshots/NAME.txt. With LUX_UPDATE_SNAPSHOTS=1
    /// the file is (re)written instead; a missing file is written and the test fails, so a new
    /// snapshot is always looked at before it is committed.
    func assertSnapshot(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let path = Self.packageRoot.appendingPathComponent("Tests/LuxTUITests/Snapshots/\(name).txt").path
        let actual = screen + "\n"
        let update = ProcessInfo.processInfo.environment["LUX_UPDATE_SNAPSHOTS"] == "1"
        guard !update, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            if !update { XCTFail("recorded a new snapshot \(path); check it and run again", file: file, line: line) }
            return
        }
        if expected != actual {
            XCTFail("screen differs from \(name).txt:\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
        }
    }
}
