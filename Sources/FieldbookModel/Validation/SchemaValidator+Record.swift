import FieldbookSync

extension SchemaValidator {
    /// Validates a materialised record: the winning values.
    ///
    /// A tombstone (deleted record) has no issues. Otherwise checks that
    /// every slot belongs to a known field (warnings when preserving), that
    /// winning values fit their kinds, that required fields, set elements and
    /// list members are present, and the entity's business rules.
    /// - Returns: every issue found; empty when the record is complete and consistent.
    public func validate(record: RecordState) -> [ValidationIssue] {
        guard let entity = registry.entity(record.entity) else { return [unknownEntity(record.entity)] }
        guard !record.isDeleted else { return [] }
        var issues = unknownSlots(of: record, in: entity)
        // The winning plain-field values, gathered once: field names are
        // ASCII identifiers, so a lookup here equals `record.value(name)`.
        let values = record.fieldValues
        for field in entity.fields {
            switch field.kind {
            case .set(let element):
                issues += checkSet(field, element: element, in: record)
            case .list(let members):
                issues += checkList(field, members: members, in: record)
            default:
                issues += checkStored(values[field.name], field: field, member: nil, item: nil)
            }
        }
        for rule in entity.rules {
            issues += rule.check(record)
        }
        return issues
    }

    /// One issue per unknown field or list member present in the record.
    private func unknownSlots(of record: RecordState, in entity: EntitySchema) -> [ValidationIssue] {
        var seen = Set<String>()
        var issues: [ValidationIssue] = []
        for slot in record.slots.keys.sorted() where slot != .deleted {
            let fieldName = slot.fieldName
            guard let field = entity.field(fieldName) else {
                if seen.insert(fieldName).inserted {
                    issues.append(unknownField(fieldName, slot: nil, entity: entity.name))
                }
                continue
            }
            if field.merge == .orderedList, let member = slot.member, member != Slot.positionMember,
                field.member(member) == nil, seen.insert(fieldName + "." + member).inserted
            {
                issues.append(unknownField(fieldName, member: member, slot: nil, entity: entity.name))
            }
        }
        return issues
    }

    private func checkSet(_ field: Field, element: FieldKind, in record: RecordState) -> [ValidationIssue] {
        let elements = record.elements(of: field.name)
        if field.isRequired, elements.isEmpty {
            return [
                ValidationIssue(field: field.name, code: .requiredMissing, message: "\(field.name) needs at least one element")
            ]
        }
        return elements.compactMap { text in
            element.check(.text(text)).map { problem in
                ValidationIssue(
                    field: field.name, slot: .element(text, of: field.name), code: .invalidSetElement,
                    message: "\(field.name) element: \(problem.message)"
                )
            }
        }
    }

    private func checkList(_ field: Field, members: [Field], in record: RecordState) -> [ValidationIssue] {
        let items = record.items(of: field.name)
        if field.isRequired, items.isEmpty {
            return [ValidationIssue(field: field.name, code: .requiredMissing, message: "\(field.name) needs at least one item")]
        }
        var issues: [ValidationIssue] = []
        for item in items {
            for member in members {
                issues += checkStored(item.members[member.name], field: member, member: field.name, item: item.id)
            }
        }
        return issues
    }

    /// Checks a stored winning value: presence if required, kind otherwise.
    /// For list members `listField` names the list and `item` the item.
    private func checkStored(_ value: Value?, field: Field, member listField: String?, item: String?) -> [ValidationIssue] {
        let issueField = listField ?? field.name
        let issueMember = listField == nil ? nil : field.name
        let slot = item.map { Slot.member(field.name, ofItem: $0, in: issueField) }
        let name = listField.map { "\($0).\(field.name)" } ?? field.name
        guard let value, value != .null else {
            guard field.isRequired else { return [] }
            return [
                ValidationIssue(
                    field: issueField, member: issueMember, slot: slot, code: .requiredMissing, message: "\(name) is required"
                )
            ]
        }
        guard let problem = field.kind.check(value) else { return [] }
        return [
            ValidationIssue(
                field: issueField, member: issueMember, slot: slot, code: problem.code,
                message: "\(name): \(problem.message)"
            )
        ]
    }
}
