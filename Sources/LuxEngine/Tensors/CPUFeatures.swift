import Foundation

/// What the CPU offers, read once at start. The x86-64 build of the engine is compiled for
/// Haswell-class CPUs (AVX2, FMA, F16C, see Package.swift), so on a CPU without them the model
/// refuses to load with a clear message instead of dying on an illegal instruction.
public struct CPUFeatures: Sendable, Equatable {
    public var avx2 = false
    public var fma = false
    public var f16c = false
    public var neon = false
    /// The CPU model name, when the system tells it.
    public var modelName: String?

    public static let current = CPUFeatures.detect()

    /// The features this build's SIMD paths need that the CPU lacks; empty when all is well.
    public var missingForThisBuild: [String] {
        #if arch(x86_64)
        return [("AVX2", avx2), ("FMA", fma), ("F16C", f16c)].filter { !$0.1 }.map(\.0)
        #elseif arch(arm64)
        return neon ? [] : ["NEON"]
        #else
        return []
        #endif
    }

    /// The SIMD features present, e.g. "AVX2 FMA F16C".
    public var summary: String {
        let names = [("AVX2", avx2), ("FMA", fma), ("F16C", f16c), ("NEON", neon)].filter(\.1).map(\.0)
        return names.isEmpty ? "no SIMD extensions found" : names.joined(separator: " ")
    }

    static func detect() -> CPUFeatures {
        var features = CPUFeatures()
        #if arch(arm64)
        features.neon = true  // Advanced SIMD is mandatory on arm64.
        #endif
        #if os(Linux)
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            features.apply(cpuinfo: text)
        }
        #elseif os(macOS)
        features.avx2 = sysctlFlag("hw.optional.avx2_0")
        features.fma = sysctlFlag("hw.optional.fma")
        features.f16c = sysctlFlag("hw.optional.f16c")
        #endif
        return features
    }

    /// Reads the first processor's flags (x86) or features (arm) line of /proc/cpuinfo.
    mutating func apply(cpuinfo: String) {
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if key == "model name", modelName == nil { modelName = value }
            if key == "flags" || key == "Features" {
                let flags = Set(value.split(separator: " ").map(String.init))
                avx2 = avx2 || flags.contains("avx2")
                fma = fma || flags.contains("fma")
                f16c = f16c || flags.contains("f16c")
                neon = neon || flags.contains("asimd") || flags.contains("neon")
                break
            }
        }
    }

    #if os(macOS)
    private static func sysctlFlag(_ name: String) -> Bool {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
    }
    #endif
}
