import Foundation
import XCTest

final class DoctorCommandTests: XCTestCase {
    func testEveryCheckIsReportedAndAMissingModelExitsOne() throws {
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let r = try LuxBinary.run(["doctor"], home: home)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let names = r.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        for check in ["locale", "terminal", "cpu", "openblas", "sqlite", "data", "model"] {
            XCTAssertTrue(names.contains(check), "no \(check) line in:\n\(r.stdout)")
        }
        XCTAssertTrue(r.stdout.contains("model     FIX      no usable model: run scripts/fetch-model"), r.stdout)
        XCTAssertTrue(r.stdout.contains("data      ok       \(home) is writable"), r.stdout)
    }

    func testTheCPULineSaysWhichKernelsRun() throws {
        let fast = try LuxBinary.run(["doctor"])
        #if arch(x86_64)
        XCTAssertTrue(fast.stdout.contains("AVX2 FMA F16C; AVX2 kernels\n"), fast.stdout)
        #endif
        let portable = try LuxBinary.run(["doctor"], environment: ["LUX_PORTABLE_KERNELS": "1"])
        XCTAssertTrue(portable.stdout.contains("; portable kernels (LUX_PORTABLE_KERNELS=1)\n"), portable.stdout)
    }

    func testNonUTF8LocaleGetsTheFix() throws {
        let r = try LuxBinary.run(["doctor"], environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        XCTAssertTrue(r.stdout.contains("locale    FIX      LANG=C is not UTF-8: export LANG=C.UTF-8"), r.stdout)
    }

    func testModelsAreListedAndABrokenOneGetsALineNotACrash() throws {
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let smol = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        try FileManager.default.createSymbolicLink(atPath: home + "/models/SmolLM2-135M-Instruct.Q4_1.gguf", withDestinationPath: smol)
        // A truncated copy of the start of the file, and one nobody may read.
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: smol)).read(upToCount: 5000) ?? Data()
        try head.write(to: URL(fileURLWithPath: home + "/models/broken.gguf"))
        try Data("GGUF".utf8).write(to: URL(fileURLWithPath: home + "/models/locked.gguf"))
        chmod(home + "/models/locked.gguf", 0)

        let r = try LuxBinary.run(["doctor"], home: home)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("SmolLM2-135M-Instruct.Q4_1.gguf: 98.4 MB, llama, Q4_1 [used by default]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("warning  \(home)/models/broken.gguf: "), r.stdout)
        if getuid() != 0 {  // root reads any file
            XCTAssertTrue(r.stdout.contains("warning  \(home)/models/locked.gguf: "), r.stdout)
        }
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.hasPrefix("model") }.count, 3, r.stdout)
    }
}
