import Foundation
import Testing

@testable import LinearAlgebra

/// Factorisations checked by their defining identities and by closed forms.
@Suite struct DecompositionTests {
    let spd = Matrix(rowsOf: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])

    @Test func gemmAndGemv() throws {
        let a = Matrix(rowsOf: [[1, 2], [3, 4], [5, 6]])
        let b = Matrix(rowsOf: [[1, 0, 2], [0, 1, 3]])
        let c = try BLAS.product(a, b)
        #expect(c == Matrix(rowsOf: [[1, 2, 8], [3, 4, 18], [5, 6, 28]]))
        #expect(try BLAS.product(a, [1, 1]) == [3, 7, 11])
        #expect(try BLAS.product(a, [1, 1, 1], transpose: true) == [9, 12])
        #expect(BLAS.gram(a) == Matrix(rowsOf: [[35, 44], [44, 56]]))
        #expect(throws: LinearAlgebraError.self) { try BLAS.product(a, a) }
    }

    @Test func choleskyOfAClassicExample() throws {
        // The textbook factor of this matrix is R = [[2, 6, -8], [0, 1, 5], [0, 0, 3]].
        let c = try Cholesky(spd)
        #expect(c.upper.maxAbsDifference(Matrix(rowsOf: [[2, 6, -8], [0, 1, 5], [0, 0, 3]])) < 1e-12)
        let x = try c.solve([1, 2, 3])
        #expect(try BLAS.product(spd, x).enumerated().allSatisfy { abs($0.element - Double($0.offset + 1)) < 1e-9 })
        #expect(abs(c.logDeterminant - log(36.0)) < 1e-12)
    }

    @Test func choleskyRejectsIndefinite() {
        let a = Matrix(rowsOf: [[1, 2], [2, 1]])
        #expect {
            try Cholesky(a)
        } throws: { error in
            let e = error as? LinearAlgebraError
            return e?.code == .notPositiveDefinite && e?.routine == "dpotrf" && e?.info == 2
        }
    }

    @Test func svdReconstructs() throws {
        let a = Matrix(rowsOf: [[3, 2, 2], [2, 3, -2]])
        let s = try SVD(a)
        // Singular values of this matrix are 5 and 3.
        #expect(abs(s.singularValues[0] - 5) < 1e-12 && abs(s.singularValues[1] - 3) < 1e-12)
        var us = s.u
        for j in 0..<2 { for i in 0..<2 { us[i, j] *= s.singularValues[j] } }
        #expect(try BLAS.product(us, s.vt).maxAbsDifference(a) < 1e-12)
        #expect(abs(s.conditionNumber - 5.0 / 3.0) < 1e-12)
    }

    @Test func symmetricEigen() throws {
        let a = Matrix(rowsOf: [[2, 1], [1, 2]])
        let e = try SymmetricEigen(a)
        #expect(abs(e.eigenvalues[0] - 1) < 1e-14 && abs(e.eigenvalues[1] - 3) < 1e-14)
        let v = e.eigenvectors.column(1)
        #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-14 && abs(v[0] - v[1]) < 1e-14)
    }

    @Test func luSolveInverseAndSingularity() throws {
        let a = Matrix(rowsOf: [[0, 2, 1], [1, 1, 0], [3, 0, 1]])
        let lu = try LU(a)
        let inv = try lu.inverse()
        #expect(try BLAS.product(a, inv).maxAbsDifference(.identity(3)) < 1e-14)
        let x = try lu.solve([3, 2, 4])
        #expect(zip(x, [1.0, 1.0, 1.0]).allSatisfy { abs($0 - $1) < 1e-14 })
        #expect(try lu.conditionNumber() >= 1)
        #expect {
            try LU(Matrix(rowsOf: [[1, 2], [2, 4]]))
        } throws: { ($0 as? LinearAlgebraError)?.code == .singular }
    }

    @Test func ridgeBySVDMatchesTheClosedForm() throws {
        // (AᵀA + λI)⁻¹Aᵀb, solved here by Cholesky of the (well-conditioned) normal matrix.
        let a = Matrix(rowsOf: [[1, 2], [3, 1], [0, 1], [2, 2]])
        let b = [1.0, 2, 0.5, 3]
        var g = BLAS.gram(a)
        for i in 0..<2 { g[i, i] += 0.7 }
        let expected = try Cholesky(g).solve(try BLAS.product(a, b, transpose: true))
        let got = try SVD(a).ridgeSolve(b, lambda: 0.7)
        #expect(zip(got, expected).allSatisfy { abs($0 - $1) < 1e-13 })
    }

    @Test func threadCountRoundTrips() {
        let before = BLASThreads.count
        BLASThreads.setSingleThreaded()
        #expect(BLASThreads.count == 1)
        BLASThreads.setCount(before)
    }
}
