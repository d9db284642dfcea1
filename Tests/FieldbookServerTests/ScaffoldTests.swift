import ArgumentParser
import FieldbookServer
import Testing

@Suite struct ScaffoldTests {
    @Test func commandHasAName() {
        #expect(FieldbookServerCommand.configuration.commandName == "fieldbook-server")
    }
}
