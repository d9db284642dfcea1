import FieldbookSync

extension SchemaValidator {
    /// Checks one operation of a change against the entity's schema.
    func check(_ op: Operation, in entity: EntitySchema) -> [ValidationIssue] {
        let slot = op.slot
        if slot == .deleted {
            guard let value = op.value, value.bool != nil else {
                return [
                    ValidationIssue(field: nil, slot: slot, code: .deletedNotBool, message: "@deleted takes true or false")
                ]
            }
            return []
        }
        let fieldName = slot.fieldName
        guard let field = entity.field(fieldName) else {
            return [unknownField(fieldName, slot: slot, entity: entity.name)]
        }
        var issues: [ValidationIssue] = []
        if let role = options.role, entity.writers.contains(role),
            !field.isWritable(by: role, entityWriters: entity.writers)
        {
            issues.append(
                ValidationIssue(
                    field: field.name, slot: slot, code: .readOnly, message: "role \(role) may not write \(field.name)"
                )
            )
        }
        switch field.kind {
        case .set(let element):
            issues += checkSetOperation(op, field: field, element: element)
        case .list:
            issues += checkListOperation(op, field: field, entity: entity)
        default:
            if !slot.isPlainField {
                issues.append(shape(field, slot, "\(field.name) is a plain field; write the slot \(field.name) itself"))
            } else {
                issues += checkScalar(op.value, field: field, member: nil, slot: slot)
            }
        }
        return issues
    }

    /// A write (or removal) of a scalar field or list member.
    func checkScalar(_ value: Value?, field: Field, member: String?, slot: Slot) -> [ValidationIssue] {
        let owner = member.map { "\(field.name).\($0)" } ?? field.name
        let target = member.flatMap { field.member($0) } ?? field
        guard let value else {
            return [
                ValidationIssue(
                    field: field.name, member: member, slot: slot, code: .removalNotAllowed,
                    message: "\(owner) cannot be removed; write null to clear it"
                )
            ]
        }
        if value == .null {
            guard target.isRequired else { return [] }
            return [
                ValidationIssue(
                    field: field.name, member: member, slot: slot, code: .requiredCleared,
                    message: "\(owner) is required and cannot be cleared"
                )
            ]
        }
        guard let problem = target.kind.check(value) else { return [] }
        return [
            ValidationIssue(
                field: field.name, member: member, slot: slot, code: problem.code, message: "\(owner): \(problem.message)"
            )
        ]
    }

    private func checkSetOperation(_ op: Operation, field: Field, element: FieldKind) -> [ValidationIssue] {
        guard let text = op.slot.element, op.slot.member == nil else {
            return [shape(field, op.slot, "\(field.name) is a set; write its element slots \(field.name)/<element>")]
        }
        switch op.value {
        case nil:
            return []  // removing an element is always fine, even one that would not pass today's checks
        case .bool(true)?:
            guard let problem = element.check(.text(text)) else { return [] }
            return [
                ValidationIssue(
                    field: field.name, slot: op.slot, code: .invalidSetElement, message: "\(field.name) element: \(problem.message)"
                )
            ]
        case let value?:
            return [
                ValidationIssue(
                    field: field.name, slot: op.slot, code: .kindMismatch,
                    message: "set element slots hold true, got \(FieldKind.typeName(of: value))"
                )
            ]
        }
    }

    private func checkListOperation(_ op: Operation, field: Field, entity: EntitySchema) -> [ValidationIssue] {
        guard let item = op.slot.element else {
            return [shape(field, op.slot, "\(field.name) is a list; write \(field.name)/<item> and its members")]
        }
        var issues: [ValidationIssue] = []
        if op.value != nil, !RecordID.isWellFormed(item) {
            issues.append(
                ValidationIssue(
                    field: field.name, slot: op.slot, code: .invalidItemID, message: "\(field.name) item ID is not well-formed"
                )
            )
        }
        switch op.slot.member {
        case nil:
            if let value = op.value, value != .bool(true) {
                issues.append(
                    ValidationIssue(
                        field: field.name, slot: op.slot, code: .kindMismatch,
                        message: "list item presence holds true, got \(FieldKind.typeName(of: value))"
                    )
                )
            }
        case Slot.positionMember?:
            if op.value == nil {
                issues += checkScalar(nil, field: field, member: Slot.positionMember, slot: op.slot)
            } else if !(op.value?.text.map(FractionalIndex.isValid) ?? false) {
                issues.append(
                    ValidationIssue(
                        field: field.name, member: Slot.positionMember, slot: op.slot, code: .invalidPosition,
                        message: "\(field.name) position is not a fractional index key"
                    )
                )
            }
        case let member?:
            guard let memberField = field.member(member) else {
                return issues + [unknownField(field.name, member: member, slot: op.slot, entity: entity.name)]
            }
            if let role = options.role, let writers = memberField.writers, !writers.contains(role) {
                issues.append(
                    ValidationIssue(
                        field: field.name, member: member, slot: op.slot, code: .readOnly,
                        message: "role \(role) may not write \(field.name).\(member)"
                    )
                )
            }
            issues += checkScalar(op.value, field: field, member: member, slot: op.slot)
        }
        return issues
    }

    private func shape(_ field: Field, _ slot: Slot, _ message: String) -> ValidationIssue {
        ValidationIssue(field: field.name, slot: slot, code: .invalidSlotShape, message: message)
    }
}

extension Slot {
    /// ``Slot/field`` without splitting the path when the slot is a plain
    /// field (the path itself): validation asks this for every operation
    /// and every stored slot of every local write.
    var fieldName: String { isPlainField ? path : field }
}
