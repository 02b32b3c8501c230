import Testing

@testable import LinearAlgebra

@Suite struct MatrixTests {
    @Test func storesColumnMajor() {
        let m = Matrix(rowsOf: [[1, 2, 3], [4, 5, 6]])
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.transposed.row(2) == [3, 6])
    }
}
