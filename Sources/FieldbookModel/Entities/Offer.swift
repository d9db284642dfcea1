extension Workflow {
    /// Offer status: accepted and rejected are final; an expired offer may be
    /// sent again, a sent one withdrawn to draft.
    public static let offerStatus = Workflow([
        "draft": ["sent"],
        "sent": ["accepted", "rejected", "expired", "draft"],
        "expired": ["sent"],
    ])
}

extension EntitySchema {
    /// A quote with ordered lines, totals and tax. Created offline with a
    /// provisional number; the server assigns the final number once.
    public static let offer = EntitySchema(
        "offer", access: .customerData,
        summary: "A quote with ordered lines, totals, tax, validity and status.",
        fields: [
            Field("provisionalNumber", .text(maxLength: 40)).required().monotonic(.writeOnce),
            Field("finalNumber", .text(maxLength: 40)).writable(by: [.system]).monotonic(.writeOnce),
            Field("account", .reference("account")).required(),
            Field("contact", .reference("contact")),
            Field("opportunity", .reference("opportunity")),
            Field("offerDate", .date).required(),
            Field("validUntil", .date),
            Field("status", .enumeration(["draft", "sent", "accepted", "rejected", "expired"])).required()
                .monotonic(.workflow(.offerStatus)),
            Field(
                "lines",
                .list([
                    Field("product", .reference("product")).required(),
                    Field("description", .text(maxLength: 500)),
                    Field("quantity", .quantity).required(),
                    Field("unit", .text(maxLength: 10)),
                    Field("listPrice", .amount).required(),
                    Field("discountPercent", .percent),
                    Field("net", .amount),
                ])
            ),
            Field("taxRate", .percent).required(),
            Field("netTotal", .amount),
            Field("taxAmount", .amount),
            Field("grossTotal", .amount),
            Field("paymentTerms", .text(maxLength: 500)),
            Field("deliveryTerms", .text(maxLength: 500)),
            Field("followUpTask", .reference("activity")),
            Field("owner", .reference("user")),
            Field("notes", .text(maxLength: 4000)),
        ],
        rules: [
            .ordered("offerDate", before: "validUntil", strictly: false, code: "validity_before_offer_date"),
            .required(
                ["validUntil"], when: .oneOf("status", ["sent", "accepted", "rejected", "expired"]),
                code: "validity_required"
            ),
            .offerTotalsConsistent,
        ]
    )
}
