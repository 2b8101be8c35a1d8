import Foundation
import LuxLearn
import LuxStore

/// How the app is started: where the data is, which model, and (for tests) the clock and the
/// random seed, so screens come out the same every run.
public struct AppOptions: Sendable {
    public var paths: LuxPaths
    public var environment: [String: String]
    /// A model chosen by the caller, before the setting and LUX_MODEL (nil for `lux`).
    public var explicitModel: String?
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone
    /// Seeds interval fuzz and drill order; nil: random.
    public var seed: UInt64?

    public init(paths: LuxPaths = LuxPaths(), environment: [String: String] = ProcessInfo.processInfo.environment,
                explicitModel: String? = nil, now: @escaping @Sendable () -> Date = { Date() },
                timeZone: TimeZone = .current, seed: UInt64? = nil) {
        self.paths = paths
        self.environment = environment
        self.explicitModel = explicitModel
        self.now = now
        self.timeZone = timeZone
        self.seed = seed
    }
}

/// What screens share: the database, the settings, the model, and a way to talk to the app.
public final class AppContext {
    public let options: AppOptions
    public let database: LuxDatabase
    public let engine: EngineHost
    let mailbox: Mailbox
    public internal(set) var engineSettings: EngineSettings
    /// Opens another mode (set by the app).
    var open: (Mode) -> Void = { _ in }
    /// Shows a one-line message in the header until the next key.
    var flash: (String) -> Void = { _ in }

    /// Opens the database (creating the data folder); errors are one line naming the file.
    public init(options: AppOptions) throws {
        self.options = options
        database = try LuxDatabase(paths: options.paths)
        engineSettings = try EngineSettings.load(from: database)
        mailbox = Mailbox()
        engine = EngineHost(mailbox: mailbox, locator: ModelLocator(paths: options.paths, environment: options.environment),
                            settings: engineSettings, explicitModel: options.explicitModel)
    }

    public func now() -> Date { options.now() }

    /// The study settings as stored now (defaults if never set).
    public func studySettings() throws -> StudySettings {
        try StudySettings.load(from: database)
    }

    func saveEngineSettings(_ settings: EngineSettings) throws {
        try settings.save(to: database)
        engineSettings = settings
        engine.reset(settings: settings)
    }

    // MARK: - Where the learner left off

    static let lastModeKey = "ui.lastMode"

    func remember(_ mode: Mode) {
        guard mode != .home, mode != .settings else { return }
        try? database.setSetting(Self.lastModeKey, to: mode.rawValue)
    }

    func lastMode() -> Mode? {
        (try? database.setting(Self.lastModeKey, as: String.self)).flatMap { $0.flatMap(Mode.init(rawValue:)) }
    }
}
