import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Pipeline
import VariantModel

/// VAF conventions of callers beyond the bundled fixtures, written as each caller writes them.
@Suite("More caller conventions")
struct MoreCallerTests {
    let dir = Fixtures.temporaryDirectory()

    func measure(format: [String], formatKeys: String, values: String, info: String = ".", infoDecl: [String] = [],
                 sample: String = "S") throws -> SampleMeasurement? {
        let header = Fixtures.vcfHeader(samples: [sample], extra: format + infoDecl)
        let path = Fixtures.write(header + "chr7\t55181378\t.\tC\tT\t.\tPASS\t\(info)\t\(formatKeys)\t\(values)\n", to: dir, as: "\(UUID()).vcf")
        let r = try ScanRunner.scan(path: path, catalogue: try Catalogue.builtIn(), options: InputOptions())
        return r.result.findings.first?.measurement
    }

    @Test("no readable VAF but a declared TVAF: the warning names the field and --vaf-field; with it, the VAF is read")
    func vafFieldHint() throws {
        let header = Fixtures.vcfHeader(samples: ["S"], extra: ["##FORMAT=<ID=TVAF,Number=A,Type=Float,Description=\"Tumour VAF\">"])
        let path = Fixtures.write(header + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:TVAF\t0/1:0.04\n", to: dir, as: "tvaf.vcf")
        let plain = try ScanRunner.scan(path: path, catalogue: try Catalogue.builtIn(), options: InputOptions())
        #expect(plain.result.findings.first?.measurement?.vaf == nil)
        #expect(plain.provenance.warnings.contains { $0.contains("FORMAT/TVAF") && $0.contains("--vaf-field TVAF") })
        let given = try ScanRunner.scan(path: path, catalogue: try Catalogue.builtIn(), options: InputOptions(vafField: "TVAF"))
        #expect(given.result.findings.first?.measurement?.vaf == 0.04)
        #expect(!given.provenance.warnings.contains { $0.contains("no VAF could be read") })
    }

    @Test("DeepVariant FORMAT/VAF with AD/DP")
    func deepVariant() throws {
        let m = try #require(try measure(format: ["##FORMAT=<ID=VAF,Number=A,Type=Float,Description=\"Variant allele fractions\">"],
                                         formatKeys: "GT:DP:AD:VAF", values: "0/1:400:380,20:0.05"))
        #expect(m.vaf == 0.05 && m.altReads == 20 && m.depth == 400)
    }

    @Test("Pisces FORMAT/VF")
    func pisces() throws {
        let m = try #require(try measure(format: ["##FORMAT=<ID=VF,Number=1,Type=Float,Description=\"Variant frequency\">"],
                                         formatKeys: "GT:DP:VF", values: "0/1:1000:0.012"))
        #expect(m.vaf == 0.012 && m.vafSource == "FORMAT/VF" && m.depth == 1000)
    }

    @Test("Platypus NV/NR")
    func platypus() throws {
        let m = try #require(try measure(format: ["##FORMAT=<ID=NV,Number=.,Type=Integer,Description=\"reads with variant\">",
                                                  "##FORMAT=<ID=NR,Number=.,Type=Integer,Description=\"total reads\">"],
                                         formatKeys: "GT:NR:NV", values: "0/1:250:25"))
        #expect(m.altReads == 25 && m.depth == 250 && m.vaf == 0.1 && m.vafSource == "FORMAT/NV+NR")
    }

    @Test("LoFreq-style INFO/DP4 on a sites-only file")
    func lofreq() throws {
        let header = Fixtures.vcfHeader(samples: [], extra: ["##INFO=<ID=DP4,Number=4,Type=Integer,Description=\"ref fwd, ref rev, alt fwd, alt rev\">"])
        let path = Fixtures.write(header + "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP4=480,490,12,18\n", to: dir, as: "lofreq.vcf")
        let r = try ScanRunner.scan(path: path, catalogue: try Catalogue.builtIn(), options: InputOptions())
        let m = try #require(r.result.findings.first?.measurement)  // sites-only: the INFO fields describe the sample
        #expect(m.altReads == 30 && m.depth == 1000 && m.vaf == 0.03 && m.vafSource == "INFO/DP4")
    }

    @Test("INFO/AF described as a population frequency is never taken as the VAF")
    func populationAF() throws {
        let header = Fixtures.vcfHeader(samples: ["S"], extra: [])
            .replacingOccurrences(of: "Description=\"Allele fraction in the tumour\"", with: "Description=\"Allele frequency in gnomAD genomes\"")
        let path = Fixtures.write(header + "chr7\t55181378\t.\tC\tT\t.\tPASS\tAF=0.3\tGT\t0/1\n", to: dir, as: "pop.vcf")
        let r = try ScanRunner.scan(path: path, catalogue: try Catalogue.builtIn(), options: InputOptions())
        #expect(r.result.findings.first?.measurement?.vaf == nil)
    }
}
