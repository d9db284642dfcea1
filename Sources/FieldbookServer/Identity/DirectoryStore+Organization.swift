import GRDB

extension DirectoryStore {
    /// What a directory name index is for.
    enum Index: String, Sendable {
        case team, territory
    }

    /// Adds a team or territory to its index; `conflict` when the name or code is taken.
    func insert(_ index: Index, id: String, name: String, code: String? = nil) async throws {
        try await writer.write { db in
            let table = index.rawValue
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE name = ?", arguments: [name]) == nil else {
                throw IdentityError(.conflict, "a \(table) named '\(name)' exists already")
            }
            if index == .territory {
                if let code, try Bool.fetchOne(db, sql: "SELECT 1 FROM territory WHERE code = ?", arguments: [code]) != nil {
                    throw IdentityError(.conflict, "a territory with code '\(code)' exists already")
                }
                try db.execute(sql: "INSERT INTO territory (id, name, code) VALUES (?, ?, ?)", arguments: [id, name, code])
            } else {
                try db.execute(sql: "INSERT INTO team (id, name) VALUES (?, ?)", arguments: [id, name])
            }
        }
    }

    /// Removes an index entry (undoing a failed add).
    func delete(_ index: Index, id: String) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM \(index.rawValue) WHERE id = ?", arguments: [id]) }
    }

    /// The record ID of the team or territory with this name, record ID or (territories) code.
    func resolve(_ index: Index, _ reference: String) async throws -> String? {
        try await writer.read { db in
            let codeClause = index == .territory ? " OR code = ?1" : ""
            return try String.fetchOne(
                db,
                sql: "SELECT id FROM \(index.rawValue) WHERE id = ?1 OR name = ?1\(codeClause) ORDER BY id = ?1 DESC LIMIT 1",
                arguments: [reference]
            )
        }
    }

    /// All entries of an index, by name: (id, name, code).
    func entries(_ index: Index) async throws -> [(id: String, name: String, code: String?)] {
        try await writer.read { db in
            let code = index == .territory ? "code" : "NULL AS code"
            return try Row.fetchAll(db, sql: "SELECT id, name, \(code) FROM \(index.rawValue) ORDER BY name").map {
                (id: $0["id"], name: $0["name"], code: $0["code"])
            }
        }
    }
}
