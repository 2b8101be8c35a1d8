import Foundation
import LuxLearn
import LuxStore
import XCTest

/// Shared helpers of the lesson-pack tests.
enum PackFixtures {
    /// A pack folder under Tests/LuxLearnTests/Fixtures/packs.
    static func path(_ name: String) throws -> String {
        let base = try XCTUnwrap(Bundle.module.resourceURL, "test bundle has no resources")
        return base.appendingPathComponent("Fixtures/packs/\(name)").path
    }

    /// The repository's root, found from this source file (for docs/).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}

extension XCTestCase {
    /// A fresh directory for this test, removed when it ends.
    func makePackTemporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("lux-pack-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// Writes `files` (path inside the pack -> text) as a pack folder and returns its path.
    func writePack(_ files: [String: String], in directory: String? = nil, name: String = "pack") throws -> String {
        let parent = try directory ?? makePackTemporaryDirectory()
        let root = (parent as NSString).appendingPathComponent(name)
        for (path, text) in files {
            let full = (root as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }

    /// A new database in a fresh directory.
    func makePackDatabase() throws -> LuxDatabase {
        try LuxDatabase(path: (try makePackTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite"))
    }

    /// The problems loading `path` reports; fails the test if it loads.
    func packProblems(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> [PackProblem] {
        do {
            _ = try LessonPack.load(path)
            XCTFail("\(path) loaded, but problems were expected", file: file, line: line)
            return []
        } catch let error as PackProblems {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return []
        }
    }

    /// Loads a pack that must be valid, showing its problems if not.
    func loadPack(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> LessonPack {
        do {
            return try LessonPack.load(path)
        } catch let error as PackProblems {
            XCTFail("pack did not load:\n\(error)", file: file, line: line)
            throw error
        }
    }
}

/// A minimal valid pack.toml with the given units (id, level A1).
func packManifest(id: String = "test-pack", version: String = "1.0", units: [String] = ["basics"]) -> String {
    var text = """
        id = "\(id)"
        title = "Test pack"
        version = "\(version)"
        level = "A1"

        """
    for unit in units {
        text += """

            [[unit]]
            id = "\(unit)"
            title = "Unit \(unit)"

            """
    }
    return text
}
