import Foundation
import Testing
import TestSupport

/// `nextline annotate`: the input written back through htslib with NEXTLINE_ANN tags, read back by
/// bcftools without warnings, every other record as `bcftools view` writes it.
@Suite("Annotated VCF/BCF", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/bcftools"), "bcftools is not installed"))
struct AnnotateTests {
    let dir = Fixtures.temporaryDirectory()
    func nextline(_ args: [String]) -> (Int32, String, String) { Fixtures.run(Fixtures.nextlineBinary, args, cwd: Fixtures.root) }
    func bcftools(_ args: [String]) -> (Int32, String, String) { Fixtures.run("/usr/bin/bcftools", args) }

    /// A file with records outside the watched genes, a multi-allelic record in EGFR and one in KRAS.
    func input() -> String {
        let text = Fixtures.vcfHeader() + [
            "chr7\t1000000\t.\tA\tG\t50\tPASS\t.\tGT:AD:AF:DP\t0/1:90,10:0.1:100",
            "chr7\t55181378\t.\tC\tT,A\t.\tPASS\t.\tGT:AD:AF:DP\t1/2:900,60,40:0.06,0.04:1000",
            "chr12\t25245350\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:950,50:0.05:1000",
            "chr12\t30000000\t.\tG\tGA\t12.5\tLowQual\t.\tGT:AD:AF:DP\t0/1:40,5:0.111:45",
        ].joined(separator: "\n") + "\n"
        return Fixtures.write(text, to: dir, as: "in.vcf")
    }

    @Test("bgzipped output: indexed, read back without warnings, other records as bcftools view writes them, multi-allelic kept whole")
    func bgzipped() throws {
        let vcf = input()
        let out = dir.appendingPathComponent("out.vcf.gz").path
        let (s, _, e) = nextline(["annotate", vcf, "--output", out])
        #expect(s == 0, "\(e)")
        #expect(FileManager.default.fileExists(atPath: out + ".tbi"))
        let (sv, annotated, warn) = bcftools(["view", "-H", out])
        #expect(sv == 0 && warn.isEmpty, "\(warn)")
        let (_, original, _) = bcftools(["view", "-H", vcf])
        let outLines = annotated.split(separator: "\n"), inLines = original.split(separator: "\n")
        #expect(outLines.count == inLines.count)
        for (o, i) in zip(outLines, inLines) where !o.contains("NEXTLINE_ANN") { #expect(o == i) }
        let (_, query, qwarn) = bcftools(["query", "-r", "chr7:55181378", "-f", "%ALT\t%INFO/NEXTLINE_ANN\n", out])
        #expect(qwarn.isEmpty, "\(qwarn)")
        #expect(query.hasPrefix("T,A\t"))   // one record, both ALTs
        #expect(query.contains("T|EGFR|") && query.contains("p.T790M"))
        let (_, kras, _) = bcftools(["query", "-r", "chr12:25245350", "-f", "%INFO/NEXTLINE_ANN\n", out])
        #expect(kras.contains("KRAS") && kras.contains("p.G12D"))
        let (_, header, _) = bcftools(["view", "-h", out])
        #expect(header.contains("##nextline_version=") && header.contains("##nextline_command=nextline annotate"))
        #expect(header.contains("Format: Allele|Gene|Transcript|HGVSc|HGVSp|Consequence|Classification|Origin|Flags|Rules"))
    }

    @Test("with a case: BCF output carries origin, flags and matched rules; plain VCF output has no index")
    func withCase() throws {
        let bcf = dir.appendingPathComponent("demo.bcf").path
        let (s, _, e) = nextline(["annotate", "--case", "TestVCFs/demo/case.yaml", "--output", bcf])
        #expect(s == 0, "\(e)")
        #expect(FileManager.default.fileExists(atPath: bcf + ".csi"))
        let (_, q, w) = bcftools(["query", "-f", "%POS\t%INFO/NEXTLINE_ANN\n", bcf])
        #expect(w.isEmpty, "\(w)")
        let erbb2 = q.split(separator: "\n").first { $0.contains("ERBB2") } ?? ""
        #expect(erbb2.contains("|p.L755S|missense_variant|oncogenic|acquired||"))
        #expect(erbb2.contains("her2_l755s_acquired_cross_resistance&"))
        let dnmt3a = q.split(separator: "\n").first { $0.contains("DNMT3A") } ?? ""
        #expect(dnmt3a.contains("|possible_clonal_hematopoiesis|"))
        let plain = dir.appendingPathComponent("demo.vcf").path
        #expect(nextline(["annotate", "TestVCFs/demo/prog2_plasma.vcf", "--output", plain]).0 == 0)
        #expect(!FileManager.default.fileExists(atPath: plain + ".tbi") && !FileManager.default.fileExists(atPath: plain + ".csi"))
        #expect(nextline(["annotate", "TestVCFs/demo/prog2_plasma.vcf", "--output", dir.appendingPathComponent("x.txt").path]).0 == 64)
    }

    @Test("a failed annotation leaves nothing under the output's names")
    func failureLeavesNothing() throws {
        let bad = Fixtures.write(Fixtures.vcfHeader() + "chr7\tnotanumber\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\n", to: dir, as: "bad.vcf")
        let out = dir.appendingPathComponent("bad.out.vcf.gz").path
        let (s, _, e) = nextline(["annotate", bad, "--output", out])
        #expect(s == 65, "\(e)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("bad.out") }
        #expect(left.isEmpty, "\(left)")
    }
}
