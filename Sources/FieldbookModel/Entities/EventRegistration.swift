extension EntitySchema {
    /// A contact's invitation to, registration for and attendance at an event,
    /// with feedback and the lead it produced.
    public static let eventRegistration = EntitySchema(
        "event_registration", access: .customerData,
        summary: "Invitation, registration, attendance and feedback of one contact at an event.",
        fields: [
            Field("event", .reference("event")).required(),
            Field("contact", .reference("contact")).required(),
            Field("account", .reference("account")),
            Field("status", .enumeration(["invited", "registered", "attended", "no_show", "cancelled"])).required(),
            Field("invitedBy", .reference("user")),
            Field("feedback", .text(maxLength: 4000)),
            Field("resultingLead", .reference("lead")),
        ]
    )
}
