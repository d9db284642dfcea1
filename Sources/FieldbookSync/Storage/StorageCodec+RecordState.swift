extension StorageCodec {
    /// The storage encoding of `state` (see ``StorageCodec`` for the layout).
    public static func encode(_ state: RecordState) -> [UInt8] {
        // The body first: its dots fill the replica table in order of first
        // use, and the table goes before the body. Slots and superseded dots
        // are sorted, so equal states give equal bytes.
        var replicas = ReplicaTable()
        var body = StorageWriter(capacity: 32 + 48 * state.slots.count)
        body.count(state.slots.count)
        for (slot, register) in state.slots.sorted(by: { $0.key < $1.key }) {
            body.string(slot.path)
            body.count(register.entries.count)
            for entry in register.entries {
                replicas.write(entry.dot, to: &body)
                body.time(entry.time)
                body.byte(tag(of: entry.value) | (entry.covers.isEmpty ? 0 : coversFlag))
                writePayload(of: entry.value, to: &body)
                if !entry.covers.isEmpty { replicas.write(entry.covers, to: &body) }
            }
            if register.superseded.isEmpty {
                body.count(0)
            } else {
                replicas.write(register.superseded.sorted(), to: &body)
            }
        }
        var writer = StorageWriter(capacity: 16 + state.entity.utf8.count + state.id.utf8.count + body.bytes.count)
        writeHeader(recordStateTag, to: &writer)
        writer.string(state.entity)
        writer.string(state.id)
        replicas.write(to: &writer)
        writer.append(body)
        return writer.bytes
    }

    /// Decodes a record state written by ``encode(_:)-(RecordState)``.
    /// - Throws: ``StorageCodecError`` for anything else.
    public static func recordState(from bytes: [UInt8]) throws(StorageCodecError) -> RecordState {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(StorageCodecError) -> RecordState in try recordState(from: buffer) }
        }
        return try result.get()
    }

    /// Decodes a record state from raw bytes (e.g. a database blob).
    /// - Throws: ``StorageCodecError`` for anything ``encode(_:)-(RecordState)`` did not write.
    public static func recordState(from bytes: UnsafeRawBufferPointer) throws(StorageCodecError) -> RecordState {
        try withBuffer(bytes) { buffer throws(StorageCodecError) in try recordState(from: buffer) }
    }

    static func recordState(from buffer: UnsafeBufferPointer<UInt8>) throws(StorageCodecError) -> RecordState {
        var reader = StorageReader(buffer)
        try reader.header(recordStateTag)
        let entity = try reader.string()
        let id = try reader.string()
        let replicas = try reader.replicaTable()
        // A slot takes at least 4 bytes: a one-byte path with its length and two counts.
        let count = try reader.count(minimumSize: 4)
        var slots = [Slot: Register](minimumCapacity: count)
        var previous: Slot?
        for _ in 0..<count {
            let start = reader.offset
            let slot = try reader.slot()
            if let previous, !(previous < slot) { throw StorageCodecError(.notCanonical, at: start) }
            slots[slot] = try reader.register(replicas)
            previous = slot
        }
        try reader.finish(replicas)
        return RecordState(entity: entity, id: id, slots: slots)
    }
}

extension StorageReader {
    /// Reads one register: entries winner first, then superseded dots.
    mutating func register(_ replicas: [ReplicaID]) throws(StorageCodecError) -> Register {
        let start = offset
        // An entry takes at least 11 bytes: a 2-byte dot, 8-byte time and a tag.
        let count = try count(minimumSize: 11)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let entryStart = offset
            let dot = try dot(replicas)
            let time = try time()
            let tagStart = offset
            let tag = try byte()
            guard tag & ~(StorageCodec.valueMask | StorageCodec.coversFlag) == 0 else {
                throw StorageCodecError(.invalidTag(tag), at: tagStart)
            }
            let value = try value(tag: tag & StorageCodec.valueMask, at: tagStart)
            var covers: [Dot] = []
            if tag & StorageCodec.coversFlag != 0 {
                covers = try dots(replicas)
                guard !covers.isEmpty else { throw StorageCodecError(.notCanonical, at: tagStart) }
            }
            let entry = Entry(dot: dot, time: time, value: value, covers: covers)
            if let last = entries.last, !last.wins(over: entry) { throw StorageCodecError(.notCanonical, at: entryStart) }
            entries.append(entry)
        }
        let supersededStart = offset
        let superseded = Set(try sortedDots(replicas))
        guard !(entries.isEmpty && superseded.isEmpty) else { throw StorageCodecError(.notCanonical, at: start) }
        if !superseded.isEmpty, entries.contains(where: { superseded.contains($0.dot) }) {
            throw StorageCodecError(.notCanonical, at: supersededStart)
        }
        return Register(entries: entries, superseded: superseded)
    }
}
