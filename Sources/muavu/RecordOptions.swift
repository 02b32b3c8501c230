import ArgumentParser
import TimeSeriesCore

extension RecordCheck.Release: ExpressibleByArgument {}
extension ForecastRecord.Origin: ExpressibleByArgument {}
