import Foundation
import TimeSeriesCore

extension FittedModel.EnsembleState.Member {
    /// The Box–Cox scale a member's state was fitted on (λ and the reference level c), or no λ
    /// and the reason (`BoxCoxTransformed.Scale.untransformed`). Every key is written, null
    /// when absent.
    public struct BoxCoxChoice: Sendable, Equatable, Codable {
        @Nullable public var lambda: Double?
        @Nullable public var scale: Double?
        @Nullable public var untransformed: String?

        init(_ scale: BoxCoxTransformed.Scale) {
            switch scale {
            case .boxCox(let t):
                lambda = t.lambda
                self.scale = t.scale
                untransformed = nil
            case .untransformed(let reason):
                lambda = nil
                self.scale = nil
                untransformed = reason
            case .original:
                lambda = nil
                self.scale = nil
                untransformed = nil
            }
        }
    }

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
            guard abs(t.lambda - lambda) <= 1e-6, abs(t.scale - scale) <= 1e-9 * t.scale, lambda >= 0, lambda <= 1
            else {
                throw ForecastingError(
                    .invalidArgument,
                    "member '\(name)' stores Box-Cox λ = \(lambda) and reference level \(scale), but the "
                        + "stored observations give λ = \(t.lambda) and \(t.scale)")
            }
            return .boxCox(BoxCox(lambda: lambda, scale: scale))
        case (.untransformed(let reason), nil, nil) where boxCox.untransformed == reason:
            return recomputed
        default:
            throw ForecastingError(
                .invalidArgument,
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
