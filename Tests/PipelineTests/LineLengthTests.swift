import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Pipeline
import VCFIO

/// One corrupt line must not take gigabytes: lines are bounded (VCFReader.maximumLineLength), while large
/// but valid records (a 4 MiB INFO value) still pass.
@Suite("Line length bound", .serialized)
struct LineLengthTests {
    let dir = Fixtures.temporaryDirectory()

    func file(infoBytes: Int, name: String) -> String {
        let header = Fixtures.vcfHeader(extra: ["##INFO=<ID=X,Number=1,Type=String,Description=\"filler\">"])
        let record = "chr7\t55181378\t.\tC\tT\t.\tPASS\tX=" + String(repeating: "A", count: infoBytes) + "\tGT:AD:AF:DP\t0/1:900,60:0.06:1000\n"
        return Fixtures.write(header + record, to: dir, as: name)
    }

    @Test("a line longer than the limit is refused naming the line; a 4 MiB INFO value is read")
    func bounded() throws {
        let catalogue = try Catalogue.builtIn()
        let long = file(infoBytes: VCFReader.maximumLineLength + 10, name: "long.vcf")
        let recordLine = Fixtures.vcfHeader(extra: ["x"]).split(separator: "\n").count + 1
        #expect {
            _ = try ScanRunner.scan(path: long, catalogue: catalogue, options: InputOptions())
        } throws: { error in
            "\(error)".contains("line \(recordLine):") && "\(error)".contains("MiB nextline accepts")
        }
        let large = file(infoBytes: 4 << 20, name: "large.vcf")
        let scanned = try ScanRunner.scan(path: large, catalogue: catalogue, options: InputOptions())
        #expect(scanned.result.findings.map(\.label) == ["EGFR p.T790M"])
    }
}
