/// A model ready to talk: the mapped file, the Llama weights, the tokenizer and the chat format.
public final class LanguageModel: @unchecked Sendable {
    public let path: String
    public let gguf: GGUFFile
    public let llama: LlamaModel
    public let tokenizer: Tokenizer
    public let template: ChatTemplate?

    /// Opens and validates a GGUF model. Errors are one line naming the file and what is wrong.
    public init(path: String, threads: Int? = nil) throws {
        self.path = path
        let missing = CPUFeatures.current.missingForThisBuild
        guard missing.isEmpty else {
            throw GGUFError(path: path, place: "CPU", message: "this build of lux needs \(missing.joined(separator: ", ")), which this CPU lacks")
        }
        gguf = try GGUFFile(path: path)
        llama = try LlamaModel(gguf: gguf, threads: threads)
        tokenizer = try Tokenizer(gguf: gguf)
        guard tokenizer.vocabularySize <= llama.config.vocabSize || tokenizer.vocabularySize == llama.config.vocabSize else {
            throw GGUFError(path: path, place: "tokenizer.ggml.tokens",
                            message: "\(tokenizer.vocabularySize) tokens but the embedding has \(llama.config.vocabSize) rows")
        }
        template = ChatTemplate.detect(gguf: gguf, tokenizer: tokenizer)
    }

    /// Context length used when none is asked for: 4096, or less if the model was trained shorter.
    public var defaultContextLength: Int { min(4096, llama.config.contextLength) }
}
