import Foundation
import XCTest

/// `lux` running in a real terminal: a detached tmux session on a private socket. Keys go in
/// with send-keys, the screen comes out with capture-pane. The command runs under `sh`, which
/// prints lux's exit status afterwards: seeing it on a clean screen shows the terminal was restored.
final class TmuxSession {
    let socket = "lux-e2e-\(UUID().uuidString.prefix(8))"
    let name = "lux"

    static func tmuxPath() throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("tmux is not on PATH; the end-to-end tests need it")
    }

    static var luxBinary: String {
        TUIHarness.packageRoot.appendingPathComponent(".build/release/lux").path
    }

    /// Starts `lux ARGS` at width × height, in the package folder, with these environment variables
    /// (LUX_HOME at least).
    init(environment: [String: String], arguments: [String] = [], width: Int = 80, height: Int = 24) throws {
        let tmux = try Self.tmuxPath()
        guard FileManager.default.isExecutableFile(atPath: Self.luxBinary) else {
            XCTFail("\(Self.luxBinary) is missing: build with `swift build -c release` first (scripts/test does)")
            throw CocoaError(.fileNoSuchFile)
        }
        self.tmux = tmux
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LUX_COURSE": ""]  // no built-in course unless asked
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = ([Self.quote(Self.luxBinary)] + arguments.map(Self.quote)).joined(separator: " ")
        let script = "env \(assignments) \(command); echo \"lux exited with status $?\"; sleep 60"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                 "-c", TUIHarness.packageRoot.path, script])
    }

    private let tmux: String

    /// A word for `sh`, in single quotes.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    deinit {
        let socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        try? run(["kill-server"])
        if let socketPath, socketPath.hasSuffix(socket) { try? FileManager.default.removeItem(atPath: socketPath) }
    }

    /// Runs tmux and returns what it printed. `posix_spawn` and `waitpid` rather than Foundation's
    /// `Process`, which waits for a descriptor the forked tmux server would keep open; the output
    /// goes to a file for the same reason.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "lux-tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = [tmux, "-L", socket] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Named keys: "Enter", "Escape", "Down", "C-c", "F1", single characters.
    func send(_ keys: String...) throws {
        for key in keys {
            try run(["send-keys", "-t", name, key])
            // Separate reads: an Escape followed at once by a letter would read as Alt+letter.
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Text sent as typed (UTF-8, so "ë" arrives as the two bytes a keyboard sends).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
        Thread.sleep(forTimeInterval: 0.05)
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the pane's shell (lux is its child).
    func luxPID() throws -> Int32? {
        let shell = try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Waits until the screen satisfies `condition`; fails the test with the screen if it never does.
    @discardableResult
    func wait(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
              until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out after \(Int(timeout)) s waiting for \(what); \(Self.summary(of: last)); \(threadStates()); the screen:\n\(last)",
                file: file, line: line)
        return last
    }

    /// What lux's threads are doing (state and kernel wait channel of each), to tell a hang from slowness.
    func threadStates() -> String {
        guard let pid = try? luxPID() else { return "lux is not running" }
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var counts: [String: Int] = [:]
        for task in tasks {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first.map(String.init) ?? "?"
            let wchan = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/wchan", encoding: .utf8)) ?? "?"
            counts["\(state):\(wchan)", default: 0] += 1
        }
        return "lux threads: " + counts.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
    }

    /// The screen's non-blank lines on one line, so that a log cut to its first lines still shows it.
    static func summary(of screen: String) -> String {
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.isEmpty ? "the screen is blank" : "on screen: " + lines.joined(separator: " ⏎ ")
    }

    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try wait("“\(text)”", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }
}
