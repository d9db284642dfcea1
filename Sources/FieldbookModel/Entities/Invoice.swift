extension EntitySchema {
    /// An invoice from the ERP, shown in the 360° view.
    public static let invoice = EntitySchema(
        "invoice", access: .erpRecords,
        summary: "An invoice (ERP import).",
        fields: [
            Field("number", .text(maxLength: 40)).required(),
            Field("account", .reference("account")).required(),
            Field("order", .reference("order")),
            Field("invoiceDate", .date).required(),
            Field("dueDate", .date),
            Field("netTotal", .money),
            Field("taxAmount", .money),
            Field("grossTotal", .money),
            Field("status", .enumeration(["open", "paid", "overdue", "cancelled"])),
            Field("paidDate", .date),
            Field("erpKey", .text(maxLength: 64)),
        ],
        rules: [
            .ordered("invoiceDate", before: "dueDate", strictly: false, code: "due_before_invoice_date")
        ]
    )
}
