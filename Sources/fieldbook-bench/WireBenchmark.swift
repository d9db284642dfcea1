import FieldbookClient
import FieldbookModel
import FieldbookProtocol
import FieldbookSync
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Figure 7: compressed bytes on the wire per change, against gzip of the
/// bare values those changes carry.
///
/// Device A (office user, own replica) pushes `records` creations (accounts,
/// contacts and calls: ``SeedRecords`` fields with free text varied by
/// ``VariedText``) followed by
/// `edits` one-field edits (phone or subject, each superseding the previous
/// value), in requests of 500 changes encoded by ``WireCodec`` exactly as the
/// client encodes them. Device B, synced before, pulls them over HTTP with
/// `Accept-Encoding: gzip`; the figure is the compressed response bytes
/// (`Content-Length` of the gzip bodies the server sent) per change.
///
/// Baseline in the same run: for every pulled page, its changes' bare values
/// (``BareValues/line(of:)``: values tab-separated, one line per change, no
/// IDs, dots, times or field names) compressed with `gzip -6`. Ratio = wire ÷
/// baseline; target ≤ 1.3. The push direction is reported too: the JSON
/// bodies as sent (the CLI does not compress pushes yet) and gzipped.
struct WireBenchmark {
    let options: WireOptions

    func run() async throws -> WireReport {
        let environment = try ServerBenchEnvironment()
        var report = WireReport(options: options)
        do {
            let territory = try await environment.addTerritory("Nord")
            try await environment.addUser("office-a", role: "office")
            try await environment.addUser("office-b", role: "office")
            try await environment.start()
            let server = environment.baseURL
            let writer = ReplicaID(unchecked: "c-wire-a-" + UUID().uuidString.lowercased())
            let reader = ReplicaID(unchecked: "c-wire-b-" + UUID().uuidString.lowercased())
            let writerToken = try await login("office-a", writer, server)
            let readerToken = try await login("office-b", reader, server)
            let (start, _) = try await pullAll(reader, token: readerToken, server: server, from: nil)
            let (creations, edits) = try Self.workload(options, replica: writer, territory: territory)
            try await push(creations, as: writer, token: writerToken, server: server, report: &report)
            let (afterCreations, created) = try await pullAll(reader, token: readerToken, server: server, from: start)
            try await push(edits, as: writer, token: writerToken, server: server, report: &report)
            report.creations = created
            report.edits = try await pullAll(reader, token: readerToken, server: server, from: afterCreations).1
        } catch {
            await environment.shutDown()
            throw error
        }
        await environment.shutDown()
        return report
    }

    /// The changes A pushes: creations (``SeedRecords`` with ``VariedText``),
    /// then one-field edits cycling over the created records.
    static func workload(_ options: WireOptions, replica: ReplicaID, territory: String) throws -> (creations: [Change], edits: [Change]) {
        let base = UInt64(Date().timeIntervalSince1970 * 1000) - 120_000
        var counter: UInt64 = 0
        var text = VariedText(seed: 7)
        var states: [RecordState] = []
        var creations: [Change] = []
        var edits: [Change] = []
        func next() -> (Dot, HybridTimestamp) {
            counter += 1
            return (Dot(replica: replica, counter: counter), HybridTimestamp(millis: base + counter / 16, logical: UInt16(counter % 16)))
        }
        for index in 0..<options.records {
            let (dot, time) = next()
            let (entity, id, fields) = SeedRecords.record(index) { _ in territory }
            var builder = ChangeBuilder(state: RecordState(entity: entity, id: id))
            for (field, value) in text.vary(fields) { builder.set(field, to: value) }
            let change = Change(entity: entity, record: id, dot: dot, time: time, ops: builder.operations)
            creations.append(change)
            states.append(try RecordState(entity: entity, id: id).merged(with: change).state)
        }
        for edit in 0..<options.edits where !states.isEmpty {
            let index = edit % states.count
            let (dot, time) = next()
            var builder = ChangeBuilder(state: states[index])
            let field = states[index].entity == "activity" ? "subject" : "phone"
            builder.set(field, to: text.edit(field))
            let change = Change(entity: states[index].entity, record: states[index].id, dot: dot, time: time, ops: builder.operations)
            states[index] = try states[index].merged(with: change).state
            edits.append(change)
        }
        return (creations, edits)
    }

    /// Pushes `changes` as `writer` in requests of 500; adds the body sizes to `report`.
    private func push(_ changes: [Change], as writer: ReplicaID, token: String, server: URL, report: inout WireReport) async throws {
        for start in stride(from: 0, to: changes.count, by: 500) {
            let batch = Array(changes[start..<min(changes.count, start + 500)])
            let body = try WireCodec().encode(PushRequest(schemaVersion: SchemaRegistry.currentVersion, replica: writer, changes: batch))
            report.pushBodyBytes += body.count
            report.pushGzipBytes += try Gzip.size(body)
            let (data, _) = try await post(body, "/v1/sync/push", token: token, server: server)
            let results = try WireCodec().decode(PushResponse.self, from: data).results
            guard results.allSatisfy({ $0.status == .accepted }) else {
                throw BenchError("a pushed change was not accepted: \(results.first { $0.status != .accepted }.map { "\($0)" } ?? "")")
            }
            report.pushed += batch.count
        }
    }

    /// Pulls until `hasMore` is false; returns the last cursor and, per page,
    /// the wire, JSON and baseline bytes.
    private func pullAll(
        _ replica: ReplicaID, token: String, server: URL, from start: PullCursor?
    ) async throws -> (PullCursor, WireReport.Pulled) {
        var cursor = start
        var pulled = WireReport.Pulled()
        while true {
            let request = PullRequest(schemaVersion: SchemaRegistry.currentVersion, replica: replica, cursor: cursor, limit: 1000)
            let (data, response) = try await post(try WireCodec().encode(request), "/v1/sync/pull", token: token, server: server)
            var json = data
            var wire = data.count
            if data.starts(with: [0x1F, 0x8B]) {
                json = try Gzip.inflate(data)  // the transport left the body compressed
            } else if response.value(forHTTPHeaderField: "Content-Encoding") == "gzip",
                let length = response.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init)
            {
                wire = length  // the transport inflated it; the header has the bytes sent
            }
            let page = try WireCodec().decode(PullResponse.self, from: json)
            pulled.pages += 1
            pulled.changes += page.changes.count
            pulled.jsonBytes += json.count
            pulled.wireBytes += wire
            if wire < json.count { pulled.compressedPages += 1 }
            if !page.changes.isEmpty {
                let bare = Data(page.changes.flatMap(BareValues.line(of:)))
                pulled.bareBytes += bare.count
                pulled.baselineGzipBytes += try Gzip.size(bare)
            }
            cursor = page.cursor
            if !page.hasMore { return (page.cursor, pulled) }
        }
    }

    private func login(_ login: String, _ replica: ReplicaID, _ server: URL) async throws -> String {
        try await URLSessionSyncTransport.login(
            server: server,
            request: LoginRequest(login: login, password: ServerBenchEnvironment.password, deviceName: "bench wire", replica: replica)
        ).token
    }

    private func post(_ body: Data, _ path: String, token: String, server: URL) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: server.appendingPathComponent(String(path.dropFirst())))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            throw BenchError("\(path): HTTP \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
        return (data, http)
    }
}
