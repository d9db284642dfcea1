extension StorageCodec {
    /// The storage encoding of `change` (see ``StorageCodec`` for the layout).
    public static func encode(_ change: Change) -> [UInt8] {
        // The body first: its dots fill the replica table in order of first use.
        var replicas = ReplicaTable()
        var body = StorageWriter(capacity: 24 + 40 * change.ops.count)
        replicas.write(change.dot, to: &body)
        body.time(change.time)
        body.count(change.ops.count)
        for op in change.ops {
            body.string(op.slot.path)
            var tag = op.value.map(tag(of:)) ?? removalTag
            if !op.supersedes.isEmpty { tag |= supersedesFlag }
            if !op.covers.isEmpty { tag |= coversFlag }
            body.byte(tag)
            if let value = op.value { writePayload(of: value, to: &body) }
            if !op.supersedes.isEmpty { replicas.write(op.supersedes, to: &body) }
            if !op.covers.isEmpty { replicas.write(op.covers, to: &body) }
        }
        var writer = StorageWriter(capacity: 16 + change.entity.utf8.count + change.record.utf8.count + body.bytes.count)
        writeHeader(changeTag, to: &writer)
        writer.string(change.entity)
        writer.string(change.record)
        replicas.write(to: &writer)
        writer.append(body)
        return writer.bytes
    }

    /// Decodes a change written by ``encode(_:)-(Change)``.
    /// - Throws: ``StorageCodecError`` for anything else.
    public static func change(from bytes: [UInt8]) throws(StorageCodecError) -> Change {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(StorageCodecError) -> Change in try change(from: buffer) }
        }
        return try result.get()
    }

    /// Decodes a change from raw bytes (e.g. a database blob).
    /// - Throws: ``StorageCodecError`` for anything ``encode(_:)-(Change)`` did not write.
    public static func change(from bytes: UnsafeRawBufferPointer) throws(StorageCodecError) -> Change {
        try withBuffer(bytes) { buffer throws(StorageCodecError) in try change(from: buffer) }
    }

    static func change(from buffer: UnsafeBufferPointer<UInt8>) throws(StorageCodecError) -> Change {
        var reader = StorageReader(buffer)
        try reader.header(changeTag)
        let entity = try reader.string()
        let record = try reader.string()
        let replicas = try reader.replicaTable()
        let dot = try reader.dot(replicas)
        let time = try reader.time()
        // An operation takes at least 3 bytes: a one-byte path with its length and a tag.
        let count = try reader.count(minimumSize: 3)
        var ops: [Operation] = []
        ops.reserveCapacity(count)
        for _ in 0..<count {
            let start = reader.offset
            let slot = try reader.slot()
            // Equal neighbours are kept: rejecting a change that writes a slot
            // twice is `Change.validateStructure`'s job, not storage's.
            if let last = ops.last, slot < last.slot { throw StorageCodecError(.notCanonical, at: start) }
            ops.append(try reader.operation(slot: slot, replicas))
        }
        try reader.finish(replicas)
        return Change(entity: entity, record: record, dot: dot, time: time, ops: ops)
    }
}

extension StorageReader {
    /// Reads the rest of one operation on `slot`: tag, value, dot lists.
    mutating func operation(slot: Slot, _ replicas: [ReplicaID]) throws(StorageCodecError) -> Operation {
        let tagStart = offset
        let tag = try byte()
        let flags = StorageCodec.coversFlag | StorageCodec.supersedesFlag
        guard tag & ~(StorageCodec.valueMask | flags) == 0 else { throw StorageCodecError(.invalidTag(tag), at: tagStart) }
        let valueTag = tag & StorageCodec.valueMask
        let value: Value?
        if valueTag == StorageCodec.removalTag {
            value = Optional<Value>.none
        } else {
            value = try self.value(tag: valueTag, at: tagStart)
        }
        var supersedes: [Dot] = []
        if tag & StorageCodec.supersedesFlag != 0 {
            supersedes = try sortedDots(replicas)
            guard !supersedes.isEmpty else { throw StorageCodecError(.notCanonical, at: tagStart) }
        }
        var covers: [Dot] = []
        if tag & StorageCodec.coversFlag != 0 {
            covers = try sortedDots(replicas)
            guard !covers.isEmpty else { throw StorageCodecError(.notCanonical, at: tagStart) }
        }
        return Operation(slot: slot, value: value, supersedes: supersedes, covers: covers)
    }
}
