import Foundation
import Testing
import TestSupport

/// The 50-row fault matrix of ../shared/reliability.md §3, as data: TestVCFs/faults/matrix.tsv gives each
/// case's command, fixture and expected exit code and messages; run_matrix.py runs them all against the
/// binary and checks that no failing command leaves an output or temporary file. Rows marked `fails-now`
/// are known gaps (listed in the closing notes): the run fails when one of them starts passing, so the
/// table is kept honest, and when any `passes-now` row regresses.
@Suite("Fault matrix")
struct FaultMatrixTests {
    @Test("every row of the fault matrix behaves as matrix.tsv says", .timeLimit(.minutes(10)))
    func matrix() {
        let (status, out, err) = Fixtures.run("/usr/bin/env", ["python3", Fixtures.path("TestVCFs/faults/run_matrix.py"),
                                                               "--bin", Fixtures.nextlineBinary], cwd: Fixtures.root)
        let tail = out.split(separator: "\n").suffix(15).joined(separator: "\n")
        #expect(status == 0, "\(tail)\n\(err.suffix(2000))")
    }
}
