import Foundation
import Testing
@testable import LinearAlgebra

/// Least squares through the scaled pivoted QR, checked against NIST's certified values
/// (LRE = log relative error, digits of agreement).
@Suite struct LeastSquaresTests {
    /// The design of a polynomial of degree k with intercept.
    static func polynomialDesign(_ x: [Double], degree: Int) -> Matrix {
        var cols: [[Double]] = [Array(repeating: 1, count: x.count)]
        for d in 1...degree { cols.append(x.map { pow($0, Double(d)) }) }
        return Matrix(columns: cols)
    }

    static func check(_ name: String, design: Matrix, y: [Double], minimumLRE: Double) throws {
        let problem = try #require(try NISTFixtures.certified().problems[name])
        let solution = try LeastSquares.solve(design, y, refinementSteps: 3)
        let n = Double(design.rows), p = Double(design.columns)
        let rss = solution.residuals.reduce(0) { $0 + $1 * $1 }
        let sigma = (rss / (n - p)).squareRoot()
        let cov = try solution.qr.unscaledCovariance()
        for j in 0..<design.columns {
            let lreB = logRelativeError(solution.coefficients[j], certified: problem.estimates[j])
            let lreS = logRelativeError(sigma * cov[j, j].squareRoot(), certified: problem.standard_deviations[j])
            #expect(lreB >= minimumLRE, "\(name) estimate \(j): LRE \(lreB)")
            #expect(lreS >= minimumLRE, "\(name) standard error \(j): LRE \(lreS)")
        }
        #expect(logRelativeError(sigma, certified: problem.residual_sd) >= minimumLRE)
    }

    @Test func filip() throws {
        let data = try NISTFixtures.columns("Filip")
        try Self.check("Filip", design: Self.polynomialDesign(data.x[0], degree: 10), y: data.y, minimumLRE: 7)
    }

    @Test func longley() throws {
        let data = try NISTFixtures.columns("Longley")
        let design = Matrix(columns: [Array(repeating: 1, count: data.y.count)] + data.x)
        try Self.check("Longley", design: design, y: data.y, minimumLRE: 7)
    }

    @Test(arguments: ["Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"])
    func wampler(_ name: String) throws {
        let data = try NISTFixtures.columns(name)
        try Self.check(name, design: Self.polynomialDesign(data.x[0], degree: 5), y: data.y,
                       minimumLRE: name == "Wampler5" ? 5.5 : 7)
    }

    @Test func exactSystemIsSolvedExactly() throws {
        // x = (1, 2): y = 1 + 2t at t = 0...4.
        let a = Matrix(rowsOf: [[1, 0], [1, 1], [1, 2], [1, 3], [1, 4]])
        let s = try LeastSquares.solve(a, [1, 3, 5, 7, 9])
        #expect(abs(s.coefficients[0] - 1) < 1e-14)
        #expect(abs(s.coefficients[1] - 2) < 1e-14)
        #expect(s.residuals.allSatisfy { abs($0) < 1e-13 })
    }

    @Test func rankDeficiencyIsDetectedAndNamed() throws {
        // Third column = first + second.
        let a = Matrix(rowsOf: [[1, 2, 3], [2, 1, 3], [0, 1, 1], [4, 0, 4], [1, 1, 2]])
        let qr = try PivotedQR(a)
        #expect(qr.rank == 2)
        #expect(qr.droppedColumns.count == 1)
        let dropped = try #require(qr.droppedColumns.first)
        let partners = try qr.dependencies(ofDropped: dropped)
        #expect(Set(partners + [dropped]) == [0, 1, 2])
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.solve(a, [1, 2, 3, 4, 5]) }
    }

    @Test func columnScalingMakesRankIndependentOfUnits() throws {
        // The same full-rank design with one column in units 1e12 times larger.
        let a = Matrix(rowsOf: [[1, 1e-9], [1, 2e-9], [1, 4e-9], [1, 8e-9]])
        #expect(try PivotedQR(a).rank == 2)
    }

    @Test func nonFiniteInputIsRejected() {
        let a = Matrix(rowsOf: [[1, .nan], [1, 2]])
        #expect(throws: LinearAlgebraError(.nonFinite, "the matrix contains NaN or infinite values")) {
            try PivotedQR(a)
        }
    }

    @Test func leveragesSumToTheRank() throws {
        let a = Matrix(rowsOf: [[1, 0.5], [1, 1.5], [1, 2.0], [1, 7.0], [1, 3.0]])
        let h = try PivotedQR(a).leverages()
        #expect(abs(h.reduce(0, +) - 2) < 1e-13)
        // Simple regression: h_i = 1/n + (x_i − x̄)²/Σ(x − x̄)².
        let x = [0.5, 1.5, 2.0, 7.0, 3.0]
        let mean = x.reduce(0, +) / 5
        let sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        for i in 0..<5 { #expect(abs(h[i] - (0.2 + (x[i] - mean) * (x[i] - mean) / sxx)) < 1e-13) }
    }
}
