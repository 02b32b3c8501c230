import ArgumentParser
import Forecasting

/// `--intervals calibrated|model` on the commands that forecast.
extension IntervalMethod: ExpressibleByArgument {}
