import FieldbookCLI

await FieldbookCommand.main()
