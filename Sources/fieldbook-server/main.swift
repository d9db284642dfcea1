import ArgumentParser
import FieldbookServer

await FieldbookServerCommand.main()
