import TimeSeriesCore

extension FittedModel {
    /// A fitted combination as it is saved: how the members are combined, and each member's own
    /// fitted state (or why it could not be fitted).
    ///
    /// Forecasting hands `Ensemble` (or `auto`) members that forecast from their stored states, so
    /// the combination, its notes, the dropping of members that failed and the naïve fallback are
    /// the ensemble's own code. Inverse-MSE weights are not saved: they refit every member on
    /// validation windows, which a saved model does not do.
    public struct EnsembleState: Sendable, Equatable, Codable {
        public var combiner: EnsembleCombiner
        public var intervals: IntervalCombiner
        public var members: [Member]

        /// One member: its registry name, then its fitted state or the reason its fit failed.
        public struct Member: Sendable, Equatable, Codable {
            public var name: String
            public var state: State?
            /// The error the member's fit gave, as the ensemble's notes write it.
            public var failure: String?
            /// For a member of a method on the Box–Cox scale (`BoxCoxTransformed`) that applies to
            /// the series' period: the λ and reference level its state was fitted with, or why
            /// the series stayed on its own scale. Nil for a member fitted on the series itself.
            public var boxCox: BoxCoxChoice?

            /// The Box–Cox scale a member's state was fitted on (λ and the reference level c), or
            /// no λ and the reason (`BoxCoxTransformed.Scale.untransformed`). Every key is
            /// written, null when absent.
            public struct BoxCoxChoice: Sendable, Equatable, Codable {
                public var lambda: Double?
                public var scale: Double?
                public var untransformed: String?

                init(_ scale: BoxCoxTransformed.Scale) {
                    switch scale {
                    case .boxCox(let t): lambda = t.lambda; self.scale = t.scale; untransformed = nil
                    case .untransformed(let reason): lambda = nil; self.scale = nil; untransformed = reason
                    case .original: lambda = nil; self.scale = nil; untransformed = nil
                    }
                }

                enum CodingKeys: String, CodingKey { case lambda, scale, untransformed }

                public init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: CodingKeys.self)
                    lambda = try c.decodeIfPresent(Double.self, forKey: .lambda)
                    scale = try c.decodeIfPresent(Double.self, forKey: .scale)
                    untransformed = try c.decodeIfPresent(String.self, forKey: .untransformed)
                }

                public func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(lambda, forKey: .lambda)
                    try c.encode(scale, forKey: .scale)
                    try c.encode(untransformed, forKey: .untransformed)
                }
            }

            enum CodingKeys: String, CodingKey { case name, kind, parameters, failure, boxCox = "box_cox" }

            init(name: String, state: State?, failure: String?, boxCox: BoxCoxChoice? = nil) {
                self.name = name
                self.state = state
                self.failure = failure
                self.boxCox = boxCox
            }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                name = try c.decode(String.self, forKey: .name)
                failure = try c.decodeIfPresent(String.self, forKey: .failure)
                boxCox = try c.decodeIfPresent(BoxCoxChoice.self, forKey: .boxCox)
                if let kind = try c.decodeIfPresent(Kind.self, forKey: .kind) {
                    state = try State.decode(kind, from: c, forKey: .parameters)
                } else {
                    state = nil
                }
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(name, forKey: .name)
                try c.encode(failure, forKey: .failure)
                try c.encodeIfPresent(boxCox, forKey: .boxCox)
                if let state {
                    try c.encode(state.kind, forKey: .kind)
                    try state.encode(to: &c, forKey: .parameters)
                } else {
                    try c.encodeNil(forKey: .kind)
                    try c.encodeNil(forKey: .parameters)
                }
            }
        }

        /// The members as forecasters that forecast from their stored states, each checked and
        /// run once (`FittedModel.verified()`).
        func savedMembers(_ y: [Double], period: Int) throws -> [any Forecaster] {
            try members.map { member in
                guard let kind = FittedModel.savableNames[member.name], kind != .ensemble else {
                    throw ForecastingError(.invalidArgument, "'\(member.name)' cannot be a member of a saved ensemble")
                }
                let scale = try member.scale(of: y, period: period)
                let values = try BoxCoxTransformed.values(y, on: scale)
                switch (member.state, member.failure) {
                case (let state?, nil):
                    guard state.kind == kind else {
                        throw ForecastingError(.invalidArgument,
                                               "member '\(member.name)' has kind '\(kind.rawValue)', the model stores '\(state.kind.rawValue)'")
                    }
                    let model = try FittedModel(name: member.name, values: values, period: period, state: state).verified()
                    return SavedMember(name: member.name, model: model, scale: scale)
                case (nil, let failure?):
                    return SavedMember(name: member.name, failure: failure)
                default:
                    throw ForecastingError(.invalidArgument,
                                           "member '\(member.name)' needs either its parameters or the reason its fit failed")
                }
            }
        }

        func forecaster(name: String, _ y: [Double], period: Int) throws -> any Forecaster {
            guard combiner != .inverseMSE else {
                throw ForecastingError(.invalidArgument, "an inverse-MSE combination cannot be saved (its weights refit the members)")
            }
            let ensemble = Ensemble(members: try savedMembers(y, period: period), combiner: combiner, intervals: intervals,
                                    name: name)
            guard name == "auto" else { return ensemble }
            var auto = AutomaticForecaster()
            auto.ensemble = ensemble
            return auto
        }

        /// The seed of the first member that simulates.
        var seed: UInt64? { members.lazy.compactMap { $0.state.flatMap { FittedModel(name: "", values: [], period: 1, state: $0).seed } }.first }
    }

    /// A member of a saved combination: its forecast comes from its stored state; a member whose
    /// fit failed fails again with the same message.
    struct SavedMember: Forecaster {
        let name: String
        let outcome: Result<FittedModel, StoredFailure>
        /// The scale the member's model was fitted on.
        let scale: BoxCoxTransformed.Scale

        init(name: String, model: FittedModel, scale: BoxCoxTransformed.Scale = .original) {
            self.name = name
            outcome = .success(model)
            self.scale = scale
        }

        init(name: String, failure: String) {
            self.name = name
            outcome = .failure(StoredFailure(description: failure))
            scale = .original
        }

        /// The stored model's forecast, transformed back as `BoxCoxTransformed` does.
        func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
            BoxCoxTransformed.transformedBack(try outcome.get().forecast(horizon: horizon, levels: levels), from: scale)
        }
    }

    /// A member's fit error as it was written when the combination was fitted.
    struct StoredFailure: Error, Sendable, Equatable, CustomStringConvertible {
        var description: String
    }
}

extension Ensemble: PersistableForecaster {
    /// Fits each member once and keeps its state (or why it failed).
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        try validateArguments(y, period: period, horizon: 1, levels: [])
        guard !members.isEmpty else { throw ForecastingError(.invalidArgument, "an ensemble needs members") }
        guard combiner != .inverseMSE else {
            throw ForecastingError(.invalidArgument, "an inverse-MSE combination cannot be saved (its weights refit the members)")
        }
        let saved = try members.map { member -> FittedModel.EnsembleState.Member in
            // A member on the Box-Cox scale keeps its base model's state, fitted on the transformed series.
            var base = member, values = y
            var boxCox: FittedModel.EnsembleState.Member.BoxCoxChoice?
            if let transformed = member as? BoxCoxTransformed {
                base = transformed.base
                let scale = transformed.scale(for: y, period: period)
                values = try BoxCoxTransformed.values(y, on: scale)
                if scale != .original { boxCox = .init(scale) }
            }
            guard base is any PersistableForecaster, let kind = FittedModel.savableNames[base.name], kind != .ensemble else {
                throw ForecastingError(.invalidArgument, "member '\(member.name)' of \(name) cannot be saved")
            }
            do {
                return .init(name: member.name, state: try FittedModel.fit(base, values, period: period).state,
                             failure: nil, boxCox: boxCox)
            } catch {
                return .init(name: member.name, state: nil, failure: Ensemble.describe(error), boxCox: boxCox)
            }
        }
        let state = FittedModel.EnsembleState(combiner: combiner, intervals: intervals, members: saved)
        return FittedModel(name: name, values: y, period: period, state: .ensemble(state))
    }
}

extension AutomaticForecaster: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        var model = try ensemble.fitModel(y, period: period)
        model.name = name
        return model
    }
}

extension FittedModel.EnsembleState.Member {
    /// The scale this member's state was fitted on: the series itself for a member without
    /// `boxCox`; otherwise what `auto`'s members choose (`BoxCoxTransformed` with λ in [0, 1]),
    /// recomputed from the stored observations and compared with what is stored: the same
    /// reason, or λ within 1e-6 and the reference level within 1e-9 relative (the stored values
    /// are then used, so the forecasts are those of the saved fit). An edited λ, reference level
    /// or observations are refused.
    func scale(of y: [Double], period: Int) throws -> BoxCoxTransformed.Scale {
        guard let boxCox else { return .original }
        let recomputed = BoxCoxTransformed.scale(for: y, period: period)
        switch (recomputed, boxCox.lambda, boxCox.scale) {
        case (.boxCox(let t), let lambda?, let scale?):
            guard abs(t.lambda - lambda) <= 1e-6, abs(t.scale - scale) <= 1e-9 * t.scale, lambda >= 0, lambda <= 1 else {
                throw ForecastingError(.invalidArgument,
                                       "member '\(name)' stores Box-Cox λ = \(lambda) and reference level \(scale), but the "
                                       + "stored observations give λ = \(t.lambda) and \(t.scale)")
            }
            return .boxCox(BoxCox(lambda: lambda, scale: scale))
        case (.untransformed(let reason), nil, nil) where boxCox.untransformed == reason:
            return recomputed
        default:
            throw ForecastingError(.invalidArgument,
                                   "member '\(name)' stores a Box-Cox scale (λ \(boxCox.lambda.map { "\($0)" } ?? "none"), "
                                   + "reference level \(boxCox.scale.map { "\($0)" } ?? "none")) that the stored observations "
                                   + "do not give (\(Self.describe(recomputed)))")
        }
    }

    static func describe(_ scale: BoxCoxTransformed.Scale) -> String {
        switch scale {
        case .original: "no transformation for this period"
        case .boxCox(let t): "λ = \(t.lambda), reference level \(t.scale)"
        case .untransformed(let reason): reason
        }
    }
}
