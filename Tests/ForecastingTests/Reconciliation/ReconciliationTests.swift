import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// `Reconciler` against hierarchicalforecast 1.5.3 (means and normality bounds of BottomUp, OLS,
/// WLS structural and variance, MinT shrink) on GSO paddy production, and its refusals. The bar is
/// 10⁻⁶; the tests hold 10⁻⁹ (|a − b|/max(1, |b|)), as muavu agrees to about 10⁻¹⁵.
@Suite struct ReconciliationTests {
    static let caseNames = ["provinces", "seasons"]
    static let methodKeys = ReconciliationReference.methods.map(\.key)

    static func method(_ key: String) -> ReconciliationMethod {
        ReconciliationReference.methods.first { $0.key == key }!.method
    }

    @Test(arguments: caseNames) func summingMatrixIsTheFixtures(_ name: String) throws {
        let c = ReconciliationReference.case(name)
        let h = try Hierarchy(bottom: c.bottom, aggregates: c.aggregates)
        #expect(h.names == c.names)
        #expect(h.summingRows == c.summing)
    }

    @Test(arguments: caseNames, methodKeys) func meansMatchHierarchicalForecast(_ name: String, _ key: String) throws {
        let c = ReconciliationReference.case(name)
        let r = try Reconciler(hierarchy: c.hierarchy, method: Self.method(key), residuals: c.residuals)
        let mean = try r.reconcile(c.base.mean)
        #expect(reconciliationDifference(mean, c.methods[key]!.mean) < 1e-9)
    }

    @Test(arguments: caseNames, methodKeys) func normalityBoundsMatchHierarchicalForecast(_ name: String, _ key: String)
        throws
    {
        let c = ReconciliationReference.case(name)
        let expected = c.methods[key]!
        let r = try Reconciler(hierarchy: c.hierarchy, method: Self.method(key), residuals: c.residuals)
        let sigma = try Reconciler.baseStandardDeviations(from: c.baseBounds)
        let f = try r.reconcile(c.base.mean, standardDeviations: sigma, levels: [80, 95])
        #expect(reconciliationDifference(f.mean, expected.mean) < 1e-9)
        for b in f.bounds {
            #expect(reconciliationDifference(b.lower, expected.bounds(b.level).lower) < 1e-9, "lower \(b.level)")
            #expect(reconciliationDifference(b.upper, expected.bounds(b.level).upper) < 1e-9, "upper \(b.level)")
        }
    }

    @Test(arguments: caseNames) func shrinkageCovarianceIsHierarchicalForecasts(_ name: String) throws {
        let c = ReconciliationReference.case(name)
        let w = try ShrinkageCovariance(residuals: c.residuals)
        #expect(reconciliationDifference(w.matrix, c.minTraceShrinkWeights) < 1e-9)
        #expect(w.intensity > 0 && w.intensity < 1)
        let r = try Reconciler(hierarchy: c.hierarchy, method: .minTraceShrink(), residuals: c.residuals)
        #expect(r.shrinkageIntensity == w.intensity)
    }

    /// Base σ_h recovered from the 80% and 95% bounds are those the fixture's bounds were made of.
    @Test func baseStandardDeviationsFromBounds() throws {
        let c = ReconciliationReference.case("seasons")
        let sigma = try Reconciler.baseStandardDeviations(from: c.baseBounds)
        let z80 = NormalDistribution.criticalValue(level: 80)
        for i in sigma.indices {
            for k in sigma[i].indices {
                let expected = (c.base.hi80[i][k] - c.base.mean[i][k]) / z80
                #expect(abs(sigma[i][k] - expected) <= 1e-9 * expected)
            }
        }
    }

    /// Every method's reconciled means are coherent: each aggregate is the sum of its members.
    @Test(arguments: caseNames, methodKeys) func reconciledMeansAreCoherent(_ name: String, _ key: String) throws {
        let c = ReconciliationReference.case(name)
        let h = c.hierarchy
        let r = try Reconciler(hierarchy: h, method: Self.method(key), residuals: c.residuals)
        let mean = try r.reconcile(c.base.mean)
        for k in mean[0].indices {
            let column = mean.map { $0[k] }
            #expect(h.incoherence(column) <= 1e-9 * abs(column[0]))
        }
        // The base forecasts were not coherent: reconciliation changed something.
        #expect(h.incoherence(c.base.mean.map { $0[0] }) > 1)
    }

    /// A coherent forecast is left as it is by every projection (S·P·S = S).
    @Test(arguments: methodKeys) func coherentForecastsAreUnchanged(_ key: String) throws {
        let c = ReconciliationReference.case("provinces")
        let h = c.hierarchy
        let bottom: [Double] = [4000, 4300, 3500, 2900, 9900, 19800]
        let coherent = h.summingRows.map { [zip($0, bottom).reduce(0) { $0 + $1.0 * $1.1 }] }
        let r = try Reconciler(hierarchy: h, method: Self.method(key), residuals: c.residuals)
        #expect(reconciliationDifference(try r.reconcile(coherent), coherent) < 1e-12)
    }

    // MARK: refusals

    static func refusal(_ body: () throws -> Void) -> ForecastingError? {
        do { try body() } catch let error as ForecastingError { return error } catch { return nil }
        return nil
    }

    @Test func malformedHierarchiesAreRefused() {
        let cases: [(String, [String], [Hierarchy.Aggregate])] = [
            ("bottom listed twice", ["a", "b", "a"], [.init(name: "t", members: ["a", "b"])]),
            ("aggregate of nothing", ["a", "b"], [.init(name: "t", members: [])]),
            ("member listed twice", ["a", "b"], [.init(name: "t", members: ["a", "a", "b"])]),
            ("unknown member", ["a", "b"], [.init(name: "t", members: ["a", "c"])]),
            ("aggregate named as a bottom series", ["a", "b"], [.init(name: "a", members: ["a", "b"])]),
            ("no bottom series", [], [.init(name: "t", members: ["a"])]),
            ("no aggregate", ["a", "b"], []),
        ]
        for (what, bottom, aggregates) in cases {
            let error = Self.refusal { _ = try Hierarchy(bottom: bottom, aggregates: aggregates) }
            #expect(error?.code == .invalidArgument, "\(what)")
        }
    }

    @Test func sizesThatDisagreeAreRefused() throws {
        let c = ReconciliationReference.case("seasons")
        let h = c.hierarchy
        let r = try Reconciler(hierarchy: h, method: .ols)
        let sigma = try Reconciler.baseStandardDeviations(from: c.baseBounds)
        let refusals: [(String, () throws -> Void)] = [
            ("too few series", { _ = try r.reconcile(Array(c.base.mean.dropLast())) }),
            ("ragged steps", { _ = try r.reconcile([[1, 2], [1], [1, 2], [1, 2]]) }),
            ("no steps", { _ = try r.reconcile([[], [], [], []]) }),
            ("σ of other steps", {
                _ = try r.reconcile(c.base.mean, standardDeviations: sigma.map { Array($0.prefix(1)) }, levels: [80])
            }),
            ("residuals of too few series", {
                _ = try Reconciler(hierarchy: h, method: .wlsVariance, residuals: Array(c.residuals.dropLast()))
            }),
            ("ragged residuals", {
                var e = c.residuals
                e[1].removeLast()
                _ = try Reconciler(hierarchy: h, method: .minTraceShrink(), residuals: e)
            }),
            ("no residuals", { _ = try Reconciler(hierarchy: h, method: .minTraceShrink()) }),
            ("W of the wrong size", { _ = try Reconciler(hierarchy: h, method: .minTrace(weights: [[1]])) }),
            ("level 100", { _ = try r.reconcile(c.base.mean, standardDeviations: sigma, levels: [100]) }),
        ]
        for (what, body) in refusals {
            #expect(Self.refusal(body)?.code == .invalidArgument, "\(what)")
        }
        let nonFinite = Self.refusal { _ = try r.reconcile([[.nan], [1], [1], [1]]) }
        #expect(nonFinite?.code == .nonFinite)
    }

    /// A W singular on the coherence constraints (UᵀWU not invertible) is a clear refusal, not a
    /// crash or a silent pseudo-inverse: a zero W, and MinT shrink without a ridge on residuals
    /// that are constant (a zero sample covariance).
    @Test func singularWeightsAreRefused() throws {
        let h = ReconciliationReference.case("seasons").hierarchy
        let zero = [[Double]](repeating: [0, 0, 0, 0], count: 4)
        let error = Self.refusal { _ = try Reconciler(hierarchy: h, method: .minTrace(weights: zero)) }
        #expect(error?.code == .rankDeficient)
        #expect(error?.message.contains("singular") == true)
        let constant = [[Double]](repeating: [3, 3, 3, 3, 3], count: 4)
        let shrink = Self.refusal {
            _ = try Reconciler(hierarchy: h, method: .minTraceShrink(ridge: 0), residuals: constant)
        }
        #expect(shrink?.code == .rankDeficient)
        // With hierarchicalforecast's ridge the same residuals give W = ridge·I: OLS.
        let ridged = try Reconciler(hierarchy: h, method: .minTraceShrink(), residuals: constant)
        let ols = try Reconciler(hierarchy: h, method: .ols)
        let base = ReconciliationReference.case("seasons").base.mean
        #expect(reconciliationDifference(try ridged.reconcile(base), try ols.reconcile(base)) < 1e-9)
    }

    /// A W that is singular but positive definite on the constraints still reconciles (the
    /// U-form of P needs no W⁻¹): W = diag(0, 1, 1, 1) puts all the weight of the change on
    /// the bottom series, leaving the aggregate's base forecast as it is.
    @Test func weightsSingularOffTheConstraintsAreUsed() throws {
        let h = ReconciliationReference.case("seasons").hierarchy
        let w: [[Double]] = [[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
        let r = try Reconciler(hierarchy: h, method: .minTrace(weights: w))
        let y = try r.reconcile([[100], [30], [40], [20]])
        #expect(abs(y[0][0] - 100) < 1e-12)
        #expect(h.incoherence(y.map { $0[0] }) < 1e-12)
    }
}
