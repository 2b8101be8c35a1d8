import ArgumentParser
import Foundation
import LuxEngine
import LuxStore

/// `lux doctor`: one line per check, each "ok" or the fix to apply; exit 1 when something needed is missing.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, CPU, libraries, data directory and models; print fixes for what is missing."
    )

    @Option(name: .long, help: "Also check this GGUF model file.")
    var model: String?

    func run() throws {
        var report = DoctorReport()
        report.checkTerminal(environment: ProcessInfo.processInfo.environment)
        report.checkCPU(CPUFeatures.current)
        report.add("openblas", .ok(BLASInfo.configuration))
        if let version = SQLiteInfo.version {
            report.add("sqlite", .ok("SQLite \(version)"))
        } else {
            report.add("sqlite", .missing("SQLite cannot open a database: install libsqlite3-dev (scripts/install-deps)"))
        }
        let paths = LuxPaths()
        report.checkDataDirectory(paths)
        report.checkModels(locator: ModelLocator(paths: paths), explicit: model)
        report.print()
        if report.needsFixing { throw ExitCode(1) }
    }
}

/// The checks' results, printed as aligned "name  status  detail" lines.
struct DoctorReport {
    enum Status {
        case ok(String)
        /// Worth knowing, not blocking.
        case warning(String)
        /// Something lux needs: doctor exits 1.
        case missing(String)
    }

    private(set) var lines: [(name: String, status: Status)] = []

    var needsFixing: Bool {
        lines.contains { if case .missing = $0.status { true } else { false } }
    }

    mutating func add(_ name: String, _ status: Status) { lines.append((name, status)) }

    func print() {
        let width = (lines.map(\.name.count).max() ?? 0) + 2
        for (name, status) in lines {
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            switch status {
            case .ok(let detail): Swift.print("\(padded)ok       \(detail)")
            case .warning(let detail): Swift.print("\(padded)warning  \(detail)")
            case .missing(let detail): Swift.print("\(padded)FIX      \(detail)")
            }
        }
    }

    /// UTF-8 is needed for ë é ä ö ü; the locale's charset comes from LC_ALL, then LC_CTYPE, then LANG.
    mutating func checkTerminal(environment env: [String: String]) {
        let localeVariable = ["LC_ALL", "LC_CTYPE", "LANG"].first { !(env[$0] ?? "").isEmpty }
        let locale = localeVariable.flatMap { env[$0] } ?? ""
        let upper = locale.uppercased()
        if upper.contains("UTF-8") || upper.contains("UTF8") {
            add("locale", .ok("\(localeVariable!)=\(locale)"))
        } else if locale.isEmpty {
            add("locale", .missing("no locale set: export LANG=C.UTF-8 (or en_US.UTF-8) so ë, é, ä show"))
        } else {
            add("locale", .missing("\(localeVariable!)=\(locale) is not UTF-8: export LANG=C.UTF-8 so ë, é, ä show"))
        }
        let term = env["TERM"] ?? ""
        let isTTY = isatty(STDOUT_FILENO) == 1
        if term.isEmpty || term == "dumb" {
            add("terminal", .warning("TERM is \(term.isEmpty ? "unset" : "dumb"): the full-screen app needs a real terminal (e.g. TERM=xterm-256color)"))
        } else {
            add("terminal", .ok("TERM=\(term)\(isTTY ? "" : " (output is not a terminal now)")"))
        }
    }

    mutating func checkCPU(_ cpu: CPUFeatures) {
        let name = cpu.modelName.map { "\($0): " } ?? ""
        let missing = cpu.missingForThisBuild
        if missing.isEmpty {
            let forced = RowKernels.portableForced ? " (LUX_PORTABLE_KERNELS=1)" : ""
            add("cpu", .ok(name + cpu.summary + "; \(RowKernels.pathName) kernels" + forced))
        } else {
            add("cpu", .missing("\(name)lacks \(missing.joined(separator: ", ")), which this build of the engine needs"))
        }
    }

    mutating func checkDataDirectory(_ paths: LuxPaths) {
        do {
            try paths.createDataDirectory()
            let probe = LuxPaths.join(paths.dataDirectory, ".doctor-write-test-\(getpid())")
            guard FileManager.default.createFile(atPath: probe, contents: Data("ok".utf8)) else {
                add("data", .missing("\(paths.dataDirectory) is not writable: fix its permissions or set LUX_HOME"))
                return
            }
            try? FileManager.default.removeItem(atPath: probe)
            let database = FileManager.default.fileExists(atPath: paths.database) ? "lux.sqlite present" : "lux.sqlite not created yet"
            add("data", .ok("\(paths.dataDirectory) is writable (\(database))"))
        } catch {
            add("data", .missing("\(error): set LUX_HOME to a writable folder"))
        }
    }

    /// Every model in the models folder, plus the one `lux` would use; each opened to read its header.
    mutating func checkModels(locator: ModelLocator, explicit: String?) {
        var checked = Set<String>()
        var usable = 0
        let chosen = try? locator.locate(explicit: explicit)
        for path in ([chosen?.path].compactMap { $0 } + locator.modelsInFolder()) where checked.insert(path).inserted {
            let marker = path == chosen?.path ? " [used by default]" : ""
            do {
                let file = try GGUFFile(path: path)
                let size = ByteCountFormatter.string(fromByteCount: Int64(file.fileSize), countStyle: .file)
                let arch = file.architecture ?? "unknown architecture"
                if arch == "llama" {
                    usable += 1
                    add("model", .ok("\(path): \(size), \(arch), \(file.quantizationName)\(marker)"))
                } else {
                    add("model", .warning("\(path): \(size), \(arch) is not a Llama-architecture model; lux cannot run it"))
                }
            } catch {
                add("model", .warning("\(error)"))
            }
        }
        if usable == 0 {
            add("model", .missing("no usable model: run scripts/fetch-model (the default SmolLM2), or pass --model PATH / set LUX_MODEL"))
        }
    }
}
