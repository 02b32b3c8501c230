/// A dense matrix of `Double` stored column-major, as BLAS and LAPACK expect.
///
/// Element `(i, j)` lives at `storage[i + j * rows]`. A value type: copies are cheap until
/// written (copy-on-write of the underlying array).
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Column-major elements; `storage.count == rows * columns`.
    public var storage: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(storage.count == rows * columns, "storage does not match the dimensions")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from its columns (each of the same length).
    public init(columns cols: [[Double]]) {
        let r = cols.first?.count ?? 0
        precondition(cols.allSatisfy { $0.count == r }, "columns must have equal length")
        self.init(rows: r, columns: cols.count, columnMajor: cols.flatMap { $0 })
    }

    /// A matrix from its rows (each of the same length).
    public init(rowsOf rowArrays: [[Double]]) {
        let c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "rows must have equal length")
        var m = Matrix(rows: rowArrays.count, columns: c)
        for (i, row) in rowArrays.enumerated() {
            for (j, v) in row.enumerated() { m.storage[i + j * rowArrays.count] = v }
        }
        self = m
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] }
        }
        return t
    }
}
