import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// Transformations of one file that must not change what nextline finds: line ends, container (VCF,
/// VCF.gz streamed or indexed, BCF), contig naming, sample column order, record order, and
/// multi-allelic records split or joined (bcftools norm as the oracle).
@Suite("Metamorphic: same content, same findings",
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/bcftools"), "bcftools is not installed"), .serialized)
struct MetamorphicTests {
    let dir = Fixtures.temporaryDirectory()
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    static let records = [
        "chr1\t1000000\t.\tA\tG\t50\tPASS\t.\tGT:AD:AF:DP\t0/1:90,10:0.1:100\t0/0:100,0:0:100",
        "chr7\t55174771\t.\tAGGAATTAAGAGAAGC\tA\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:1800,200:0.1:2000\t0/0:900,0:0:900",
        "chr7\t55181378\t.\tC\tT,A\t.\tPASS\t.\tGT:AD:AF:DP\t1/2:900,60,40:0.06,0.04:1000\t0/0:800,0,0:0,0:800",
        "chr12\t25245350\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:950,50:0.05:1000\t0/0:700,0:0:700",
        "chr17\t7675088\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:1700,300:0.15:2000\t0/0:600,0:0:600",
    ]

    func base(_ name: String = "base.vcf") -> String {
        Fixtures.write(Fixtures.vcfHeader(samples: ["TUMOR", "NORMAL"]) + Self.records.joined(separator: "\n") + "\n", to: dir, as: name)
    }

    /// What a scan found, as comparable text (gene, protein change, normalised allele, VAF, reads, depth).
    func findings(_ path: String, noIndex: Bool = false, threads: Int = 0) throws -> [String] {
        var options = InputOptions(sample: "TUMOR", threads: threads, ignoreIndex: noIndex)
        options.sample = "TUMOR"
        let scanned = try ScanRunner.scan(path: path, catalogue: catalogue, options: options)
        let found = scanned.result.findings.map { f in
            let a = f.allele.map { "\($0.chromosome):\($0.position):\($0.reference):\($0.alternate)" } ?? "\(f.contig):\(f.position)"
            let m = f.measurement
            return "\(f.gene) \(f.proteinChange?.oneLetter ?? "-") \(a) vaf=\(m?.vaf ?? -1) alt=\(m?.altReads ?? -1) dp=\(m?.depth ?? -1)"
        }
        // Records in watched genes that nothing could place (by canonical chromosome, so `7` = `chr7`).
        let unplaced = scanned.result.notAssessable.map { "not assessable \($0.gene ?? "?") \(ContigName.canonical($0.contig) ?? $0.contig):\($0.position)" }
        return (found + unplaced).sorted()
    }

    func bcftools(_ args: [String]) throws {
        let (s, _, e) = Fixtures.run("/usr/bin/bcftools", args)
        try #require(s == 0, "bcftools \(args.joined(separator: " ")): \(e)")
    }

    @Test("CRLF line ends, bgzipped, bgzipped and indexed, BCF: the same findings")
    func containers() throws {
        let vcf = base()
        let want = try findings(vcf)
        // EGFR E746_A750del, T790M, KRAS G12D; EGFR T790K and TP53 R175H are not placed (no annotation, not hotspots).
        #expect(want.filter { !$0.hasPrefix("not assessable") }.count == 3 && want.count == 5)
        let crlf = Fixtures.write(try String(contentsOfFile: vcf, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n"), to: dir, as: "crlf.vcf")
        #expect(try findings(crlf) == want)
        let gz = dir.appendingPathComponent("base.vcf.gz").path
        try bcftools(["view", "-Oz", "-o", gz, vcf]); try bcftools(["index", "-t", gz])
        #expect(try findings(gz) == want)
        #expect(try findings(gz, noIndex: true) == want)
        // BGZF decompression on htslib's thread pool (--threads): the same findings, streamed and indexed.
        #expect(try findings(gz, noIndex: true, threads: 2) == want)
        #expect(try findings(gz, threads: 2) == want)
        let bcf = dir.appendingPathComponent("base.bcf").path
        try bcftools(["view", "-Ob", "-o", bcf, vcf]); try bcftools(["index", "-c", bcf])
        #expect(try findings(bcf) == want)
    }

    @Test("contigs named 7 instead of chr7, and sample columns in the other order: the same findings")
    func namingAndColumns() throws {
        let vcf = base()
        let want = try findings(vcf)
        var plain = try String(contentsOfFile: vcf, encoding: .utf8)
        for c in ["1", "7", "12", "17"] {
            plain = plain.replacingOccurrences(of: "ID=chr\(c),", with: "ID=\(c),").replacingOccurrences(of: "\nchr\(c)\t", with: "\n\(c)\t")
        }
        #expect(try findings(Fixtures.write(plain, to: dir, as: "numeric.vcf")) == want)
        let swapped = dir.appendingPathComponent("swapped.vcf").path
        try bcftools(["view", "-s", "NORMAL,TUMOR", "-o", swapped, vcf])
        #expect(try findings(swapped) == want)
        // The tumour in the second column of an indexed BCF: read through the index, whose iterator does
        // not select samples by itself (the NORMAL column's values must never be read as the tumour's).
        for (name, order) in [("first.bcf", "TUMOR,NORMAL"), ("second.bcf", "NORMAL,TUMOR")] {
            let bcf = dir.appendingPathComponent(name).path
            try bcftools(["view", "-s", order, "-Ob", "-o", bcf, vcf]); try bcftools(["index", "-c", bcf])
            #expect(try findings(bcf) == want, "\(order)")
        }
    }

    @Test("records shuffled and streamed equal sorted and indexed; split multi-allelics equal joined ones")
    func orderAndSplitting() throws {
        let vcf = base()
        let want = try findings(vcf)
        let header = Fixtures.vcfHeader(samples: ["TUMOR", "NORMAL"])
        let shuffled = Fixtures.write(header + [4, 2, 0, 3, 1].map { Self.records[$0] }.joined(separator: "\n") + "\n", to: dir, as: "shuffled.vcf")
        #expect(try findings(shuffled) == want)
        let split = dir.appendingPathComponent("split.vcf").path
        try bcftools(["norm", "-m", "-any", "-o", split, vcf])
        #expect(try findings(split) == want)
        let joined = dir.appendingPathComponent("joined.vcf").path
        try bcftools(["norm", "-m", "+any", "-o", joined, split])
        #expect(try findings(joined) == want)
    }
}
