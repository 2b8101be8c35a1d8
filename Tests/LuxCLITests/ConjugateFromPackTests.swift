import Foundation
import XCTest

/// `lux conjugate` falls back on the verbs of imported packs when the dictionary lacks them.
final class ConjugateFromPackTests: XCTestCase {
    func testPackVerbIsFoundByAnyForm() throws {
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let none = try LuxBinary.run(["conjugate", "gees"], home: home)
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("is in no imported pack, and the dictionary is empty"), none.stderr)

        let pack = LuxBinary.packageRoot.appendingPathComponent("Tests/LuxLearnTests/Fixtures/packs/example").path
        XCTAssertEqual(try LuxBinary.run(["pack", "import", pack], home: home).status, 0)
        let r = try LuxBinary.run(["conjugate", "GEES"], home: home)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("GEES → goen\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("perfect with sinn"), r.stdout)
        let json = try LuxBinary.run(["conjugate", "goen", "--json"], home: home)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let forms = try XCTUnwrap(object["forms"] as? [String: [String: [String]]])
        XCTAssertEqual(forms["present"]?["3sg"], ["geet"])
        XCTAssertEqual(forms["imperative"]?["2sg"], ["géi"])
        XCTAssertEqual(object["auxiliary"] as? String, "sinn")
    }
}
