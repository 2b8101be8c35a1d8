import Foundation
import GRDB

/// One conversation with the tutor.
public struct ChatSessionRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "chat_sessions"

    public var id: Int64?
    public var title: String
    /// The GGUF model it ran on (file name or id).
    public var model: String
    public var systemPrompt: String
    public var createdAt: Date
    /// When the last message was added.
    public var updatedAt: Date

    public init(id: Int64? = nil, title: String, model: String, systemPrompt: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.title = title
        self.model = model
        self.systemPrompt = systemPrompt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, title, model
        case systemPrompt = "system_prompt"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

public enum ChatRole: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case system, user, assistant
}

/// One message of a chat session.
public struct ChatMessageRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "chat_messages"

    public var id: Int64?
    public var sessionID: Int64
    public var role: ChatRole
    public var content: String
    /// Tokens the message took in the model's context, when known.
    public var tokens: Int?
    public var createdAt: Date

    public init(id: Int64? = nil, sessionID: Int64, role: ChatRole, content: String, tokens: Int?, createdAt: Date) {
        self.id = id
        self.sessionID = sessionID
        self.role = role
        self.content = content
        self.tokens = tokens
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case sessionID = "session_id"
        case role, content, tokens
        case createdAt = "created_at"
    }
}
