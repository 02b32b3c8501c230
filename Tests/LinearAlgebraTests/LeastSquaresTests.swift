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

    static func check(
        _ name: String, design: Matrix, y: [Double], minimumLRE: Double,
        strategy: PivotedQR.Strategy = .automatic
    ) throws {
        let problem = try #require(try NISTFixtures.certified().problems[name])
        let qr = try PivotedQR(design, strategy: strategy)
        let solution = try LeastSquares.solve(qr: qr, design, y, refinementSteps: 3)
        let n = Double(design.rows)
        let p = Double(design.columns)
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

    /// The two-stage path (dgeqrf, then dgeqp3 on R) that large tall designs take.
    @Test func filipAndLongleyThroughThePreliminaryQR() throws {
        let filip = try NISTFixtures.columns("Filip")
        try Self.check(
            "Filip", design: Self.polynomialDesign(filip.x[0], degree: 10), y: filip.y,
            minimumLRE: 7, strategy: .preliminaryQR)
        let longley = try NISTFixtures.columns("Longley")
        try Self.check(
            "Longley", design: Matrix(columns: [Array(repeating: 1, count: longley.y.count)] + longley.x),
            y: longley.y, minimumLRE: 7, strategy: .preliminaryQR)
    }

    @Test func bothStrategiesAgreeOnATallRandomDesign() throws {
        // A deterministic pseudo-random 3000 × 12 design (a linear congruential sequence).
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1.0p-53 - 0.5
        }
        var a = Matrix(rows: 3000, columns: 12)
        for i in a.storage.indices { a.storage[i] = next() }
        let b = (0..<3000).map { _ in next() }
        let direct = try PivotedQR(a, strategy: .direct)
        let twoStage = try PivotedQR(a, strategy: .preliminaryQR)
        #expect(twoStage.preliminary != nil && direct.preliminary == nil)
        let x1 = try direct.solve(b)
        let x2 = try twoStage.solve(b)
        #expect(zip(x1, x2).allSatisfy { abs($0 - $1) < 1e-12 })
        let c1 = try direct.unscaledCovariance()
        let c2 = try twoStage.unscaledCovariance()
        #expect(c1.maxAbsDifference(c2) < 1e-12)
        let h1 = try direct.leverages()
        let h2 = try twoStage.leverages()
        #expect(zip(h1, h2).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(h2.reduce(0, +) - 12) < 1e-10)
    }

    @Test func blockedTallQRIsOrthogonalAndSolves() throws {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1.0p-53 - 0.5
        }
        let n = 1003
        let p = 9
        var a = Matrix(rows: n, columns: p)
        for i in a.storage.indices { a.storage[i] = next() }
        let b = (0..<n).map { _ in next() }
        let tall = try TallQR(a, blockRows: 100)
        #expect(tall.bounds.count - 1 == 10)
        // Q·Qᵀ·b = b, and ‖Qᵀb‖ = ‖b‖.
        let qtb = try tall.applyTranspose(b)
        let back = try tall.apply(qtb)
        #expect(zip(back, b).allSatisfy { abs($0 - $1) < 1e-13 })
        #expect(abs(qtb.reduce(0) { $0 + $1 * $1 } - b.reduce(0) { $0 + $1 * $1 }) < 1e-10)
        // R·x = (Qᵀb)₁ solves least squares: compare with the direct pivoted QR.
        var x = Array(qtb[0..<p])
        let r = tall.r
        for i in stride(from: p - 1, through: 0, by: -1) {
            for j in (i + 1)..<p { x[i] -= r[i, j] * x[j] }
            x[i] /= r[i, i]
        }
        let direct = try PivotedQR(a, strategy: .direct).solve(b)
        #expect(zip(x, direct).allSatisfy { abs($0 - $1) < 1e-12 })
        // RᵀR = AᵀA.
        let rtr = try BLAS.product(r, r, transposeA: true)
        #expect(rtr.maxAbsDifference(BLAS.gram(a)) < 1e-10)
    }

    @Test func longley() throws {
        let data = try NISTFixtures.columns("Longley")
        let design = Matrix(columns: [Array(repeating: 1, count: data.y.count)] + data.x)
        try Self.check("Longley", design: design, y: data.y, minimumLRE: 7)
    }

    @Test(arguments: ["Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"])
    func wampler(_ name: String) throws {
        let data = try NISTFixtures.columns(name)
        try Self.check(
            name, design: Self.polynomialDesign(data.x[0], degree: 5), y: data.y,
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
