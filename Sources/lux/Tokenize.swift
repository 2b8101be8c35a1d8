import ArgumentParser
import LuxEngine

/// `lux tokenize --model PATH TEXT`: the token ids llama.cpp would give TEXT, as a JSON array.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the token ids of a text as a JSON array, e.g. [128000,44,...]."
    )

    @Option(name: .long, help: "The GGUF model whose tokenizer to use.")
    var model: String

    @Flag(name: .customLong("no-bos"), help: "Do not add the beginning-of-text token, even if the model asks for one.")
    var noBOS = false

    @Flag(name: .long, help: "Read control tokens written in the text, such as <|eot_id|>, as those tokens.")
    var special = false

    @Argument(help: "The text to tokenize (after --, if it starts with a dash).")
    var text: String

    func run() {
        let tokenizer = orExit { try Tokenizer(gguf: GGUFFile(path: model)) }
        let ids = tokenizer.encode(text, addBOS: noBOS ? false : nil, parseSpecial: special)
        print("[" + ids.map(String.init).joined(separator: ",") + "]")
    }
}
