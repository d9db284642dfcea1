import FieldbookSync

extension Value {
    /// The decimal this value encodes (any scale), nil if it is not decimal text.
    ///
    /// ```swift
    /// record.value("amount")?.decimal       // DecimalNumber?
    /// ```
    public var decimal: DecimalNumber? { text.flatMap { try? DecimalNumber(parsing: $0) } }

    /// The calendar day this value encodes, nil if it is not `YYYY-MM-DD` text.
    public var date: CalendarDate? { text.flatMap(CalendarDate.init(parsing:)) }

    /// The instant this value encodes, nil if it is not `YYYY-MM-DDTHH:MM:SSZ` text.
    public var dateTime: UTCDateTime? { text.flatMap(UTCDateTime.init(parsing:)) }
}
