// Server: `muavu serve`, the JSON API over the series Store keeps and the documents Publishing
// makes, described by an OpenAPI 3.1 document built from the same schema values `muavu schema`
// prints (docs/design/server.md). The only target that imports Hummingbird; only the CLI imports it.
