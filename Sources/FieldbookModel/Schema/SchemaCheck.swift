/// Checks a set of entity declarations for consistency: names, kinds,
/// reference targets, workflows and rule fields. Run by ``SchemaRegistry``
/// after each migration.
struct SchemaCheck {
    let entities: [String: EntitySchema]
    let version: Int

    func run() throws(SchemaError) {
        for name in entities.keys.sorted() {
            let entity = entities[name]!
            guard EntitySchema.isValidName(name) else { throw .invalidEntityName(name, version: version) }
            try checkFields(entity.fields, of: name, inList: false)
            for rule in entity.rules {
                for field in rule.fields where entity.field(field) == nil {
                    throw .unknownField(entity: name, field: field, version: version)
                }
            }
        }
    }

    private func checkFields(_ fields: [Field], of entity: String, inList: Bool) throws(SchemaError) {
        var seen = Set<String>()
        for field in fields {
            guard Field.isValidName(field.name) else {
                throw .invalidFieldName(entity: entity, field: field.name, version: version)
            }
            guard seen.insert(field.name).inserted else {
                throw .duplicateField(entity: entity, field: field.name, version: version)
            }
            if inList, !field.kind.isScalar { try fail(entity, field, "list members must be scalar") }
            try checkKind(field.kind, of: field, in: entity)
            try checkMonotonicity(field, in: entity)
            if let writers = field.writers, writers.isEmpty { try fail(entity, field, "no role may write it") }
        }
    }

    private func checkKind(_ kind: FieldKind, of field: Field, in entity: String) throws(SchemaError) {
        switch kind {
        case .text(let maxLength):
            if maxLength < 1 { try fail(entity, field, "text needs a positive maximum length") }
        case .integer(let range):
            if range.lowerBound > range.upperBound { try fail(entity, field, "empty integer range") }
        case .decimal(let scale, let range):
            guard (0...DecimalNumber.maxScale).contains(scale) else { return try fail(entity, field, "decimal scale out of range") }
            if let range, (try? range.lowerBound.rescaled(to: scale)) == nil || (try? range.upperBound.rescaled(to: scale)) == nil {
                try fail(entity, field, "decimal range bounds need more digits than the scale")
            }
        case .enumeration(let values):
            if values.isEmpty { try fail(entity, field, "enumeration without values") }
            if Set(values).count != values.count { try fail(entity, field, "duplicate enumeration values") }
            if values.contains(where: { $0.isEmpty || $0.utf8.count > 64 }) {
                try fail(entity, field, "enumeration values must be 1–64 bytes")
            }
        case .reference(let target):
            guard entities[target] != nil else {
                throw .unknownReferenceTarget(entity: entity, field: field.name, target: target, version: version)
            }
        case .set(let element):
            guard element.isTextEncoded else { return try fail(entity, field, "set elements must be a text-encoded scalar kind") }
            try checkKind(element, of: field, in: entity)
        case .list(let members):
            if members.isEmpty { try fail(entity, field, "list without members") }
            try checkFields(members, of: entity + "." + field.name, inList: true)
        case .date, .dateTime, .bool, .email, .phone:
            break
        }
    }

    private func checkMonotonicity(_ field: Field, in entity: String) throws(SchemaError) {
        switch field.monotonicity {
        case nil:
            break
        case .writeOnce:
            if !field.kind.isScalar { try fail(entity, field, "only scalar fields can be write-once") }
        case .workflow(let workflow):
            guard case .enumeration(let values) = field.kind else {
                return try fail(entity, field, "a workflow needs an enumeration field")
            }
            if !Set(workflow.values).isSubset(of: values) {
                try fail(entity, field, "workflow names values the enumeration lacks")
            }
        }
    }

    private func fail(_ entity: String, _ field: Field, _ reason: String) throws(SchemaError) {
        throw .invalidKind(entity: entity, field: field.name, reason: reason, version: version)
    }
}
