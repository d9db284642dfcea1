/// Keeps the office REST API from editing what the identity directory owns.
///
/// A user's `login`, `role` and `active` are mirrored from the directory's
/// credentials (`fieldbook-server user add|role|disable`), which decide
/// sign-in and rights. Writing them through `/v1/records/user` would make the
/// record say one thing while the directory enforces another, so such writes
/// are refused with 403 and a pointer to the commands.
enum DirectoryFieldGuard {
    /// The `user` fields only the identity directory writes.
    static let ownedUserFields: Set<String> = ["login", "role", "active"]

    /// Throws 403 when `edit` of `entity` touches a directory-owned field.
    static func check(_ edit: RecordEdit, entity: String) throws(RecordAPIError) {
        guard entity == "user" else { return }
        let touched = ownedUserFields.intersection(edit.touchedFields).sorted()
        guard !touched.isEmpty else { return }
        throw RecordAPIError.forbidden(
            "user.\(touched.joined(separator: ", user.")) belong to the identity directory; use "
                + "`fieldbook-server user add`, `fieldbook-server user role` or `fieldbook-server user disable`"
        )
    }

    /// Throws 403 for deleting a `user` record: the credential would stay.
    static func checkDelete(entity: String) throws(RecordAPIError) {
        guard entity == "user" else { return }
        throw RecordAPIError.forbidden(
            "users are removed from the identity directory; use `fieldbook-server user disable`"
        )
    }
}
