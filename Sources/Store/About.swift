// Store: muavu's SQLite store of observations with their vintages (see docs/design/store.md).
