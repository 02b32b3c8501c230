extension Matrix {
    /// A `rows × 1` matrix holding `vector`.
    public init(column vector: [Double]) {
        self.init(rows: vector.count, columns: 1, columnMajor: vector)
    }

    /// The main diagonal.
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { self[$0, $0] }
    }

    /// Whether both dimensions agree.
    public var isSquare: Bool { rows == columns }

    /// Columns `range` as a new matrix.
    public func columns(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= columns, "column range out of bounds")
        return Matrix(
            rows: rows, columns: range.count,
            columnMajor: Array(storage[(range.lowerBound * rows)..<(range.upperBound * rows)]))
    }

    /// The Frobenius norm, ‖A‖_F = √(Σ a_ij²), accumulated with scaling against overflow.
    public var frobeniusNorm: Double {
        Matrix.norm2(storage[...])
    }

    /// ‖v‖₂ without overflow or harmful underflow (the scaled sum of squares of LAPACK `dlassq`).
    static func norm2(_ v: ArraySlice<Double>) -> Double {
        var scale = 0.0
        var ssq = 1.0
        for x in v where x != 0 {
            let a = Swift.abs(x)
            if scale < a {
                ssq = 1 + ssq * (scale / a) * (scale / a)
                scale = a
            } else {
                ssq += (a / scale) * (a / scale)
            }
        }
        return scale * ssq.squareRoot()
    }

    /// The largest absolute difference between two matrices of the same shape.
    public func maxAbsDifference(_ other: Matrix) -> Double {
        precondition(rows == other.rows && columns == other.columns, "shapes differ")
        var m = 0.0
        for (a, b) in zip(storage, other.storage) { m = Swift.max(m, Swift.abs(a - b)) }
        return m
    }
}
