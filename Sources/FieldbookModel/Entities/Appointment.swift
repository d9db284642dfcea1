extension EntitySchema {
    /// A calendar entry with internal and external participants; carries a
    /// stable iCalendar UID for Outlook/phone calendars.
    public static let appointment = EntitySchema(
        "appointment", access: .customerData,
        summary: "A calendar entry with participants and a stable iCalendar UID.",
        fields: [
            Field("subject", .text(maxLength: 200)).required(),
            Field("location", .text(maxLength: 300)),
            Field("start", .dateTime).required(),
            Field("end", .dateTime).required(),
            Field("allDay", .bool),
            Field("account", .reference("account")),
            Field("contact", .reference("contact")),
            Field("opportunity", .reference("opportunity")),
            Field("ticket", .reference("ticket")),
            Field("organizer", .reference("user")),
            Field("internalParticipants", .set(of: .reference("user"))),
            Field("externalParticipants", .set(of: .reference("contact"))),
            Field("status", .enumeration(["planned", "held", "cancelled"])),
            Field("icalUID", .text(maxLength: 255)).monotonic(.writeOnce),
            Field("visitReport", .reference("visit_report")),
            Field("description", .text(maxLength: 4000)),
        ],
        rules: [
            .ordered("start", before: "end", strictly: true, code: "end_not_after_start")
        ]
    )
}
