import Foundation
import LuxStore

/// The course that ships in the repository's `lessons/` folder (one lesson pack per level).
/// The first time lux opens a database that holds no pack, it imports the course, so a learner
/// who downloads nothing else finds lessons waiting. A setting remembers that it was offered,
/// so a learner who later removes the packs does not get them back uninvited.
public enum BuiltInCourse {
    static let offeredSetting = "course.offered"

    /// The course folder: `$LUX_COURSE` if set (an empty value turns the first-run import off),
    /// else a `lessons/` folder found walking up from the executable (a build in
    /// `<repo>/.build/<triple>/release/lux`), else `<prefix>/share/lux/lessons` for an install
    /// in `<prefix>/bin`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = executablePath()) -> String? {
        if let chosen = environment["LUX_COURSE"] {
            return chosen.isEmpty ? nil : chosen
        }
        var dir = (executable as NSString).deletingLastPathComponent
        for _ in 0..<5 {
            for candidate in [dir + "/lessons", dir + "/share/lux/lessons"] where isCourse(candidate) {
                return candidate
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir { break }
            dir = parent
        }
        return nil
    }

    /// The running binary, symlinks resolved.
    public static func executablePath() -> String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    /// The pack folders of a course folder (those holding a pack.toml), in name order.
    public static func packFolders(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted()
            .map { folder + "/" + $0 }
            .filter { FileManager.default.fileExists(atPath: $0 + "/pack.toml") }
    }

    static func isCourse(_ folder: String) -> Bool { !packFolders(in: folder).isEmpty }

    /// What a first-run import did: one line per pack imported, one per pack that was not (with
    /// the first line of its error).
    public struct Report: Equatable, Sendable {
        public var imported: [String] = []
        public var problems: [String] = []
        public var isEmpty: Bool { imported.isEmpty && problems.isEmpty }

        /// One short line for the app's status bar.
        public var summary: String {
            let packs = imported.count == 1 ? "1 pack" : "\(imported.count) packs"
            if problems.isEmpty { return "Installed the built-in course: \(packs) (see Lessons)" }
            return "Built-in course: \(packs) installed, \(problems.count) not (listed when lux exits)"
        }
    }

    /// Imports every pack of `folder` when the database has no pack and the course was never
    /// offered; otherwise does nothing (an empty report). A broken pack does not stop the others.
    public static func importOnFirstRun(into database: LuxDatabase, from folder: String,
                                        at now: Date = Date()) throws -> Report {
        var report = Report()
        guard try database.setting(offeredSetting, as: Bool.self) != true, try database.packs().isEmpty else {
            return report
        }
        for path in packFolders(in: folder) {
            do {
                let pack = try LessonPack.load(path)
                report.imported.append(try PackImporter(database: database).importPack(pack, at: now).description)
            } catch {
                report.problems.append("\(path): not imported: \(String(describing: error).split(separator: "\n").first ?? "")")
            }
        }
        try database.setSetting(offeredSetting, to: true, at: now)
        return report
    }
}
