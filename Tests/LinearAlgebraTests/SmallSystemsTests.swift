import LinearAlgebra
import Testing

/// The small-system kernels of model fitting, on systems solved by hand.
@Suite struct SmallSystemsTests {
    /// y = 1 + 2x exactly on x = 0...4: both least-squares kernels give (1, 2), and Householder's
    /// standard errors are zero (no residual).
    @Test func leastSquaresRecoverAnExactLine() throws {
        let x: [Double] = [0, 1, 2, 3, 4]
        let columns = [[Double](repeating: 1, count: 5), x]
        let y = x.map { 1 + 2 * $0 }
        let householder = try #require(SmallSystems.householderLeastSquares(columns: columns, y: y))
        #expect(abs(householder.beta[0] - 1) < 1e-12 && abs(householder.beta[1] - 2) < 1e-12)
        #expect(householder.standardErrors.allSatisfy { $0 < 1e-6 })
        let gramSchmidt = try #require(SmallSystems.gramSchmidtLeastSquares(columns, y))
        #expect(abs(gramSchmidt[0] - 1) < 1e-12 && abs(gramSchmidt[1] - 2) < 1e-12)
    }

    /// A column that repeats another is dependent: no solution.
    @Test func dependentColumnsHaveNoSolution() {
        let x: [Double] = [1, 2, 3, 4]
        #expect(SmallSystems.householderLeastSquares(columns: [x, x], y: x) == nil)
        #expect(SmallSystems.gramSchmidtLeastSquares([x, x], x) == nil)
    }

    /// [[0, 1], [2, 1]] x = [3, 4] needs a row swap (zero pivot): x = (0.5, 3). A singular
    /// matrix gives nil.
    @Test func eliminationPivotsAndRefusesSingularSystems() throws {
        var a: [Double] = [0, 1, 2, 1]
        var b: [Double] = [3, 4]
        let x = try #require(SmallSystems.gaussianElimination(&a, &b, 2))
        #expect(abs(x[0] - 0.5) < 1e-15 && abs(x[1] - 3) < 1e-15)
        var s: [Double] = [1, 2, 2, 4]
        var c: [Double] = [1, 2]
        #expect(SmallSystems.gaussianElimination(&s, &c, 2) == nil)
    }
}
