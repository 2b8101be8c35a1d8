import Foundation
import LuxLearn
import XCTest

/// The first run installs the course in lessons/, once; LUX_COURSE chooses or turns it off.
final class BuiltInCourseTests: XCTestCase {
    func testFirstRunImportsEveryPackOnceAndNeverAgain() throws {
        let database = try makePackDatabase()
        let course = CourseContent.lessonsDirectory.path
        let report = try BuiltInCourse.importOnFirstRun(into: database, from: course)
        let lines = report.imported
        XCTAssertEqual(lines.count, 3, lines.joined(separator: "\n"))
        XCTAssertEqual(report.problems, [])
        XCTAssertTrue(lines.allSatisfy { $0.contains("(new)") }, lines.joined(separator: "\n"))
        XCTAssertEqual(report.summary, "Installed the built-in course: 3 packs (see Lessons)")
        XCTAssertEqual(try database.packs().map(\.id).sorted(), ["lux-a1-basics", "lux-a2-everyday", "lux-b1-society"])
        // The second start imports nothing, even once the learner has removed every pack.
        XCTAssertTrue(try BuiltInCourse.importOnFirstRun(into: database, from: course).isEmpty)
    }

    func testABrokenPackIsReportedAndTheOthersStillImport() throws {
        let folder = try makePackTemporaryDirectory()
        let good = CourseContent.lessonsDirectory.appendingPathComponent("a1-basics").path
        try FileManager.default.copyItem(atPath: good, toPath: folder + "/a1")
        try FileManager.default.createDirectory(atPath: folder + "/b-broken", withIntermediateDirectories: true)
        try Data("id = \"broken\"\nversion = ".utf8).write(to: URL(fileURLWithPath: folder + "/b-broken/pack.toml"))
        let report = try BuiltInCourse.importOnFirstRun(into: try makePackDatabase(), from: folder)
        XCTAssertEqual(report.imported.count, 1)
        XCTAssertEqual(report.problems.count, 1)
        XCTAssertTrue(report.imported[0].hasPrefix("lux-a1-basics"), report.imported[0])
        XCTAssertTrue(report.problems[0].contains("b-broken") && report.problems[0].contains("not imported"), report.problems[0])
        XCTAssertEqual(report.summary, "Built-in course: 1 pack installed, 1 not (listed when lux exits)")
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
