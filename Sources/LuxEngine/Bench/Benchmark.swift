import Foundation

/// What `lux bench` measures: a prompt of `promptTokens` tokens computed in one batch (prefill),
/// then `genTokens` greedy tokens one at a time (decode), `repeats` times from an empty cache.
public struct BenchmarkOptions: Sendable, Equatable {
    public var promptTokens = 128
    public var genTokens = 64
    public var repeats = 3

    public init(promptTokens: Int = 128, genTokens: Int = 64, repeats: Int = 3) {
        self.promptTokens = promptTokens
        self.genTokens = genTokens
        self.repeats = repeats
    }
}

/// The timings of one repeat.
public struct BenchmarkRun: Sendable, Equatable, Codable {
    /// Seconds to compute the whole prompt.
    public var prefillSeconds: Double
    /// Seconds from the start of the prompt to the first generated token (prefill + sampling).
    public var firstTokenSeconds: Double
    /// Seconds for the `genTokens` one-token steps that follow.
    public var decodeSeconds: Double
    /// The greedy tokens (the first from the prompt's logits, then one per decode step).
    public var generated: [Int32]

    enum CodingKeys: String, CodingKey {
        case prefillSeconds = "prefill_seconds", firstTokenSeconds = "first_token_seconds"
        case decodeSeconds = "decode_seconds", generated
    }
}

/// Everything `lux bench` reports. Rates are medians over the repeats.
public struct BenchmarkReport: Sendable, Codable {
    public var model: String
    public var threads: Int
    public var promptTokenIDs: [Int32]
    public var genTokens: Int
    public var runs: [BenchmarkRun]
    public var prefillTokensPerSecond: Double
    public var decodeTokensPerSecond: Double
    public var firstTokenSeconds: Double
    /// Peak resident memory of the process during the runs (before the bandwidth test).
    public var peakRSSBytes: Int
    public var fileBytes: Int
    public var kvCacheBytes: Int
    public var weightBytesPerToken: Int
    /// Bytes per second that `threads` threads read from memory, measured after the runs.
    public var readBytesPerSecond: Double
    /// Decode rate if every step only had to read its weights at that bandwidth.
    public var decodeBoundTokensPerSecond: Double { readBytesPerSecond / Double(max(1, weightBytesPerToken)) }

    enum CodingKeys: String, CodingKey {
        case model, threads, promptTokenIDs = "prompt_token_ids", genTokens = "gen_tokens", runs
        case prefillTokensPerSecond = "prefill_tokens_per_second", decodeTokensPerSecond = "decode_tokens_per_second"
        case firstTokenSeconds = "first_token_seconds", peakRSSBytes = "peak_rss_bytes", fileBytes = "file_bytes"
        case kvCacheBytes = "kv_cache_bytes", weightBytesPerToken = "weight_bytes_per_token"
        case readBytesPerSecond = "read_bytes_per_second", decodeBound = "decode_bound_tokens_per_second"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(String.self, forKey: .model)
        threads = try c.decode(Int.self, forKey: .threads)
        promptTokenIDs = try c.decode([Int32].self, forKey: .promptTokenIDs)
        genTokens = try c.decode(Int.self, forKey: .genTokens)
        runs = try c.decode([BenchmarkRun].self, forKey: .runs)
        prefillTokensPerSecond = try c.decode(Double.self, forKey: .prefillTokensPerSecond)
        decodeTokensPerSecond = try c.decode(Double.self, forKey: .decodeTokensPerSecond)
        firstTokenSeconds = try c.decode(Double.self, forKey: .firstTokenSeconds)
        peakRSSBytes = try c.decode(Int.self, forKey: .peakRSSBytes)
        fileBytes = try c.decode(Int.self, forKey: .fileBytes)
        kvCacheBytes = try c.decode(Int.self, forKey: .kvCacheBytes)
        weightBytesPerToken = try c.decode(Int.self, forKey: .weightBytesPerToken)
        readBytesPerSecond = try c.decode(Double.self, forKey: .readBytesPerSecond)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(threads, forKey: .threads)
        try c.encode(promptTokenIDs, forKey: .promptTokenIDs)
        try c.encode(genTokens, forKey: .genTokens)
        try c.encode(runs, forKey: .runs)
        try c.encode(prefillTokensPerSecond, forKey: .prefillTokensPerSecond)
        try c.encode(decodeTokensPerSecond, forKey: .decodeTokensPerSecond)
        try c.encode(firstTokenSeconds, forKey: .firstTokenSeconds)
        try c.encode(peakRSSBytes, forKey: .peakRSSBytes)
        try c.encode(fileBytes, forKey: .fileBytes)
        try c.encode(kvCacheBytes, forKey: .kvCacheBytes)
        try c.encode(weightBytesPerToken, forKey: .weightBytesPerToken)
        try c.encode(readBytesPerSecond, forKey: .readBytesPerSecond)
        try c.encode(decodeBoundTokensPerSecond, forKey: .decodeBound)
    }

    init(model: String, threads: Int, promptTokenIDs: [Int32], genTokens: Int, runs: [BenchmarkRun], peakRSSBytes: Int,
         fileBytes: Int, kvCacheBytes: Int, weightBytesPerToken: Int, readBytesPerSecond: Double) {
        self.model = model
        self.threads = threads
        self.promptTokenIDs = promptTokenIDs
        self.genTokens = genTokens
        self.runs = runs
        prefillTokensPerSecond = median(runs.map { Double(promptTokenIDs.count) / $0.prefillSeconds })
        decodeTokensPerSecond = median(runs.map { Double(genTokens) / $0.decodeSeconds })
        firstTokenSeconds = median(runs.map(\.firstTokenSeconds))
        self.peakRSSBytes = peakRSSBytes
        self.fileBytes = fileBytes
        self.kvCacheBytes = kvCacheBytes
        self.weightBytesPerToken = weightBytesPerToken
        self.readBytesPerSecond = readBytesPerSecond
    }
}

public enum Benchmark {
    /// Runs the benchmark on a loaded model. The prompt is `BenchmarkPrompt.tokens`; the cache
    /// holds exactly prompt + generated tokens.
    public static func run(_ model: LanguageModel, options o: BenchmarkOptions) throws -> BenchmarkReport {
        let llama = model.llama
        let prompt = BenchmarkPrompt.tokens(count: o.promptTokens, tokenizer: model.tokenizer, vocabSize: llama.config.vocabSize)
        let context = o.promptTokens + o.genTokens
        guard context <= llama.config.contextLength else {
            throw BenchmarkError.contextTooLong(context, llama.config.contextLength)
        }
        let state = llama.makeState(contextLength: context, batchSize: o.promptTokens)
        // Warm-up, untimed: every weight page is faulted in by a short batch and one decode step.
        let warm = try llama.forwardLogits(Array(prompt.prefix(8)), state: state)
        _ = try llama.forwardLogits([argmax(warm)], state: state)
        var runs: [BenchmarkRun] = []
        var next: [Int32] = [0]   // the decode input, reused so that a step allocates nothing
        for _ in 0..<max(1, o.repeats) {
            state.truncate(to: 0)
            var generated: [Int32] = []
            generated.reserveCapacity(o.genTokens + 1)
            let t0 = DispatchTime.now().uptimeNanoseconds
            var logits = try llama.forwardLogits(prompt, state: state)
            let t1 = DispatchTime.now().uptimeNanoseconds
            generated.append(argmax(logits))
            let t2 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<o.genTokens {
                next[0] = generated[generated.count - 1]
                logits = try llama.forwardLogits(next, state: state)
                generated.append(argmax(logits))
            }
            let t3 = DispatchTime.now().uptimeNanoseconds
            runs.append(BenchmarkRun(prefillSeconds: seconds(t1 - t0), firstTokenSeconds: seconds(t2 - t0),
                                     decodeSeconds: seconds(t3 - t2), generated: generated))
        }
        let peak = PeakMemory.residentBytes
        let bandwidth = ReadBandwidth.measure(pool: llama.pool)
        return BenchmarkReport(model: model.path, threads: llama.pool.threadCount, promptTokenIDs: prompt,
                               genTokens: o.genTokens, runs: runs, peakRSSBytes: peak, fileBytes: model.gguf.fileSize,
                               kvCacheBytes: state.cache.bytes, weightBytesPerToken: llama.weightBytesPerToken,
                               readBytesPerSecond: bandwidth)
    }

    static func argmax(_ x: UnsafeBufferPointer<Float>) -> Int32 {
        var best = 0
        for i in 1..<x.count where x[i] > x[best] { best = i }
        return Int32(best)
    }

    static func seconds(_ ns: UInt64) -> Double { Double(ns) / 1e9 }
}

public enum BenchmarkError: Error, CustomStringConvertible, Equatable {
    case contextTooLong(Int, Int)

    public var description: String {
        switch self {
        case .contextTooLong(let n, let max):
            return "prompt + generated tokens (\(n)) exceed the model's context of \(max)"
        }
    }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return 0 }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
