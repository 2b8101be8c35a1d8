import Foundation
import LuxStore
import XCTest

final class PathsTests: XCTestCase {
    func testLuxHomeWins() {
        let paths = LuxPaths(environment: ["LUX_HOME": "/srv/lux", "XDG_DATA_HOME": "/xdg/data", "HOME": "/home/ana"])
        XCTAssertEqual(paths.dataDirectory, "/srv/lux")
        XCTAssertEqual(paths.database, "/srv/lux/lux.sqlite")
        XCTAssertEqual(paths.models, "/srv/lux/models")
        XCTAssertEqual(paths.configDirectory, "/home/ana/.config/lux")
        XCTAssertEqual(paths.configFile, "/home/ana/.config/lux/config.toml")
    }

    func testXDGDirectories() {
        let paths = LuxPaths(environment: ["XDG_DATA_HOME": "/xdg/data", "XDG_CONFIG_HOME": "/xdg/config",
                                           "HOME": "/home/ana"])
        XCTAssertEqual(paths.database, "/xdg/data/lux/lux.sqlite")
        XCTAssertEqual(paths.configFile, "/xdg/config/lux/config.toml")
    }

    func testDefaultsUnderHomeAndRelativeXDGIgnored() {
        let paths = LuxPaths(environment: ["XDG_DATA_HOME": "relative/data", "XDG_CONFIG_HOME": "",
                                           "LUX_HOME": "", "HOME": "/home/ana"])
        XCTAssertEqual(paths.dataDirectory, "/home/ana/.local/share/lux")
        XCTAssertEqual(paths.models, "/home/ana/.local/share/lux/models")
        XCTAssertEqual(paths.configDirectory, "/home/ana/.config/lux")
    }

    func testCreateDataDirectoryMakesParents() throws {
        let root = try makeTemporaryDirectory()
        let paths = LuxPaths(dataDirectory: "\(root)/a/b/lux", configDirectory: "\(root)/config")
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
