import FieldbookServer

await FieldbookServerCommand.main()
