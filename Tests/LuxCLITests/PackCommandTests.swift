import Foundation
import XCTest

/// `lux pack remove`: a pack goes with its cards; a wrong id is one clear line.
final class PackCommandTests: XCTestCase {
    func testRemoveTakesThePackAndNamesAWrongID() throws {
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let pack = LuxBinary.packageRoot.appendingPathComponent("Tests/LuxLearnTests/Fixtures/packs/example").path
        XCTAssertEqual(try LuxBinary.run(["pack", "import", pack], home: home).status, 0)
        let id = try XCTUnwrap(try LuxBinary.run(["pack", "list"], home: home).stdout
            .split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))

        let wrong = try LuxBinary.run(["pack", "remove", "no-such-pack", "--yes"], home: home)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.stderr, "lux: no pack \"no-such-pack\" is imported (lux pack list shows them)\n")

        let removed = try LuxBinary.run(["pack", "remove", id, "--yes"], home: home)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "removed \(id)\n")
        XCTAssertTrue(try LuxBinary.run(["pack", "list"], home: home).stdout.hasPrefix("no packs imported"))
    }
}
