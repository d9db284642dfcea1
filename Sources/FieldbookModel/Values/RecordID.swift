import FieldbookSync

/// The syntax of record IDs, as used in `Change.record`, `reference` fields,
/// list item IDs and derived IDs.
///
/// A well-formed ID is 1–128 bytes of `A–Z a–z 0–9 _ - . :`. That admits
/// UUIDs (the default for new records, and every ``DerivedID``) as well as
/// ERP keys such as `erp:4711`, while keeping IDs safe in slot paths, URLs,
/// file names and logs (an ID is never customer data).
public enum RecordID {
    /// Maximum length in bytes (the sync core's limit for `Change.record`).
    public static let maxLength = 128

    /// Whether `text` is a well-formed record ID.
    ///
    /// ```swift
    /// RecordID.isWellFormed("0b9c2f1e-7d4a-8c3b-9e1f-2a3b4c5d6e7f")   // true
    /// RecordID.isWellFormed("Müller GmbH")                            // false
    /// ```
    public static func isWellFormed(_ text: String) -> Bool {
        Change.isValidRecordID(text)
    }
}
