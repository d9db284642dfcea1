import FieldbookModel
import FieldbookSync

/// A typed Swift view of one entity's records, e.g. ``Account`` or ``Offer``:
/// typed properties instead of slots, read and saved through
/// ``ClientDatabase/record(_:id:includingDeleted:)``, ``ClientDatabase/all(_:)``
/// and ``ClientDatabase/save(_:)``.
///
/// A conforming type declares how it reads its fields (``init(from:)``) and
/// how it writes them (``write(to:)``); the ``FieldWriter`` compares every
/// field with the value the record was read with and writes only those that
/// differ. Saving an unchanged record therefore writes nothing, and an edit
/// of one field never overwrites what other devices changed in other fields.
///
/// ```swift
/// public struct Competitor: EntityRecord {
///     public static let entity = "competitor"
///     public let id: String
///     public var name: String
///     public var metadata = RecordMetadata()
///
///     public init(from fields: FieldReader) throws(FieldValueError) {
///         id = fields.id
///         name = try fields.required("name")
///     }
///
///     public func write(to fields: inout FieldWriter<Self>) throws {
///         fields.write("name", \.name)
///     }
/// }
/// ```
public protocol EntityRecord: Hashable, Sendable, Identifiable where ID == String {
    /// The schema entity, e.g. `"account"`.
    static var entity: String { get }

    /// The fields ``ClientDatabase/all(_:)`` sorts by (scalar fields,
    /// ascending; ties by ID). Defaults to none: by ID.
    static var defaultOrder: [String] { get }

    /// The record ID.
    var id: String { get }

    /// Deletion and conflict state, and the values the record was read with.
    var metadata: RecordMetadata { get set }

    /// Reads the record's fields.
    /// - Throws: `FieldValueError` when a required field is
    ///   missing or a stored value has another kind than the field.
    init(from fields: FieldReader) throws(FieldValueError)

    /// Writes the record's fields through `fields`, which skips those equal
    /// to the values read.
    func write(to fields: inout FieldWriter<Self>) throws

    /// Called before a record that is not yet stored is saved, inside the
    /// saving transaction: the place for values the device assigns on
    /// creation (an offer's provisional number, an appointment's iCalendar
    /// UID). Does nothing by default.
    mutating func willInsert(in transaction: LocalTransaction) throws
}

extension EntityRecord {
    public static var defaultOrder: [String] { [] }

    public mutating func willInsert(in transaction: LocalTransaction) throws {}

    /// Whether the record is deleted (only records read with
    /// `includingDeleted: true` can be).
    public var isDeleted: Bool { metadata.isDeleted }

    /// Whether the record holds an open conflict: the values shown are the
    /// deterministic winners, ``ClientDatabase/conflicts()`` lists the rest.
    public var hasConflicts: Bool { metadata.hasConflicts }

    /// Whether the values differ from those the record was read with (always
    /// true for a record built in code and not yet saved).
    public var hasUnsavedChanges: Bool {
        guard let original = metadata.original as? Self else { return true }
        return original != self
    }

    /// Reads a record from its replicated state; the result is the base of
    /// its next save.
    /// - Throws: `FieldValueError`, also when `state` is
    ///   of another entity.
    public init(state: RecordState) throws(FieldValueError) {
        guard state.entity == Self.entity else {
            throw .malformed(field: "entity", item: nil, expected: Self.entity)
        }
        var record = try Self(from: FieldReader(state: state))
        record.metadata = RecordMetadata(state: state, original: nil)
        let original = record
        record.metadata.original = original
        self = record
    }

    /// Writes into `builder` the fields where this record differs from
    /// `old` (every set field when `old` is nil): the building block of
    /// ``ClientDatabase/save(_:)``, for use with a `Replica`
    /// or inside ``LocalTransaction/edit(_:_:_:)``.
    /// - Parameters:
    ///   - builder: the change being built, on the record's current state.
    ///   - old: the values to compare with; nil writes every field that is set.
    ///   - schema: the entity's schema (decimal scales, list members).
    public func write(to builder: inout ChangeBuilder, comparedTo old: Self?, schema: EntitySchema) throws {
        var fields = FieldWriter(record: self, original: old, schema: schema, builder: builder)
        try write(to: &fields)
        builder = fields.builder
    }
}
