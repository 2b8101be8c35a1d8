import Foundation
import LuxLearn
import XCTest

/// The first run installs the course in lessons/, once; LUX_COURSE chooses or turns it off.
final class BuiltInCourseTests: XCTestCase {
    func testFirstRunImportsEveryPackOnceAndNeverAgain() throws {
        let database = try makePackDatabase()
        let course = CourseContent.lessonsDirectory.path
        let lines = try BuiltInCourse.importOnFirstRun(into: database, from: course)
        XCTAssertEqual(lines.count, 3, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.allSatisfy { $0.contains("(new)") }, lines.joined(separator: "\n"))
        XCTAssertEqual(try database.packs().map(\.id).sorted(), ["lux-a1-basics", "lux-a2-everyday", "lux-b1-society"])
        // The second start imports nothing, even once the learner has removed every pack.
        XCTAssertEqual(try BuiltInCourse.importOnFirstRun(into: database, from: course), [])
    }

    func testABrokenPackIsReportedAndTheOthersStillImport() throws {
        let folder = try makePackTemporaryDirectory()
        let good = CourseContent.lessonsDirectory.appendingPathComponent("a1-basics").path
        try FileManager.default.copyItem(atPath: good, toPath: folder + "/a1")
        try FileManager.default.createDirectory(atPath: folder + "/b-broken", withIntermediateDirectories: true)
        try Data("id = \"broken\"\nversion = ".utf8).write(to: URL(fileURLWithPath: folder + "/b-broken/pack.toml"))
        let lines = try BuiltInCourse.importOnFirstRun(into: try makePackDatabase(), from: folder)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("lux-a1-basics"), lines[0])
        XCTAssertTrue(lines[1].contains("b-broken") && lines[1].contains("not imported"), lines[1])
    }

    func testTheCourseIsFoundFromTheBinaryOrChosenByLUXCOURSE() throws {
        let repo = CourseContent.lessonsDirectory.deletingLastPathComponent().path
        let binary = repo + "/.build/x86_64-unknown-linux-gnu/release/lux"
        XCTAssertEqual(BuiltInCourse.locate(environment: [:], executable: binary), repo + "/lessons")
        XCTAssertNil(BuiltInCourse.locate(environment: ["LUX_COURSE": ""], executable: binary))
        XCTAssertEqual(BuiltInCourse.locate(environment: ["LUX_COURSE": "/x/y"], executable: binary), "/x/y")
        XCTAssertNil(BuiltInCourse.locate(environment: [:], executable: "/nonexistent/bin/lux"))
    }
}
