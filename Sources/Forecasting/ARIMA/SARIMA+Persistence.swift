import TimeSeriesCore

extension FittedModel {
    /// A fitted seasonal ARIMA model as it is saved: orders, constant, estimation method, the
    /// coefficients in R's blocks (ar, ma, sar, sma, then the mean or drift), σ² and the fit
    /// criteria.
    ///
    /// Forecasting rebuilds `SARIMA.Fit` from these and calls its `forecast`: the training series
    /// less the mean or drift is differenced, the Kalman filter of the ARMA state-space form runs
    /// over it with the stored coefficients (Durbin & Koopman 2012, §5.6) and the forecast
    /// recursion of the integrated model gives the means and variances (R `predict.Arima`).
    /// Models with regressors are not saved (their future values are not part of a model).
    public struct ARIMAState: Sendable, Equatable, Codable {
        public var order: SARIMA.Order
        public var includeConstant: Bool
        public var method: SARIMA.Method
        public var ar: [Double]
        public var ma: [Double]
        public var seasonalAR: [Double]
        public var seasonalMA: [Double]
        public var intercept: Double?
        public var drift: Double?
        public var sigma2: Double
        /// Nil where undefined (a constant series).
        public var loglik: Double?
        public var aic: Double?
        public var aicc: Double?
        public var bic: Double?
        /// Observations in the likelihood, n − d − mD, and estimated coefficients (not σ²).
        public var nobs: Int
        public var parameterCount: Int
        public var notes: [String]

        /// The orders with the document's key names: p, d, q, seasonal_p, seasonal_d, seasonal_q, period.
        struct OrderKeys: Codable {
            var p: Int, d: Int, q: Int, seasonalP: Int, seasonalD: Int, seasonalQ: Int, period: Int
            enum CodingKeys: String, CodingKey {
                case p, d, q, period
                case seasonalP = "seasonal_p"
                case seasonalD = "seasonal_d"
                case seasonalQ = "seasonal_q"
            }
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let o = try c.decode(OrderKeys.self, forKey: .order)
            order = SARIMA.Order(
                p: o.p, d: o.d, q: o.q, seasonalP: o.seasonalP, seasonalD: o.seasonalD,
                seasonalQ: o.seasonalQ, period: o.period)
            includeConstant = try c.decode(Bool.self, forKey: .includeConstant)
            method = try c.decode(SARIMA.Method.self, forKey: .method)
            ar = try c.decode([Double].self, forKey: .ar)
            ma = try c.decode([Double].self, forKey: .ma)
            seasonalAR = try c.decode([Double].self, forKey: .seasonalAR)
            seasonalMA = try c.decode([Double].self, forKey: .seasonalMA)
            intercept = try c.decodeIfPresent(Double.self, forKey: .intercept)
            drift = try c.decodeIfPresent(Double.self, forKey: .drift)
            sigma2 = try c.decode(Double.self, forKey: .sigma2)
            loglik = try c.decodeIfPresent(Double.self, forKey: .loglik)
            aic = try c.decodeIfPresent(Double.self, forKey: .aic)
            aicc = try c.decodeIfPresent(Double.self, forKey: .aicc)
            bic = try c.decodeIfPresent(Double.self, forKey: .bic)
            nobs = try c.decode(Int.self, forKey: .nobs)
            parameterCount = try c.decode(Int.self, forKey: .parameterCount)
            notes = try c.decode([String].self, forKey: .notes)
        }

        /// Every key is written, absent values as `null`, so that the document's shape is fixed.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            let o = order
            try c.encode(
                OrderKeys(
                    p: o.p, d: o.d, q: o.q, seasonalP: o.seasonalP, seasonalD: o.seasonalD,
                    seasonalQ: o.seasonalQ, period: o.period), forKey: .order)
            try c.encode(includeConstant, forKey: .includeConstant)
            try c.encode(method, forKey: .method)
            try c.encode(ar, forKey: .ar)
            try c.encode(ma, forKey: .ma)
            try c.encode(seasonalAR, forKey: .seasonalAR)
            try c.encode(seasonalMA, forKey: .seasonalMA)
            try c.encode(intercept, forKey: .intercept)
            try c.encode(drift, forKey: .drift)
            try c.encode(sigma2, forKey: .sigma2)
            try c.encode(loglik, forKey: .loglik)
            try c.encode(aic, forKey: .aic)
            try c.encode(aicc, forKey: .aicc)
            try c.encode(bic, forKey: .bic)
            try c.encode(nobs, forKey: .nobs)
            try c.encode(parameterCount, forKey: .parameterCount)
            try c.encode(notes, forKey: .notes)
        }

        enum CodingKeys: String, CodingKey {
            case order, method, ar, ma, intercept, drift, sigma2, loglik, aic, aicc, bic, nobs, notes
            case includeConstant = "include_constant"
            case seasonalAR = "seasonal_ar"
            case seasonalMA = "seasonal_ma"
            case parameterCount = "parameter_count"
        }

        init(_ fit: SARIMA.Fit) throws {
            guard fit.regression.isEmpty else {
                throw ForecastingError(
                    .invalidArgument,
                    "an ARIMA model with regressors cannot be saved: its forecasts need the regressors' future values")
            }
            order = fit.specification.order
            includeConstant = fit.specification.includeConstant
            method = fit.method
            ar = fit.ar
            ma = fit.ma
            seasonalAR = fit.seasonalAR
            seasonalMA = fit.seasonalMA
            intercept = fit.intercept
            drift = fit.drift
            sigma2 = fit.sigma2
            func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
            loglik = finite(fit.loglik)
            aic = finite(fit.aic)
            aicc = finite(fit.aicc)
            bic = finite(fit.bic)
            nobs = fit.nobs
            parameterCount = fit.parameterCount
            notes = fit.notes
        }

        /// The fit these parameters describe, on the training observations `y`.
        func fit(_ y: [Double]) throws -> SARIMA.Fit {
            try verify(y)
            var fit = SARIMA.Fit(
                specification: .init(order: order, includeConstant: includeConstant), method: method,
                intercept: intercept, sigma2: sigma2, loglik: loglik ?? .nan, aic: aic ?? .nan,
                aicc: aicc ?? .nan, bic: bic ?? .nan, nobs: nobs, parameterCount: parameterCount,
                series: y)
            fit.ar = ar
            fit.ma = ma
            fit.seasonalAR = seasonalAR
            fit.seasonalMA = seasonalMA
            fit.drift = drift
            fit.notes = notes
            return fit
        }

        /// The coefficient blocks match the orders, every number is finite, σ² is not negative,
        /// the series is longer than the differences take, and (for a likelihood fit) the exact
        /// log-likelihood at the stored coefficients is the stored one: edited coefficients are refused.
        func verify(_ y: [Double]) throws {
            let o = order
            guard [o.p, o.d, o.q, o.seasonalP, o.seasonalD, o.seasonalQ].allSatisfy({ $0 >= 0 }), o.period >= 1 else {
                throw ForecastingError(.invalidArgument, "ARIMA orders cannot be negative and the period is at least 1")
            }
            try Limits.checkOrders(
                p: o.p, d: o.d, q: o.q, seasonalP: o.seasonalP, seasonalD: o.seasonalD,
                seasonalQ: o.seasonalQ, period: o.period, "order")
            let seasonal = o.period > 1
            // Counts of what the fit used: at most the observations, and the coefficients and the constant.
            let coefficients = o.p + o.q + (seasonal ? o.seasonalP + o.seasonalQ : 0) + 1
            guard (0...y.count).contains(nobs), (0...coefficients).contains(parameterCount) else {
                throw ForecastingError(
                    .invalidArgument,
                    "nobs \(nobs) and parameter_count \(parameterCount) must be at most the "
                        + "\(y.count) training values and the \(coefficients) coefficients of \(o)")
            }
            let expected = [
                ("ar", o.p, ar.count), ("ma", o.q, ma.count),
                ("seasonal_ar", seasonal ? o.seasonalP : 0, seasonalAR.count),
                ("seasonal_ma", seasonal ? o.seasonalQ : 0, seasonalMA.count),
            ]
            for (field, want, got) in expected where want != got {
                throw ForecastingError(
                    .invalidArgument, "\(o) has \(want) \(field) coefficient(s), the model stores \(got)")
            }
            let numbers =
                ar + ma + seasonalAR + seasonalMA + [intercept, drift, loglik, aic, aicc, bic].compactMap { $0 }
            guard numbers.allSatisfy(\.isFinite), sigma2.isFinite, sigma2 >= 0 else {
                throw ForecastingError(
                    .invalidArgument, "ARIMA coefficients must be finite and sigma2 finite and not negative")
            }
            if drift != nil && o.differences != 1 {
                throw ForecastingError(
                    .invalidArgument, "a drift needs exactly one difference (d + D = 1), \(o) has \(o.differences)")
            }
            if intercept != nil && o.differences != 0 {
                throw ForecastingError(.invalidArgument, "a mean needs no differences, \(o) has \(o.differences)")
            }
            if seasonal && o.seasonalP + o.seasonalQ > 0 && o.period > y.count {
                throw ForecastingError(
                    .invalidArgument,
                    "seasonal ARMA terms at a period of \(o.period) for \(y.count) observations")
            }
            let lost = o.d + (seasonal ? o.seasonalD * o.period : 0)
            guard y.count > lost else {
                throw ForecastingError(
                    .tooShort, "\(o) needs more than \(lost) observations, the training series has \(y.count)")
            }
            if method != .css, let loglik, loglik.isFinite {
                let coefficients = ar + ma + seasonalAR + seasonalMA + [intercept ?? drift].compactMap { $0 }
                let evaluated = try SARIMA(.init(order: o, includeConstant: includeConstant))
                    .evaluate(y, period: o.period, coefficients: coefficients).loglik
                // The fit computed its log-likelihood by this same evaluation: it comes back to the last
                // bits, while the likelihood is flat at the optimum, so only a tight tolerance sees an edit.
                guard abs(evaluated - loglik) <= 1e-9 * max(1, abs(loglik)) else {
                    throw ForecastingError(
                        .invalidArgument,
                        "the stored coefficients give a log-likelihood of \(evaluated), not the stored \(loglik)")
                }
            }
        }
    }
}

extension SARIMA: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        guard regressors == nil else {
            throw ForecastingError(
                .invalidArgument,
                "an ARIMA model with regressors cannot be saved: its forecasts need the regressors' future values")
        }
        guard !y.contains(where: \.isNaN) else {
            throw ForecastingError(
                .invalidArgument,
                "an ARIMA model fitted to a series with missing values cannot be saved (a model file stores "
                    + "finite values only); forecast it directly")
        }
        try validateArguments(y, period: period, horizon: 1, levels: [])
        return FittedModel(
            name: name, values: y, period: period,
            state: try FittedModel.ARIMAState(fit(y, period: period)))
    }
}

extension AutoARIMA: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        guard !y.contains(where: \.isNaN) else {
            throw ForecastingError(
                .invalidArgument,
                "an ARIMA model fitted to a series with missing values cannot be saved (a model file stores "
                    + "finite values only); forecast it directly")
        }
        try validateArguments(y, period: period, horizon: 1, levels: [])
        return FittedModel(
            name: name, values: y, period: period,
            state: try FittedModel.ARIMAState(fit(y, period: period)))
    }
}

extension FittedModel.ARIMAState: FittedState {
    public static let kind = "arima"
    public static let schema = #"""
        {
          "type": "object",
          "required": ["order", "include_constant", "method", "ar", "ma", "seasonal_ar", "seasonal_ma", "intercept", "drift",
                       "sigma2", "loglik", "aic", "aicc", "bic", "nobs", "parameter_count", "notes"],
          "additionalProperties": false,
          "properties": {
            "order": {
              "type": "object", "required": ["p", "d", "q", "seasonal_p", "seasonal_d", "seasonal_q", "period"],
              "additionalProperties": false,
              "properties": {
                "p": {"type": "integer", "minimum": 0}, "d": {"type": "integer", "minimum": 0}, "q": {"type": "integer", "minimum": 0},
                "seasonal_p": {"type": "integer", "minimum": 0}, "seasonal_d": {"type": "integer", "minimum": 0},
                "seasonal_q": {"type": "integer", "minimum": 0}, "period": {"type": "integer", "minimum": 1}
              }
            },
            "include_constant": {"type": "boolean"},
            "method": {"enum": ["css", "css-ml", "ml"]},
            "ar": {"$ref": "#/$defs/numbers"}, "ma": {"$ref": "#/$defs/numbers"},
            "seasonal_ar": {"$ref": "#/$defs/numbers"}, "seasonal_ma": {"$ref": "#/$defs/numbers"},
            "intercept": {"type": ["number", "null"]}, "drift": {"type": ["number", "null"]},
            "sigma2": {"type": "number", "minimum": 0},
            "loglik": {"type": ["number", "null"]}, "aic": {"type": ["number", "null"]},
            "aicc": {"type": ["number", "null"]}, "bic": {"type": ["number", "null"]},
            "nobs": {"type": "integer", "minimum": 0},
            "parameter_count": {"type": "integer", "minimum": 0},
            "notes": {"type": "array", "items": {"type": "string"}}
          }
        }
        """#

    /// The fit, checked (`fit(_:)` verifies the coefficients against the values).
    public func run(_ values: [Double], period: Int, name: String) throws -> SARIMA.Fit { try fit(values) }

    public func forecast(
        _ run: SARIMA.Fit, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        try run.forecast(horizon: horizon, levels: levels)
    }

    public var seasonalPeriods: [Int] {
        order.period > 1 && order.seasonalP + order.seasonalD + order.seasonalQ > 0 ? [order.period] : []
    }
}
