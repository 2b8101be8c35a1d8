import Foundation
import GRDB

extension LuxDatabase {
    public func createChatSession(title: String, model: String, systemPrompt: String,
                                  at now: Date = Date()) throws -> ChatSessionRecord {
        try write { db in
            var session = ChatSessionRecord(title: title, model: model, systemPrompt: systemPrompt,
                                            createdAt: now, updatedAt: now)
            try session.insert(db)
            return session
        }
    }

    /// Sessions, most recently active first.
    public func chatSessions(limit: Int = 100) throws -> [ChatSessionRecord] {
        try read { db in
            try ChatSessionRecord
                .order(ChatSessionRecord.CodingKeys.updatedAt.desc, ChatSessionRecord.CodingKeys.id.desc)
                .limit(max(0, limit))
                .fetchAll(db)
        }
    }

    public func chatSession(id: Int64) throws -> ChatSessionRecord? {
        try read { db in try ChatSessionRecord.fetchOne(db, key: id) }
    }

    /// Adds a message to a session and marks the session active, in one transaction.
    @discardableResult
    public func appendChatMessage(sessionID: Int64, role: ChatRole, content: String, tokens: Int? = nil,
                                  at now: Date = Date()) throws -> ChatMessageRecord {
        try write { db in
            guard var session = try ChatSessionRecord.fetchOne(db, key: sessionID) else {
                throw StoreError.notFound(path: path, what: "chat session \(sessionID)")
            }
            var message = ChatMessageRecord(sessionID: sessionID, role: role, content: content, tokens: tokens,
                                            createdAt: now)
            try message.insert(db)
            session.updatedAt = now
            try session.update(db)
            return message
        }
    }

    /// A session's messages in the order they were added.
    public func chatMessages(sessionID: Int64) throws -> [ChatMessageRecord] {
        try read { db in
            try ChatMessageRecord.filter(ChatMessageRecord.CodingKeys.sessionID == sessionID)
                .order(ChatMessageRecord.CodingKeys.id).fetchAll(db)
        }
    }

    public func renameChatSession(id: Int64, title: String) throws {
        try write { db in
            guard var session = try ChatSessionRecord.fetchOne(db, key: id) else {
                throw StoreError.notFound(path: path, what: "chat session \(id)")
            }
            session.title = title
            try session.update(db)
        }
    }

    /// Deletes a session and its messages. False if there was no such session.
    @discardableResult
    public func deleteChatSession(id: Int64) throws -> Bool {
        try write { db in try ChatSessionRecord.deleteOne(db, key: id) }
    }
}
