import Foundation
import XCTest

/// `lux bench` end to end on the small default model: the table, the JSON, and bad input.
final class BenchCommandTests: XCTestCase {
    func testJSONReport() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let r = try LuxBinary.run(["bench", "--model", model, "--prompt-tokens", "16", "--gen-tokens", "4", "--repeat", "1",
                                   "--threads", "2", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["threads"] as? Int, 2)
        XCTAssertEqual((json["prompt_token_ids"] as? [Int])?.count, 16)
        XCTAssertEqual(json["gen_tokens"] as? Int, 4)
        for key in ["prefill_tokens_per_second", "decode_tokens_per_second", "first_token_seconds", "peak_rss_bytes",
                    "decode_bound_tokens_per_second"] {
            XCTAssertGreaterThan(json[key] as? Double ?? 0, 0, key)
        }
    }

    func testTable() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let r = try LuxBinary.run(["bench", "--model", model, "--prompt-tokens", "8", "--gen-tokens", "2", "--repeat", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for label in ["prefill", "decode", "first token", "peak RSS", "read bandwidth", "decode bound"] {
            XCTAssertTrue(r.stdout.contains(label), "missing \(label) in:\n\(r.stdout)")
        }
    }

    func testBadInput() throws {
        let missing = try LuxBinary.run(["bench", "--model", "/nonexistent/model.gguf"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/model.gguf"), missing.stderr)
        let threads = try LuxBinary.run(["bench", "--model", "x.gguf", "--threads", "0"])
        XCTAssertNotEqual(threads.status, 0)
        XCTAssertTrue(threads.stderr.contains("--threads"), threads.stderr)
    }
}
