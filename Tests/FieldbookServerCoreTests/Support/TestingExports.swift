// The shared fixtures, test clients and the store conformance suite live in
// FieldbookServerCoreTesting so the SQLite (and later PostgreSQL) store tests
// can run them too; re-exported here for every file of this test target.
@_exported import FieldbookServerCoreTesting
