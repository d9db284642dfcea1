import FieldbookSync

extension Workflow {
    /// Contract status: terminated is final; an expired contract may be reactivated.
    public static let contractStatus = Workflow([
        "draft": ["active"],
        "active": ["terminated", "expired"],
        "expired": ["active"],
    ])
}

extension EntitySchema {
    /// A supply, maintenance or support contract with term, scope and renewal.
    public static let contract = EntitySchema(
        "contract", access: .customerData,
        summary: "A supply/maintenance/support contract: term, scope, renewal.",
        fields: [
            Field("number", .text(maxLength: 40)),
            Field("name", .text(maxLength: 200)).required(),
            Field("account", .reference("account")).required(),
            Field("contact", .reference("contact")),
            Field("kind", .enumeration(["supply", "maintenance", "support", "service", "other"])).required(),
            Field("scope", .text(maxLength: 4000)),
            Field("startDate", .date).required(),
            Field("endDate", .date),
            Field("noticePeriodDays", .integer(0...3650)),
            Field("autoRenewal", .bool),
            Field("renewalTermMonths", .integer(1...120)),
            Field("renewalReminderDays", .integer(0...365)),
            Field("annualValue", .amount),
            Field("status", .enumeration(["draft", "active", "terminated", "expired"]))
                .monotonic(.workflow(.contractStatus)),
            Field("owner", .reference("user")),
        ],
        rules: [
            .ordered("startDate", before: "endDate", strictly: false, code: "contract_ends_before_start"),
            .required(["renewalTermMonths"], when: .equals("autoRenewal", .bool(true)), code: "renewal_term_required"),
        ]
    )
}
