import Foundation
import LinearAlgebra
import TimeSeriesCore

/// Options for `LinearRegression.fit`.
public struct RegressionOptions: Sendable, Equatable {
    /// Case weights (weighted least squares); nil for ordinary least squares.
    public var weights: [Double]?
    /// The ridge penalty λ ≥ 0 on the non-intercept coefficients; nil for none.
    public var ridge: Double?
    /// Steps of iterative refinement of the least-squares solution (see `LeastSquares`).
    public var refinementSteps: Int

    public init(weights: [Double]? = nil, ridge: Double? = nil, refinementSteps: Int = 3) {
        self.weights = weights
        self.ridge = ridge
        self.refinementSteps = refinementSteps
    }
}

/// Linear regression by least squares on the column-scaled pivoted QR of the design, with
/// the inference of R's `summary.lm` (Chambers & Hastie 1992, ch. 4; Weisberg, *Applied Linear
/// Regression*, 4th ed., ch. 3 and 9).
///
/// Ordinary least squares minimises Σ rᵢ², weighted least squares Σ wᵢ rᵢ² (solved as OLS on
/// √wᵢ·xᵢ, √wᵢ·yᵢ), ridge Σ wᵢ rᵢ² + λ Σ_{j≠intercept} βⱼ² (solved as OLS on the design
/// augmented by √λ·I rows; Hastie, Tibshirani & Friedman §3.4.1). The normal equations are
/// never formed.
public enum LinearRegression {
    /// Fits `formula` to `columns` (every used numeric column of the same length n, all finite) and
    /// the text of its categorical columns in `categories` (length n too), whose levels are the
    /// values given there.
    public static func fit(
        _ formula: RegressionFormula, columns: [String: [Double]], categories: [String: [String]] = [:],
        options: RegressionOptions = .init()
    ) throws -> RegressionFit {
        try fit(
            FormulaDesign(formula, categories: categories), columns: columns, categories: categories,
            options: options)
    }

    /// Fits `design` (a formula and the levels of its categorical columns, which may include levels
    /// no row of `categories` has: their columns are zero and the design rank-deficient).
    public static func fit(
        _ design: FormulaDesign, columns: [String: [Double]], categories: [String: [String]] = [:],
        options: RegressionOptions = .init()
    ) throws -> RegressionFit {
        let formula = design.formula
        let coding = design  // `design` below is the weighted matrix
        let (y, x, w) = try checkedData(design, columns: columns, categories: categories, options: options)
        let n = y.count
        let names = design.columnNames
        let p = x.count
        let sw = w.map { $0.squareRoot() }
        let penalty = options.ridge ?? 0
        let ridged = penalty > 0
        // Rows: √w·x, then (ridge) √λ on each penalised coefficient.
        let penalised = (0..<p).filter { !(formula.hasIntercept && $0 == 0) }
        let rowsTotal = ridged ? n + penalised.count : n
        var design = Matrix(rows: rowsTotal, columns: p)
        for j in 0..<p { for i in 0..<n { design[i, j] = sw[i] * x[j][i] } }
        var yw = (0..<n).map { sw[$0] * y[$0] }
        if ridged {
            for (k, j) in penalised.enumerated() { design[n + k, j] = penalty.squareRoot() }
            yw += Array(repeating: 0, count: penalised.count)
        }
        let qr = try PivotedQR(design)
        guard qr.isFullRank else { throw rankDeficiencyError(qr, names: names) }
        let solution = try LeastSquares.solve(qr: qr, design, yw, refinementSteps: options.refinementSteps)
        let beta = solution.coefficients
        let cond = try qr.conditionNumber()
        let unscaled = try qr.unscaledCovariance()
        var hat = try qr.leverages()
        hat = Array(hat[0..<n])

        var fitted = [Double](repeating: 0, count: n)
        for j in 0..<p { for i in 0..<n { fitted[i] += x[j][i] * beta[j] } }
        let residuals = (0..<n).map { y[$0] - fitted[$0] }
        let weightedResiduals = ridged ? (0..<n).map { sw[$0] * residuals[$0] } : Array(solution.residuals[0..<n])
        let rss = weightedResiduals.reduce(0) { $0 + $1 * $1 }

        // Effective number of parameters: p, or tr(H) for ridge.
        let edf = ridged ? hat.reduce(0, +) : Double(p)
        let dfResidual = Double(n) - edf
        let sigma2 = rss / dfResidual
        let sigma = sigma2.squareRoot()

        var covariance = Matrix(rows: p, columns: p)
        if ridged {
            // σ²·A⁻¹·XᵀWX·A⁻¹ with A = XᵀWX + λE (Hoerl & Kennard 1970, eq. 2.3).
            let top = Matrix(rows: n, columns: p, columnMajor: (0..<p).flatMap { j in (0..<n).map { design[$0, j] } })
            let c = try BLAS.product(unscaled, top, transposeB: true)
            covariance = try BLAS.product(c, c, transposeB: true)
            for i in covariance.storage.indices { covariance.storage[i] *= sigma2 }
        } else {
            for i in covariance.storage.indices { covariance.storage[i] = unscaled.storage[i] * sigma2 }
        }
        let coefficients = coefficientTable(beta, covariance: covariance, names: names, dfResidual: dfResidual)

        let stats = FitStatistics(
            constant: coding.spansIntercept, y: y, fitted: fitted, weights: w, weightedResiduals: weightedResiduals,
            rss: rss, edf: edf, dfResidual: dfResidual, sigma2: sigma2, ridged: ridged)
        return RegressionFit(
            formula: formula, design: coding, n: n, rank: qr.rank, dfResidual: dfResidual,
            coefficients: coefficients, covariance: covariance,
            residuals: residuals, fitted: fitted, leverages: hat,
            residualSumOfSquares: rss, sigma: sigma, rSquared: stats.rSquared, adjustedRSquared: stats.adjustedRSquared,
            fTest: stats.fTest, logLikelihood: stats.logLikelihood, aic: stats.aic, bic: stats.bic,
            durbinWatson: stats.durbinWatson,
            conditionNumber: cond, weighted: options.weights != nil, ridge: options.ridge,
            effectiveParameters: edf)
    }

    /// The response and design columns of `formula` over `columns`, and the case weights (1 without
    /// `options.weights`), after the checks a fit needs: finite values, a valid ridge penalty,
    /// positive finite weights, more rows than coefficients.
    static func checkedData(
        _ design: FormulaDesign, columns: [String: [Double]], categories: [String: [String]],
        options: RegressionOptions
    ) throws -> (y: [Double], x: [[Double]], weights: [Double]) {
        let formula = design.formula
        guard let yRaw = columns[formula.response.column] else {
            throw ForecastingError(.badFormula, "no column '\(formula.response.column)' for the response")
        }
        let n = yRaw.count
        let y = try formula.response.evaluate(yRaw)
        for column in formula.categoricalColumns where categories[column].map({ $0.count != n }) ?? false {
            throw ForecastingError(.invalidArgument, "\(categories[column]!.count) values of '\(column)' for \(n) rows")
        }
        let x = try design.columns(columns, categories: categories, rows: n)
        let names = design.columnNames
        let p = x.count
        for (name, col) in zip([formula.response.name] + names, [y] + x) {
            if let i = col.firstIndex(where: { !$0.isFinite }) {
                throw ForecastingError(.nonFinite, "\(name) is not finite in fitted row \(i + 1)")
            }
        }
        if let lambda = options.ridge, !(lambda >= 0 && lambda.isFinite) {
            throw ForecastingError(.invalidArgument, "the ridge penalty must be a finite number ≥ 0, got \(lambda)")
        }
        var w = [Double](repeating: 1, count: n)
        if let weights = options.weights {
            guard weights.count == n else {
                throw ForecastingError(.invalidArgument, "\(weights.count) weights for \(n) rows")
            }
            if let i = weights.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
                throw ForecastingError(
                    .outOfDomain, "weights must be positive and finite; fitted row \(i + 1) has \(weights[i])")
            }
            w = weights
        }
        guard n > p else {
            throw ForecastingError(
                .tooShort, "\(n) complete rows for \(p) coefficients: need more rows than coefficients")
        }
        return (y, x, w)
    }

    /// Each coefficient with its standard error (from `covariance`), t statistic and two-sided p-value.
    static func coefficientTable(
        _ beta: [Double], covariance: Matrix, names: [String],
        dfResidual: Double
    ) -> [RegressionCoefficient] {
        var coefficients: [RegressionCoefficient] = []
        for j in 0..<covariance.rows {
            let se = covariance[j, j].squareRoot()
            // A standard error that overflows (or is undefined) leaves t and p undefined too:
            // β/∞ = 0 would claim "no evidence" (p = 1) where nothing could be computed.
            let t = se.isFinite ? beta[j] / se : .nan
            let pValue = t.isNaN ? .nan : StudentT.twoSidedPValue(t, degreesOfFreedom: dfResidual)
            coefficients.append(
                RegressionCoefficient(
                    term: names[j], estimate: beta[j], standardError: se,
                    t: t, p: pValue))
        }
        return coefficients
    }

    /// The fit's summary statistics: R² and adjusted R², the F test, the log-likelihood, AIC, BIC
    /// and the Durbin–Watson statistic.
    struct FitStatistics {
        var rSquared: Double
        var adjustedRSquared: Double
        var fTest: RegressionFit.FTest?
        var logLikelihood: Double
        var aic: Double
        var bic: Double
        var durbinWatson: Double

        init(
            constant: Bool, y: [Double], fitted: [Double], weights w: [Double], weightedResiduals: [Double],
            rss: Double, edf: Double, dfResidual: Double, sigma2: Double, ridged: Bool
        ) {
            let n = y.count
            // R² as summary.lm: mss/(mss + rss), with mss about the weighted mean when there is an
            // intercept and about 0 otherwise (the uncentred R²); for ridge, 1 − rss/tss. A design whose
            // categorical coding spans the constant counts as having one, as in statsmodels.
            let sumW = w.reduce(0, +)
            let meanW = constant ? (0..<n).reduce(0) { $0 + w[$1] * y[$1] } / sumW : 0
            let fittedMeanW = constant ? (0..<n).reduce(0) { $0 + w[$1] * fitted[$1] } / sumW : 0
            let tss = (0..<n).reduce(0) { $0 + w[$1] * (y[$1] - meanW) * (y[$1] - meanW) }
            let mss = (0..<n).reduce(0) { $0 + w[$1] * (fitted[$1] - fittedMeanW) * (fitted[$1] - fittedMeanW) }
            let rSquared = ridged ? 1 - rss / tss : mss / (mss + rss)
            let interceptDF = constant ? 1.0 : 0.0
            let adjRSquared = 1 - (1 - rSquared) * (Double(n) - interceptDF) / dfResidual
            var fTest: RegressionFit.FTest? = nil
            let df1 = edf - interceptDF
            if df1 > 0 && !ridged {
                let f = (mss / df1) / sigma2
                fTest = .init(
                    value: f, numeratorDF: df1, denominatorDF: dfResidual,
                    p: FDistribution.survival(f, d1: df1, d2: dfResidual))
            }
            // Gaussian log-likelihood at the MLE of σ², as R's logLik.lm:
            // ½(Σ log wᵢ − n(log 2π + 1 − log n + log Σ wᵢrᵢ²)).
            let nD = Double(n)
            let sumLogW = w.reduce(0) { $0 + log($1) }
            let logLik = 0.5 * (sumLogW - nD * (log(2 * Double.pi) + 1 - log(nD) + log(rss)))
            let k = edf + 1  // coefficients and σ, as R's AIC() counts them
            let aic = -2 * logLik + 2 * k
            let bic = -2 * logLik + log(nD) * k
            // Durbin–Watson on the (weighted) residuals, in row order.
            var dwNum = 0.0
            for i in 1..<n {
                dwNum +=
                    (weightedResiduals[i] - weightedResiduals[i - 1])
                    * (weightedResiduals[i] - weightedResiduals[i - 1])
            }
            let dw = dwNum / rss
            self.rSquared = rSquared
            adjustedRSquared = adjRSquared
            self.fTest = fTest
            logLikelihood = logLik
            self.aic = aic
            self.bic = bic
            durbinWatson = dw
        }
    }

    /// Names the dropped terms and the terms they are collinear with, and suggests which
    /// non-intercept term to remove.
    static func rankDeficiencyError(_ qr: PivotedQR, names: [String]) -> ForecastingError {
        var parts: [String] = []
        var remove: [String] = []
        for j in qr.droppedColumns {
            let partners = ((try? qr.dependencies(ofDropped: j)) ?? []).map { names[$0] }
            if partners.isEmpty {
                parts.append("\(names[j]) is constant zero or negligible")
                remove.append(names[j])
            } else {
                let all = [names[j]] + partners
                parts.append(
                    "columns \(all.dropLast().joined(separator: ", ")) and \(all[all.count - 1]) are collinear")
                remove.append(all.first { $0 != "(Intercept)" } ?? names[j])
            }
        }
        return ForecastingError(
            .rankDeficient,
            "the design is rank-deficient (rank \(qr.rank) of \(qr.columns) columns): "
                + parts.joined(separator: "; ")
                + "; remove \(remove.joined(separator: ", ")) or combine the terms")
    }
}
