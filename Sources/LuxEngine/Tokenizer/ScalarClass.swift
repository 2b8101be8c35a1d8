/// What the pre-tokenizer regexes ask of a character: \p{L}, \p{N} and \s (Unicode White_Space,
/// the set llama.cpp uses). `inText` marks a real character, as opposed to a look past the end of
/// the fragment, which has no class at all.
struct ScalarClass: OptionSet {
    let rawValue: UInt8
    static let inText = ScalarClass(rawValue: 1)
    static let letter = ScalarClass(rawValue: 2)
    static let number = ScalarClass(rawValue: 4)
    static let whitespace = ScalarClass(rawValue: 8)

    static let none: ScalarClass = []

    private static let ascii: [ScalarClass] = (0..<128).map { compute(UInt32($0)) }

    static func of(_ value: UInt32) -> ScalarClass {
        value < 128 ? ascii[Int(value)] : compute(value)
    }

    private static func compute(_ value: UInt32) -> ScalarClass {
        var c: ScalarClass = .inText
        guard let scalar = Unicode.Scalar(value) else { return c }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            c.insert(.letter)
        case .decimalNumber, .letterNumber, .otherNumber:
            c.insert(.number)
        default:
            break
        }
        if scalar.properties.isWhitespace { c.insert(.whitespace) }
        return c
    }
}
