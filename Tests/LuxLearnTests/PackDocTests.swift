import Foundation
import LuxLearn
import XCTest

/// docs/lesson-packs.md shows a complete example pack; it must be, byte for byte, the pack in
/// Fixtures/packs/example that the other tests load, so the documentation cannot drift.
final class PackDocTests: XCTestCase {
    /// The example files in the doc: each is a fenced block right after a line
    /// `<!-- example: PATH -->`.
    private func documentedExample() throws -> [String: String] {
        let doc = try String(contentsOf: PackFixtures.repositoryRoot.appendingPathComponent("docs/lesson-packs.md"),
                             encoding: .utf8)
        var files: [String: String] = [:]
        let lines = doc.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("<!-- example: "), line.hasSuffix(" -->") else { continue }
            let path = String(line.dropFirst("<!-- example: ".count).dropLast(" -->".count))
            guard index < lines.count, lines[index].hasPrefix("```") else {
                XCTFail("no code block after the marker for \(path)")
                continue
            }
            index += 1
            var body: [String] = []
            while index < lines.count, lines[index] != "```" {
                body.append(lines[index])
                index += 1
            }
            index += 1
            XCTAssertNil(files[path], "\(path) appears twice in the doc")
            files[path] = body.joined(separator: "\n") + "\n"
        }
        return files
    }

    func testDocExampleIsTheFixturePack() throws {
        let documented = try documentedExample()
        let fixture = try PackReader.read(try PackFixtures.path("example"))
        XCTAssertEqual(Set(documented.keys), Set(fixture.files.map(\.path)))
        for file in fixture.files {
            let want = String(decoding: file.data, as: UTF8.self).components(separatedBy: "\n")
            let got = (documented[file.path] ?? "").components(separatedBy: "\n")
            if let line = zip(want, got).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                ?? (want.count == got.count ? nil : min(want.count, got.count)) {
                XCTFail("docs/lesson-packs.md and Fixtures/packs/example/\(file.path) differ at line \(line + 1) "
                        + "of the file: \"\(want.indices.contains(line) ? want[line] : "")\" in the fixture, "
                        + "\"\(got.indices.contains(line) ? got[line] : "")\" in the doc")
            }
        }
    }

    func testDocExampleValidates() throws {
        let pack = try loadPack(try PackFixtures.path("example"))
        XCTAssertEqual(pack.contentItems.count, 19)
        XCTAssertEqual(pack.manifest.units.count, 2)
    }
}
