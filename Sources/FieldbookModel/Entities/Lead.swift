import FieldbookSync

extension Workflow {
    /// Lead status: qualified is final (the lead was converted); a
    /// disqualified lead may be reopened.
    public static let leadStatus = Workflow([
        "new": ["in_progress", "qualified", "disqualified"],
        "in_progress": ["qualified", "disqualified"],
        "disqualified": ["in_progress"],
    ])
}

extension EntitySchema {
    /// An unqualified first contact (inquiry). Conversion creates an account,
    /// a contact and an opportunity with derived IDs; the lead keeps links to them.
    public static let lead = EntitySchema(
        "lead", access: .customerData,
        summary: "An unqualified inquiry; converts into account, contact and opportunity.",
        fields: [
            Field("source", .enumeration(["trade_fair", "website", "cold_call", "referral", "campaign", "other"])),
            Field("campaign", .reference("campaign")),
            Field("event", .reference("event")),
            Field("description", .text(maxLength: 8000)),
            Field("companyName", .text(maxLength: 200)),
            Field("firstName", .text(maxLength: 100)),
            Field("lastName", .text(maxLength: 100)),
            Field("email", .email),
            Field("phone", .phone),
            Field("street", .text(maxLength: 200)),
            Field("postalCode", .text(maxLength: 20)),
            Field("city", .text(maxLength: 100)),
            Field("country", .text(maxLength: 2)),
            Field("status", .enumeration(["new", "in_progress", "qualified", "disqualified"])).required()
                .monotonic(.workflow(.leadStatus)),
            Field("disqualifyReason", .text(maxLength: 500)),
            Field("owner", .reference("user")),
            Field("followUpDate", .date),
            Field("convertedAccount", .reference("account")).monotonic(.writeOnce),
            Field("convertedContact", .reference("contact")).monotonic(.writeOnce),
            Field("convertedOpportunity", .reference("opportunity")).monotonic(.writeOnce),
            // Not write-once: two reps converting the same lead offline write different
            // times; that must stay a visible conflict, not a rejected change.
            Field("convertedAt", .dateTime),
        ],
        rules: [
            .required(["disqualifyReason"], when: .oneOf("status", ["disqualified"]), code: "disqualify_reason_required"),
            // "No lead gets lost": every open lead has an owner and a follow-up date.
            .required(["owner", "followUpDate"], when: .oneOf("status", ["new", "in_progress"]), code: "open_lead_unassigned"),
            RecordRule(
                code: "lead_name_required", fields: ["companyName", "lastName"],
                summary: "companyName or lastName is set"
            ) { record in
                let named = ["companyName", "lastName"].contains { record.value($0) != nil && record.value($0) != .null }
                return named
                    ? [] : [ValidationIssue(field: "lastName", code: "lead_name_required", message: "a lead needs a company or a last name")]
            },
        ]
    )
}
