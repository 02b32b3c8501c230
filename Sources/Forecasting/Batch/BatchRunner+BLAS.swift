import LinearAlgebra

extension BatchRunner {
    /// A runner for fitting series in parallel: with more than one job, OpenBLAS is held to one
    /// thread (otherwise each worker's BLAS call would spawn its own threads and the cores would be
    /// oversubscribed).
    public static func fitting(jobs: Int?) throws -> BatchRunner {
        let runner = try BatchRunner(jobs: jobs)
        if runner.jobs > 1 { BLASThreads.setSingleThreaded() }
        return runner
    }
}
