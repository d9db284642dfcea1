import Testing

@Suite struct EndToEndScaffoldTests {
    @Test func placeholderUntilServerExists() {
        #expect(Bool(true))
    }
}
