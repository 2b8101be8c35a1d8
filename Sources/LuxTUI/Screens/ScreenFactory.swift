/// Makes each mode's screen the first time it is opened.
enum ScreenFactory {
    static func make(_ mode: Mode, context: AppContext) -> Screen {
        switch mode {
        case .home: HomeScreen(context: context)
        case .vocabulary: VocabularyScreen(context: context)
        case .conjugate: ConjugateScreen(context: context)
        case .translate: TranslateScreen(context: context)
        case .chat: ChatScreen(context: context)
        case .dictionary: DictionaryScreen(context: context)
        case .lessons: LessonsScreen(context: context)
        case .stats: StatsScreen(context: context)
        case .settings: SettingsScreen(context: context)
        }
    }
}
