import FieldbookSync

extension SchemaValidator {
    /// Checks what a change does to the record: workflow and write-once
    /// transitions of winning values, and record errors it introduces.
    /// `applied`, when given, is the record after the change (saves applying it).
    func stateIssues(
        of change: Change, applyingTo current: RecordState?, applied: RecordState? = nil, entity: EntitySchema
    ) -> [ValidationIssue] {
        let before = current ?? RecordState(entity: change.entity, id: change.record)
        var after = before
        if let applied {
            after = applied
        } else {
            do { try after.apply(change) } catch { return [] }  // mismatches are reported by the caller
        }
        var issues = transitionIssues(of: change, from: before, to: after, entity: entity)
        let existing = before.exists ? Set(validate(record: before)) : []
        issues += validate(record: after).filter { $0.severity == .error && !existing.contains($0) }
        return issues
    }

    private func transitionIssues(
        of change: Change, from before: RecordState, to after: RecordState, entity: EntitySchema
    ) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        // Plain-field slots only (no element segment): their path is the field name.
        for op in change.ops where op.slot.isPlainField {
            guard let field = entity.field(op.slot.path), let rule = field.monotonicity,
                let old = before.value(field.name), old != .null
            else { continue }
            let new = after.value(field.name)
            guard new != old else { continue }
            switch rule {
            case .writeOnce:
                issues.append(
                    ValidationIssue(
                        field: field.name, slot: op.slot, code: .writeOnce,
                        message: "\(field.name) is write-once and already set"
                    )
                )
            case .workflow(let workflow):
                guard let from = old.text, let to = new?.text, workflow.allows(from: from, to: to) else {
                    let message = "\(field.name) may not change from \(label(old, field)) to \(label(new, field))"
                    issues.append(
                        ValidationIssue(field: field.name, slot: op.slot, code: .transitionNotAllowed, message: message)
                    )
                    continue
                }
            }
        }
        return issues
    }

    /// Names an enumeration value in a message; only schema values are
    /// spelled out, anything else could be customer data.
    private func label(_ value: Value?, _ field: Field) -> String {
        guard let value, value != .null else { return "null" }
        if case .enumeration(let allowed) = field.kind, let text = value.text, allowed.contains(text) { return text }
        return "an unlisted value"
    }
}
