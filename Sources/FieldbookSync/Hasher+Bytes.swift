extension Hasher {
    /// Feeds the UTF-8 bytes of `text` (not its Unicode-normalised form) and
    /// its length, so hashing agrees with bytewise equality.
    mutating func combineBytes(of text: String) {
        var text = text
        text.withUTF8 { bytes in
            combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        combine(text.utf8.count)
    }
}
