// Store: the future home of muavu's SQLite store (series, their revisions and the forecasts
// issued from them), kept so that the readers (AgriData) and the models never see a database.
//
// It will be the only target that imports GRDB; the package dependency is added with the first
// code that uses it. It may import TimeSeriesCore; Publishing and Server may import it, never
// the other way round. Empty until then.
