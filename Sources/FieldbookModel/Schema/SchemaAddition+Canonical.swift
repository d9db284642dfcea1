// Deterministic text renderings of schema declarations, hashed into
// migration fingerprints. Changing a rendering changes every fingerprint,
// so treat this format as frozen.

extension SchemaAddition {
    var canonicalDescription: String {
        switch self {
        case .entity(let schema):
            var lines = ["entity \(schema.name) access=\(schema.access.rawValue) \"\(schema.summary)\""]
            lines += schema.fields.map { "  field " + $0.canonicalDescription }
            lines += schema.rules.map { "  rule " + $0.canonicalDescription }
            return lines.joined(separator: "\n")
        case .fields(let fields, let entity):
            return (["fields to \(entity)"] + fields.map { "  field " + $0.canonicalDescription }).joined(separator: "\n")
        case .enumValues(let values, let field, let entity):
            return "enum values to \(entity).\(field) [\(values.joined(separator: ","))]"
        case .listMembers(let members, let list, let entity):
            return (["members to \(entity).\(list)"] + members.map { "  member " + $0.canonicalDescription })
                .joined(separator: "\n")
        case .rules(let rules, let entity):
            return (["rules to \(entity)"] + rules.map { "  rule " + $0.canonicalDescription }).joined(separator: "\n")
        }
    }
}

extension Field {
    var canonicalDescription: String {
        var text = "\(name) \(kind.canonicalDescription)"
        if isRequired { text += " required" }
        if let writers { text += " writers=[\(writers.sorted().map(\.rawValue).joined(separator: ","))]" }
        switch monotonicity {
        case nil: break
        case .writeOnce: text += " writeOnce"
        case .workflow(let workflow): text += " workflow=" + workflow.canonicalDescription
        }
        return text
    }
}

extension FieldKind {
    var canonicalDescription: String {
        switch self {
        case .integer(let range): "integer(\(range.lowerBound)...\(range.upperBound))"
        case .decimal(let scale, let range):
            "decimal(\(scale)" + (range.map { ",\($0.lowerBound)...\($0.upperBound)" } ?? "") + ")"
        case .enumeration(let values): "enum(\(values.joined(separator: ",")))"
        case .set(let element): "set(\(element.canonicalDescription))"
        case .list(let members): "list(" + members.map(\.canonicalDescription).joined(separator: "; ") + ")"
        default: name
        }
    }
}

extension Workflow {
    var canonicalDescription: String {
        "{" + transitions.keys.sorted().map { from in
            from + ">" + transitions[from, default: []].sorted().joined(separator: "|")
        }.joined(separator: ",") + "}"
    }
}

extension RecordRule {
    var canonicalDescription: String { "\(code.rawValue) [\(fields.joined(separator: ","))] \"\(summary)\"" }
}
