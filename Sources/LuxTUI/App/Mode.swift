/// The app's modes, each with its screen. Home lists them with their letter; F-keys reach them
/// from anywhere, even while typing.
public enum Mode: String, CaseIterable, Sendable {
    case home, vocabulary, conjugate, translate, chat, dictionary, lessons, stats, settings

    public var title: String {
        switch self {
        case .home: "Home"
        case .vocabulary: "Vocabulary"
        case .conjugate: "Conjugate"
        case .translate: "Translate"
        case .chat: "Chat"
        case .dictionary: "Dictionary"
        case .lessons: "Lessons"
        case .stats: "Stats"
        case .settings: "Settings"
        }
    }

    /// The key that opens it from Home.
    public var letter: Character {
        switch self {
        case .home: "h"
        case .vocabulary: "v"
        case .conjugate: "c"
        case .translate: "t"
        case .chat: "a"
        case .dictionary: "d"
        case .lessons: "l"
        case .stats: "s"
        case .settings: "o"
        }
    }

    /// F2 ... F10 (F1 is help).
    public var functionKey: Int { (Mode.allCases.firstIndex(of: self) ?? 0) + 2 }

    public static func forFunctionKey(_ n: Int) -> Mode? {
        let i = n - 2
        return allCases.indices.contains(i) ? allCases[i] : nil
    }
}
