import Foundation
import LuxLearn

/// The built-in course: every pack folder in `lessons/` (a folder holding pack.toml), loaded
/// with the same reader `lux pack validate` uses.
enum CourseContent {
    /// The repository's `lessons/` folder, found from this source file.
    static var lessonsDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons")
    }

    /// The pack folders, by name.
    static func packFolders() throws -> [URL] {
        BuiltInCourse.packFolders(in: lessonsDirectory.path).map { URL(fileURLWithPath: $0) }
    }

    /// Every pack, or the problems of those that do not load (one line each, file:line: message).
    static func load() -> (packs: [LessonPack], problems: [String]) {
        var packs: [LessonPack] = []
        var problems: [String] = []
        let folders: [URL]
        do {
            folders = try packFolders()
        } catch {
            return ([], ["\(lessonsDirectory.path): cannot list the folder: \(error)"])
        }
        for folder in folders {
            do {
                packs.append(try LessonPack.load(folder.path))
            } catch let error as PackProblems {
                problems += error.problems.map { $0.located(under: error.source).description }
            } catch {
                problems.append("\(folder.path): \(error)")
            }
        }
        return (packs, problems)
    }

    /// "lessons/a1-basics/01-greetings/verbs.toml:12" for messages.
    static func place(of item: PackItem, in pack: LessonPack) -> String {
        let folder = URL(fileURLWithPath: pack.source).lastPathComponent
        let path = "lessons/\(folder)/\(item.file)"
        return item.line.map { "\(path):\($0)" } ?? path
    }
}

/// `lessons/lod-allowlist.txt`: deliberate differences from the LOD, one a line:
///
///     PACK-ID  ITEM-ID  FIELD  # why
///
/// FIELD is what may differ (headword, pos, gender, plural, present, participle, auxiliary,
/// imperative, perfect). Every entry needs its reason after `#`, and must still be needed:
/// an entry that excuses nothing is reported, so the list cannot quietly go stale.
struct LODAllowList {
    struct Entry: Hashable {
        var pack: String
        var item: String
        var field: String
    }

    static let fields: Set<String> = ["headword", "pos", "gender", "plural", "present", "participle",
                                      "auxiliary", "imperative", "perfect"]

    private(set) var entries: [Entry: Int] = [:]
    private(set) var problems: [String] = []

    init(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append("\(path): cannot read the allow-list")
            return
        }
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = index + 1
            let parts = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let fields = parts[0].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            guard fields.count == 3 else {
                problems.append("\(path):\(line): write PACK-ID ITEM-ID FIELD # reason")
                continue
            }
            guard Self.fields.contains(fields[2]) else {
                problems.append("\(path):\(line): unknown field \"\(fields[2])\" (known: \(Self.fields.sorted().joined(separator: ", ")))")
                continue
            }
            guard !reason.isEmpty else {
                problems.append("\(path):\(line): say why after #")
                continue
            }
            entries[Entry(pack: fields[0], item: fields[1], field: fields[2])] = line
        }
    }

    func allows(pack: String, item: String, field: String) -> Bool {
        entries[Entry(pack: pack, item: item, field: field)] != nil
    }
}
