import FieldbookSync
import Foundation

/// The bare data of records and changes, without any sync metadata: what the
/// metadata and wire benchmarks compare against.
///
/// A value's bare bytes are its UTF-8 text; integers as decimal digits,
/// booleans as `true`/`false`, nulls as nothing.
enum BareValues {
    /// The bare bytes of one value.
    static func bytes(_ value: Value) -> [UInt8] {
        switch value {
        case .null: []
        case .bool(let flag): Array((flag ? "true" : "false").utf8)
        case .int(let number): Array(String(number).utf8)
        case .text(let text): Array(text.utf8)
        }
    }

    /// Bytes of the visible data of a record: its ID and every scalar field
    /// value — what a plain, non-syncing app would store. (The benchmark
    /// records have no set or list fields.)
    static func count(of state: RecordState) -> Int {
        state.fieldValues.values.reduce(state.id.utf8.count) { $0 + bytes($1).count }
    }

    /// A change's written values, tab-separated, as one line.
    static func line(of change: Change) -> [UInt8] {
        let values = change.ops.compactMap(\.value).map(bytes)
        return Array(values.joined(separator: [0x09])) + [0x0A]
    }
}
