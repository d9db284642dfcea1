import FieldbookSync

/// One random CRM-like edit of the merge workload.
enum MergeEdit {
    case set(field: String, value: Value)
    case tag(String, add: Bool)
    case insertLine(String, quantity: Value)
    case setLine(String, quantity: Value)
    case moveLine(String)
    case removeLine(String)
    case resolve(Slot, Value)
    case delete
    case restore

    static let fields = ["name", "phone", "email", "city", "stage", "owner", "amount", "notes"]
    static let tags = ["vip", "partner", "golf", "newsletter", "churn-risk"]
    static let lines = ["line-1", "line-2", "line-3", "line-4"]

    /// Writes the edit into `builder`.
    func apply(to builder: inout ChangeBuilder) {
        switch self {
        case .set(let field, let value): builder.set(field, to: value)
        case .tag(let tag, let add): add ? builder.add(tag, to: "tags") : builder.remove(tag, from: "tags")
        case .insertLine(let line, let quantity):
            builder.insertItem(line, into: "lines", after: nil, members: ["qty": quantity])
        case .setLine(let line, let quantity): builder.setItem(line, in: "lines", member: "qty", to: quantity)
        case .moveLine(let line): builder.moveItem(line, in: "lines", after: nil)
        case .removeLine(let line): builder.removeItem(line, from: "lines")
        case .resolve(let slot, let value): builder.resolve(slot, with: value)
        case .delete: builder.delete()
        case .restore: builder.restore()
        }
    }

    /// The edits of one change: mostly 1–3 field writes; offers also edit
    /// lines; open conflicts are sometimes resolved; rare deletes and restores.
    static func random(on state: RecordState, random: inout BenchRandom) -> [MergeEdit] {
        let roll = random.int(below: 100)
        if roll < 5, let conflict = state.conflicts.first {
            return conflict.slot == .deleted ? [.restore] : [.resolve(conflict.slot, conflict.winner.value)]
        }
        if roll < 7 { return [state.isDeleted ? .restore : .delete] }
        if roll < 17 { return [.tag(random.pick(tags), add: random.percent(70))] }
        if roll < 37, state.entity == "offer" {
            let line = random.pick(lines)
            let quantity = Value.int(Int64(random.int(below: 20)))
            return switch random.int(below: 4) {
            case 0: [.insertLine(line, quantity: quantity)]
            case 1: [.setLine(line, quantity: quantity)]
            case 2: [.moveLine(line)]
            default: [.removeLine(line)]
            }
        }
        return (0...random.int(below: 3)).map { _ in
            .set(field: random.pick(fields), value: .text("value-\(random.int(below: 40))"))
        }
    }
}
