extension ValidationIssue.Code {
    /// The change breaks a structural rule of the sync core (empty, duplicate slot, …).
    public static let invalidStructure: Self = "invalid_structure"
    /// The change's record ID is not a well-formed ``RecordID``.
    public static let invalidRecordID: Self = "invalid_record_id"
    /// The entity is not in the schema.
    public static let unknownEntity: Self = "unknown_entity"
    /// The change names another entity than the record it applies to.
    public static let entityMismatch: Self = "entity_mismatch"
    /// The field (or list member) is not in the schema.
    public static let unknownField: Self = "unknown_field"
    /// The slot path does not fit the field's kind (an element slot on a plain
    /// field, a plain write to a set, a member slot on a set, …).
    public static let invalidSlotShape: Self = "invalid_slot_shape"
    /// The value has the wrong JSON type for the field's kind.
    public static let kindMismatch: Self = "kind_mismatch"
    /// The value is not one of the enumeration's allowed values.
    public static let valueNotAllowed: Self = "value_not_allowed"
    /// Decimal text is not canonical at the field's scale.
    public static let decimalNotCanonical: Self = "decimal_not_canonical"
    /// A number lies outside the field's range.
    public static let outOfRange: Self = "out_of_range"
    /// Text is longer than the field allows.
    public static let textTooLong: Self = "text_too_long"
    /// A reference is not a well-formed record ID.
    public static let invalidReference: Self = "invalid_reference"
    /// Not a `YYYY-MM-DD` calendar day.
    public static let invalidDate: Self = "invalid_date"
    /// Not a `YYYY-MM-DDTHH:MM:SSZ` instant.
    public static let invalidDateTime: Self = "invalid_datetime"
    /// Not an e-mail address.
    public static let invalidEmail: Self = "invalid_email"
    /// Not a phone number.
    public static let invalidPhone: Self = "invalid_phone"
    /// A set element does not fit the set's element kind.
    public static let invalidSetElement: Self = "invalid_set_element"
    /// A list item ID is not a well-formed record ID.
    public static let invalidItemID: Self = "invalid_item_id"
    /// A list position (`@pos`) is not a valid fractional index key.
    public static let invalidPosition: Self = "invalid_position"
    /// A removal (`remove: true`) on a slot that must be written (write null to clear).
    public static let removalNotAllowed: Self = "removal_not_allowed"
    /// `@deleted` takes only `true` or `false`.
    public static let deletedNotBool: Self = "deleted_not_bool"
    /// The role may not write this entity or field.
    public static let readOnly: Self = "read_only"
    /// A required field was set to null.
    public static let requiredCleared: Self = "required_cleared"
    /// A required field has no value in the record.
    public static let requiredMissing: Self = "required_missing"
    /// A workflow field moved along a transition the workflow does not allow.
    public static let transitionNotAllowed: Self = "transition_not_allowed"
    /// A write-once field was changed after being set.
    public static let writeOnce: Self = "write_once"
}
