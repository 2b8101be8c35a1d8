/// How to compute with a weight type: the activation format llama.cpp pairs it with
/// (Q8_0 for Q4_0/Q8_0, Q8_1 for Q4_1, Q8_K for K-quants, F16 for F16, BF16 for BF16, F32 for F32),
/// the dot product of one weight row with quantized activations, and the reference dequantize.
/// Matching llama.cpp's pairing is what makes our greedy tokens equal to its tokens.
public struct WeightFormat: Sendable {
    public typealias Dot = @Sendable (UnsafeRawPointer, UnsafeRawPointer, Int) -> Float
    public typealias Dequantize = @Sendable (UnsafeRawPointer, UnsafeMutablePointer<Float>, Int) -> Void
    public typealias Quantize = @Sendable (UnsafePointer<Float>, UnsafeMutableRawPointer, Int) -> Void

    public let type: GGMLType
    public let activationType: GGMLType
    public let dot: Dot
    public let dequantize: Dequantize
    public let quantizeActivation: Quantize

    /// Bytes of `n` activations in this format's activation type.
    public func activationBytes(_ n: Int) -> Int { activationType.rowBytes(n) }

    public static func of(_ type: GGMLType) -> WeightFormat? {
        switch type {
        case .f32: return WeightFormat(type: type, activationType: .f32, dot: F32.dot, dequantize: F32.dequantize, quantizeActivation: F32.quantize)
        case .f16: return WeightFormat(type: type, activationType: .f16, dot: F16.dot, dequantize: F16.dequantize, quantizeActivation: F16.quantize)
        case .q8_0: return WeightFormat(type: type, activationType: .q8_0, dot: Q8_0.dot, dequantize: Q8_0.dequantize, quantizeActivation: Q8_0.quantize)
        case .q4_0: return WeightFormat(type: type, activationType: .q8_0, dot: Q4_0.dot, dequantize: Q4_0.dequantize, quantizeActivation: Q8_0.quantize)
        case .q4_1: return WeightFormat(type: type, activationType: .q8_1, dot: Q4_1.dot, dequantize: Q4_1.dequantize, quantizeActivation: Q8_1.quantize)
        case .q4_K: return WeightFormat(type: type, activationType: .q8_K, dot: Q4_K.dotFast, dequantize: Q4_K.dequantize, quantizeActivation: Q8_K.quantize)
        case .q5_K: return WeightFormat(type: type, activationType: .q8_K, dot: Q5_K.dotFast, dequantize: Q5_K.dequantize, quantizeActivation: Q8_K.quantize)
        case .q6_K: return WeightFormat(type: type, activationType: .q8_K, dot: Q6_K.dotFast, dequantize: Q6_K.dequantize, quantizeActivation: Q8_K.quantize)
        case .bf16: return WeightFormat(type: type, activationType: .bf16, dot: BF16.dotFast, dequantize: BF16.dequantize, quantizeActivation: BF16.quantize)
        default: return nil
        }
    }
}
