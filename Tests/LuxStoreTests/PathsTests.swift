import Foundation
import LuxStore
import XCTest

final class PathsTests: XCTestCase {
    func testLuxHomeWins() {
        let paths = LuxPaths(environment: ["LUX_HOME": "/srv/lux", "XDG_DATA_HOME": "/xdg/data", "HOME": "/home/ana"])
        XCTAssertEqual(paths.dataDirectory, "/srv/lux")
        XCTAssertEqual(paths.database, "/srv/lux/lux.sqlite")
        XCTAssertEqual(paths.models, "/srv/lux/models")
    }

    func testXDGDirectories() {
        let paths = LuxPaths(environment: ["XDG_DATA_HOME": "/xdg/data",
                                           "HOME": "/home/ana"])
        XCTAssertEqual(paths.database, "/xdg/data/lux/lux.sqlite")
    }

    func testDefaultsUnderHomeAndRelativeXDGIgnored() {
        let paths = LuxPaths(environment: ["XDG_DATA_HOME": "relative/data",
                                           "LUX_HOME": "", "HOME": "/home/ana"])
        XCTAssertEqual(paths.dataDirectory, "/home/ana/.local/share/lux")
        XCTAssertEqual(paths.models, "/home/ana/.local/share/lux/models")
    }

    func testCreateDataDirectoryMakesParents() throws {
        let root = try makeTemporaryDirectory()
        let paths = LuxPaths(dataDirectory: "\(root)/a/b/lux")
        try paths.createDataDirectory()
        try paths.createDataDirectory() // again: nothing to do, no error
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(root)/a/b/lux/models", isDirectory: &isDirectory))
        XCTAssertTrue(isDirectory.boolValue)
    }

    func testFileInTheWayIsReported() throws {
        let root = try makeTemporaryDirectory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(root)/file"))
        let paths = LuxPaths(environment: ["LUX_HOME": "\(root)/file/lux"])
        assertStoreError(try paths.createDataDirectory(),
                         contains: ["cannot create the data directory \(root)/file/lux", "\(root)/file is a file"])
        assertStoreError(try LuxDatabase(paths: paths), contains: ["\(root)/file/lux"])
    }
}
