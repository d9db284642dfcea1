extension EntitySchema {
    /// A customer order from the ERP (or created from a won offer by the back office).
    public static let order = EntitySchema(
        "order", access: .erpRecords,
        summary: "A customer order (ERP import or from a won offer).",
        fields: [
            Field("number", .text(maxLength: 40)).required(),
            Field("account", .reference("account")).required(),
            Field("contact", .reference("contact")),
            Field("offer", .reference("offer")),
            Field("opportunity", .reference("opportunity")),
            Field("orderDate", .date).required(),
            Field("status", .enumeration(["open", "confirmed", "in_delivery", "delivered", "invoiced", "cancelled"])),
            Field("deliveryDate", .date),
            Field(
                "lines",
                .list([
                    Field("product", .reference("product")),
                    Field("description", .text(maxLength: 500)),
                    Field("quantity", .quantity).required(),
                    Field("unitPrice", .amount),
                    Field("discountPercent", .percent),
                    Field("net", .amount),
                ])
            ),
            Field("netTotal", .amount),
            Field("taxAmount", .amount),
            Field("grossTotal", .amount),
            Field("erpKey", .text(maxLength: 64)),
            Field("notes", .text(maxLength: 4000)),
        ]
    )
}
