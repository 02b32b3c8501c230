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
            public var state: (any FittedState)?
            /// The error the member's fit gave, as the ensemble's notes write it.
            public var failure: String?
            /// For a member of a method on the Box–Cox scale (`BoxCoxTransformed`) that applies to
            /// the series' period: the λ and reference level its state was fitted with, or why
            /// the series stayed on its own scale. Nil for a member fitted on the series itself.
            public var boxCox: BoxCoxChoice?

            enum CodingKeys: String, CodingKey {
                case name, kind, parameters, failure
                case boxCox = "box_cox"
            }

            init(name: String, state: (any FittedState)?, failure: String?, boxCox: BoxCoxChoice? = nil) {
                (self.name, self.state, self.failure, self.boxCox) = (name, state, failure, boxCox)
            }

            public static func == (a: Member, b: Member) -> Bool {
                guard a.name == b.name, a.failure == b.failure, a.boxCox == b.boxCox else { return false }
                switch (a.state, b.state) {
                case (nil, nil): return true
                case (let x?, let y?): return x.isEqual(to: y)
                default: return false
                }
            }

            /// The state is read as the type of its `kind` in the registry.
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                name = try c.decode(String.self, forKey: .name)
                failure = try c.decodeIfPresent(String.self, forKey: .failure)
                boxCox = try c.decodeIfPresent(BoxCoxChoice.self, forKey: .boxCox)
                if let kind = try c.decodeIfPresent(String.self, forKey: .kind) {
                    guard let type = ForecasterRegistry.stateType(kind: kind) else {
                        throw DecodingError.dataCorruptedError(
                            forKey: .kind, in: c,
                            debugDescription: "Cannot initialize the kind of a model from '\(kind)'")
                    }
                    state = try c.decodeState(type, forKey: .parameters)
                } else {
                    state = nil
                }
            }

            /// Every key but `box_cox` is written, `kind` and `parameters` null for a failed member.
            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(name, forKey: .name)
                try c.encode(failure, forKey: .failure)
                try c.encodeIfPresent(boxCox, forKey: .boxCox)
                try c.encode(state.map { type(of: $0).kind }, forKey: .kind)
                if let state { try c.encode(state, forKey: .parameters) } else { try c.encodeNil(forKey: .parameters) }
            }
        }

        /// The members as forecasters that forecast from their stored states, each checked and
        /// run once (`FittedModel.verified()`).
        func savedMembers(_ y: [Double], period: Int) throws -> [any Forecaster] {
            try members.map { member in
                guard let kind = ForecasterRegistry.stateType(named: member.name)?.kind, kind != EnsembleState.kind
                else {
                    throw ForecastingError(.invalidArgument, "'\(member.name)' cannot be a member of a saved ensemble")
                }
                let scale = try member.scale(of: y, period: period)
                let values = try BoxCoxTransformed.values(y, on: scale)
                switch (member.state, member.failure) {
                case (let state?, nil):
                    guard type(of: state).kind == kind else {
                        throw ForecastingError(
                            .invalidArgument,
                            "member '\(member.name)' has kind '\(kind)', the model stores '\(type(of: state).kind)'")
                    }
                    let model = try FittedModel(name: member.name, values: values, period: period, state: state)
                        .verified()
                    return SavedMember(name: member.name, model: model, scale: scale)
                case (nil, let failure?):
                    return SavedMember(name: member.name, failure: failure)
                default:
                    throw ForecastingError(
                        .invalidArgument,
                        "member '\(member.name)' needs either its parameters or the reason its fit failed")
                }
            }
        }

        func forecaster(name: String, _ y: [Double], period: Int) throws -> any Forecaster {
            guard combiner != .inverseMSE else {
                throw ForecastingError(
                    .invalidArgument, "an inverse-MSE combination cannot be saved (its weights refit the members)")
            }
            let ensemble = Ensemble(
                members: try savedMembers(y, period: period), combiner: combiner, intervals: intervals,
                name: name)
            guard let combination = try ForecasterRegistry.forecaster(named: name) as? any Combining else {
                throw ForecastingError(.invalidArgument, "'\(name)' is not a combination")
            }
            return combination.with(ensemble)
        }
    }

    /// A member of a saved combination: its forecast comes from its stored state; a member whose
    /// fit failed fails again with the same message.
    struct SavedMember: Forecaster, BoxCoxScaled {
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

        /// The stored scale, checked against `y` when the member was read.
        func scale(for y: [Double], period: Int) -> BoxCoxTransformed.Scale { scale }

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
            throw ForecastingError(
                .invalidArgument, "an inverse-MSE combination cannot be saved (its weights refit the members)")
        }
        let saved = try members.map { member -> FittedModel.EnsembleState.Member in
            // A member on the Box-Cox scale keeps its base model's state, fitted on the transformed series.
            var base = member
            var values = y
            var boxCox: FittedModel.EnsembleState.Member.BoxCoxChoice?
            if let transformed = member as? BoxCoxTransformed {
                base = transformed.base
                let scale = transformed.scale(for: y, period: period)
                values = try BoxCoxTransformed.values(y, on: scale)
                if scale != .original { boxCox = .init(scale) }
            }
            guard base is any PersistableForecaster, let kind = ForecasterRegistry.stateType(named: base.name)?.kind,
                kind != FittedModel.EnsembleState.kind
            else {
                throw ForecastingError(.invalidArgument, "member '\(member.name)' of \(name) cannot be saved")
            }
            do {
                return .init(
                    name: member.name, state: try FittedModel.fit(base, values, period: period).state,
                    failure: nil, boxCox: boxCox)
            } catch {
                return .init(name: member.name, state: nil, failure: Ensemble.describe(error), boxCox: boxCox)
            }
        }
        let state = FittedModel.EnsembleState(combiner: combiner, intervals: intervals, members: saved)
        return FittedModel(name: name, values: y, period: period, state: state)
    }
}

extension AutomaticForecaster: PersistableForecaster {
    public func fitModel(_ y: [Double], period: Int) throws -> FittedModel {
        var model = try ensemble.fitModel(y, period: period)
        model.name = name
        return model
    }
}

extension FittedModel.EnsembleState: FittedState {
    public static let kind = "ensemble"

    /// The combination's schema: its members hold the state of any other kind in the registry.
    public static var schema: String {
        let kinds = ForecasterRegistry.stateTypes.map { $0.kind }.filter { $0 != kind }
        let names = kinds.map { "\"\($0)\"" }.joined(separator: ", ")
        let cases = kinds.map {
            "        {\"if\": {\"properties\": {\"kind\": {\"const\": \"\($0)\"}}}, "
                + "\"then\": {\"properties\": {\"parameters\": {\"$ref\": \"#/$defs/\($0)\"}}}},\n"
        }.joined()
        return schemaTemplate.replacingOccurrences(of: "KINDS", with: names).replacingOccurrences(
            of: "CASES\n", with: cases)
    }

    /// The members as forecasters from their stored states, each checked (`savedMembers`), in
    /// the combination of the registry's `name`.
    public func run(_ values: [Double], period: Int, name: String) throws -> any Forecaster {
        try forecaster(name: name, values, period: period)
    }

    public func forecast(
        _ run: any Forecaster, values: [Double], period: Int, name: String, horizon: Int,
        levels: [Int]
    ) throws -> Forecast {
        try run.forecast(values, period: period, horizon: horizon, levels: levels)
    }

    public var seasonalPeriods: [Int] { members.flatMap { $0.state?.seasonalPeriods ?? [] } }

    /// The seed of the first member that simulates.
    public var simulationSeed: UInt64? { members.lazy.compactMap { $0.state?.simulationSeed }.first }
}

/// A combination of members (`Ensemble`, `auto`) that a saved model rebuilds around the members
/// forecasting from their stored states.
public protocol Combining: Forecaster {
    /// This combination with `ensemble` (the saved members, combiner and intervals) as its members.
    func with(_ ensemble: Ensemble) -> any Forecaster
}

extension Ensemble: Combining {
    public func with(_ ensemble: Ensemble) -> any Forecaster { ensemble }
}

extension AutomaticForecaster: Combining {
    public func with(_ ensemble: Ensemble) -> any Forecaster {
        var auto = self
        auto.ensemble = ensemble
        return auto
    }
}
