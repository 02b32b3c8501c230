// Server: the future home of `muavu serve`, an HTTP API over the documents Publishing makes and
// the series Store keeps.
//
// It will be the only target that imports Hummingbird and the OpenAPI runtime; those package
// dependencies are added with the first code that uses them. It may import Publishing and Store;
// only the CLI may import it. Empty until then.
