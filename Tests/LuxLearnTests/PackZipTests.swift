import Foundation
import LuxLearn
import XCTest

/// Hostile archives (made by scripts/fixtures/make_pack_zips.py) are refused whole, and nothing
/// from them is ever written to disk.
final class PackZipTests: XCTestCase {
    private func zip(_ name: String) throws -> String { try PackFixtures.path("zips/\(name)") }

    func testZipSlipEntryRefusesTheArchive() throws {
        let problems = packProblems(try zip("slip.zip"))
        XCTAssertEqual(problems.map(\.message), [#"archive entry "../evil.toml" points outside the pack; the archive is refused"#])
        XCTAssertEqual(problems.first?.file, "")
    }

    func testAbsoluteEntryRefusesTheArchive() throws {
        XCTAssertEqual(packProblems(try zip("absolute.zip")).map(\.message),
                       [#"archive entry "/tmp/evil.toml" points outside the pack; the archive is refused"#])
    }

    func testSymbolicLinkEntryRefusesTheArchive() throws {
        XCTAssertEqual(packProblems(try zip("symlink.zip")).map(\.message),
                       [#"archive entry "units/link.toml" is a symbolic link; the archive is refused"#])
    }

    func testOversizedEntryIsRefusedByItsDeclaredSize() throws {
        let problems = packProblems(try zip("large.zip"))
        XCTAssertEqual(problems.map(\.description), ["units/big.toml: is larger than 4 MiB"])
    }

    /// The headers claim 100 bytes; inflating is stopped at the limit all the same.
    func testEntryLyingAboutItsSizeIsStoppedWhileInflating() throws {
        let problems = packProblems(try zip("lying.zip"))
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.file, "units/big.toml")
        XCTAssertTrue(problems.first?.message.hasPrefix("inflates to more than its size limit") ?? false,
                      problems.map(\.description).joined(separator: "\n"))
    }

    func testNotAZip() throws {
        let path = (try makePackTemporaryDirectory() as NSString).appendingPathComponent("pack.zip")
        try Data("this is not a zip archive".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(packProblems(path).map(\.description), ["not a pack folder or a readable .zip archive"])
    }

    /// A folder pack may not reach outside itself through a symbolic link either.
    func testSymbolicLinkInFolderIsRefused() throws {
        let outside = try writePack(["units/secret.toml": "unit = \"basics\"\n"], name: "outside")
        let root = try writePack(["pack.toml": packManifest()])
        try FileManager.default.createSymbolicLink(atPath: (root as NSString).appendingPathComponent("units"),
                                                   withDestinationPath: (outside as NSString).appendingPathComponent("units"))
        XCTAssertEqual(packProblems(root).map(\.description), ["units: is a symbolic link; a pack holds plain files only"])
    }
}
