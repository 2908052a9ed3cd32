import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// The fault matrix of shared/reliability.md §3 as applied to `scan` (issue 2, "Bad input").
/// REJECT = an error naming the file (and record where there is one); WARN = a result plus a warning.
@Suite("Bad input: reject or warn, never a silent wrong answer", .serialized)
struct BadInputTests {
    static let catalogue: Catalogue = {
        do { return try Catalogue.builtIn() } catch { fatalError("built-in catalogue invalid: \(error)") }
    }()
    let dir = Fixtures.temporaryDirectory()

    /// EGFR T790M in GRCh38, as a Mutect2-style record.
    static let t790m = "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"

    func scan(_ path: String, build: GenomeBuild? = nil, sample: String? = nil) throws -> ScannedFile {
        try ScanRunner.scan(path: path, catalogue: Self.catalogue, options: InputOptions(build: build, sample: sample))
    }

    func rejects(_ path: String, containing words: [String], build: GenomeBuild? = nil, sample: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try scan(path, build: build, sample: sample)
            Issue.record("expected \(path) to be rejected", sourceLocation: sourceLocation)
        } catch {
            let message = String(describing: error)
            #expect(message.contains(path), "message must name the file: \(message)", sourceLocation: sourceLocation)
            for w in words {
                #expect(message.lowercased().contains(w.lowercased()), "'\(message)' should mention '\(w)'", sourceLocation: sourceLocation)
            }
            #expect(ErrorKind.isInputData(error), "bad input maps to exit 65", sourceLocation: sourceLocation)
        }
    }

    @Test("missing file, directory and 0-byte file are rejected")
    func containers() {
        rejects(dir.path + "/nope.vcf", containing: ["no such file"])
        rejects(dir.path, containing: ["directory"])
        rejects(Fixtures.write("", to: dir, as: "empty.vcf"), containing: ["empty"])
        rejects(Fixtures.write("hello, this is not a VCF\n", to: dir, as: "text.vcf"), containing: ["not a VCF"])
        let fifo = dir.appendingPathComponent("fifo.vcf").path
        _ = Fixtures.run("/usr/bin/mkfifo", [fifo])
        rejects(fifo, containing: ["not a regular file"])   // never blocks waiting for a writer
    }

    @Test("a BCF whose header claims gigabytes of text is refused before htslib allocates them (found by the vcf-file fuzz target)")
    func bcfHeaderLength() throws {
        // "BCF\2\2", then 0x8b04088b (2.3 GB) as the header's text length: 13 bytes in all.
        let path = dir.appendingPathComponent("huge_header.bcf").path
        try Data([0x42, 0x43, 0x46, 0x02, 0x02, 0x8b, 0x08, 0x04, 0x8b, 0x2d, 0x2d, 0x31, 0x66]).write(to: URL(fileURLWithPath: path))
        rejects(path, containing: ["BCF header claims", "corrupt"])
    }

    @Test("a genotype htslib stores as text is refused by record, not an exit from inside htslib (found by the vcf-record fuzz target)")
    func genotypeAsText() throws {
        let path = dir.appendingPathComponent("gt_text.vcf").path
        let header = "##fileformat=VCFv4.2\n##contig=<ID=chr7,length=159345973>\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n"
        try (header + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\t:GT\to\n").write(toFile: path, atomically: true, encoding: .utf8)
        rejects(path, containing: ["FORMAT/GT", "55181378"])
    }

    @Test("a header-only VCF is valid and gives an empty result")
    func headerOnly() throws {
        let r = try scan(Fixtures.write(Fixtures.vcfHeader(), to: dir, as: "header.vcf"))
        #expect(r.result.findings.isEmpty)
        #expect(r.provenance.recordsRead == 0)
        #expect(r.provenance.build == .grch38)
    }

    @Test("plain gzip is read with a warning; truncated BGZF and a missing EOF marker are rejected")
    func compression() throws {
        let vcf = Fixtures.write(Fixtures.vcfHeader() + Self.t790m, to: dir, as: "t.vcf")
        let gz = dir.appendingPathComponent("plain.vcf.gz").path
        _ = Fixtures.run("/bin/sh", ["-c", "gzip -c \(vcf) > \(gz)"])
        let r = try scan(gz)
        #expect(r.result.findings.map(\.label) == ["EGFR p.T790M"])
        #expect(r.provenance.warnings.contains { $0.contains("plain gzip") })

        guard let bgz = Fixtures.bgzip(vcf) else { Issue.record("bgzip not installed"); return }
        let ok = try scan(bgz)
        #expect(ok.result.findings.count == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: bgz))
        let noEOF = dir.appendingPathComponent("noeof.vcf.gz")
        try data.prefix(data.count - 28).write(to: noEOF)
        rejects(noEOF.path, containing: ["truncated", "end-of-file"])
        let cut = dir.appendingPathComponent("cut.vcf.gz")
        try data.prefix(data.count / 2).write(to: cut)
        rejects(cut.path, containing: ["truncated"])
    }

    @Test("an xz-compressed VCF is refused by name before htslib decodes it", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xz")))
    func xzCompressed() throws {
        let plain = Fixtures.write(Fixtures.vcfHeader() + Self.t790m, to: dir, as: "plain_for_xz.vcf")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/xz")
        p.arguments = ["-k", "-f", plain]
        try p.run(); p.waitUntilExit()
        rejects(plain + ".xz", containing: ["xz", "bgzip"])
    }

    @Test("no #CHROM line, spaces instead of tabs and duplicate sample names are rejected")
    func headers() {
        let noChrom = Fixtures.vcfHeader().split(separator: "\n").dropLast().joined(separator: "\n") + "\n" + Self.t790m
        rejects(Fixtures.write(noChrom, to: dir, as: "nochrom.vcf"), containing: ["#CHROM"])
        let spaced = Fixtures.vcfHeader().replacingOccurrences(of: "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR",
                                                               with: "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT TUMOR")
        rejects(Fixtures.write(spaced, to: dir, as: "spaces.vcf"), containing: ["spaces"])
        let dup = Fixtures.vcfHeader(samples: ["S1", "S1"])
        rejects(Fixtures.write(dup, to: dir, as: "dup.vcf"), containing: ["duplicate sample"])
    }

    @Test("every data line is checked before the pre-filter: spaces, a decimal or junk POS, a NUL byte name their line")
    func dataLines() {
        let t790m = Self.t790m
        let cases: [(String, String, [String])] = [
            ("rec_spaces.vcf", t790m.replacingOccurrences(of: "\t", with: " ") + "", ["line", "spaces, not tabs"]),
            ("pos_decimal.vcf", t790m.replacingOccurrences(of: "55181378", with: "55181378.0"), ["line", "POS is not a whole number"]),
            ("pos_junk.vcf", t790m.replacingOccurrences(of: "55181378", with: "55181378abc"), ["line", "POS is not a whole number"]),
            ("nul_info.vcf", t790m.replacingOccurrences(of: "DP=1000", with: "DP=10\u{0}00"), ["line", "NUL byte"]),
        ]
        for (name, record, words) in cases {
            // The same line on a contig outside the watched genes is checked too (it would be skipped unread).
            rejects(Fixtures.write(Fixtures.vcfHeader() + record, to: dir, as: name), containing: words)
            let elsewhere = record.replacingOccurrences(of: "chr7", with: "chr1").replacingOccurrences(of: "55181378", with: "1000")
            rejects(Fixtures.write(Fixtures.vcfHeader() + elsewhere, to: dir, as: "other_" + name), containing: ["line"])
        }
    }

    @Test("extra sample columns, a byte-order mark and an unknown VCF version are caught")
    func moreHeaderFaults() throws {
        rejects(Fixtures.write(Fixtures.vcfHeader() + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\t0/1\n", to: dir, as: "extra.vcf"),
                containing: ["columns", "line 16"])
        rejects(Fixtures.write("\u{FEFF}" + Fixtures.vcfHeader(), to: dir, as: "bom.vcf"), containing: ["byte-order mark"])
        let v99 = Fixtures.vcfHeader().replacingOccurrences(of: "VCFv4.2", with: "VCFv9.9") + Self.t790m
        let r = try scan(Fixtures.write(v99, to: dir, as: "v99.vcf"))
        #expect(r.provenance.warnings.contains { $0.contains("unknown VCF version") })
    }

    @Test("CRLF line endings give the same result as LF")
    func crlf() throws {
        let text = Fixtures.vcfHeader() + Self.t790m
        let lf = try scan(Fixtures.write(text, to: dir, as: "lf.vcf"))
        let crlf = try scan(Fixtures.write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: dir, as: "crlf.vcf"))
        #expect(lf.result.findings == crlf.result.findings.map { var f = $0; f.source = lf.result.findings.first?.source ?? ""; return f })
        #expect(crlf.result.findings.first?.measurement?.vaf == 0.031)
        #expect(crlf.provenance.sample == "TUMOR")
    }

    @Test("a contig not in the header is a warning, not a failure")
    func undeclaredContig() throws {
        let header = Fixtures.vcfHeader(contigs: ["##contig=<ID=chr1,length=248956422>"])
        let r = try scan(Fixtures.write(header + Self.t790m, to: dir, as: "undeclared.vcf"))
        #expect(r.provenance.warnings.contains { $0.contains("chr7") && $0.contains("not declared") })
        #expect(r.result.findings.count == 1)
    }

    @Test("non-numeric, junk-suffixed and impossible AF/DP are rejected with the record position")
    func values() {
        let bad = [
            ("info_af_abc.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\tAF=abc\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n", ["INFO/AF", "chr7:55181378"]),
            ("info_af_suffix.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\tAF=0.25abc\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n", ["INFO/AF"]),
            ("fmt_af_abc.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31:abc:1000\n", ["chr7:55181378"]),
            ("af_gt1.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31:1.7:1000\n", ["FORMAT/AF", "outside"]),
            ("neg_dp.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31:0.031:-5\n", ["FORMAT/DP", "negative"]),
            ("ad_count.vcf", "chr7\t55181378\t.\tC\tT,G\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31:0.031,0.001:1000\n", ["FORMAT/AD", "Number=R"]),
            // Counts that give a VAF above 1, and a Number=1 depth written with a thousands separator.
            ("ad_over_dp.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:DP\t0/1:704,96:50\n", ["FORMAT/AD+DP", "exceed the depth"]),
            ("dp_thousands.vcf", "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:DP\t0/1:1400,100:1,500\n", ["FORMAT/DP", "Number=1", "thousands separator"]),
        ]
        for (name, record, words) in bad {
            rejects(Fixtures.write(Fixtures.vcfHeader() + record, to: dir, as: name), containing: words)
        }
    }

    @Test("an already-split record that kept the multi-allelic AD warns and stops trusting AD; AF still gives the VAF")
    func splitWithWholeAD() throws {
        let record = "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31,4:0.031:1000\n"
        let r = try scan(Fixtures.write(Fixtures.vcfHeader() + record, to: dir, as: "split_ad.vcf"))
        let m = try #require(r.result.findings.first?.measurement)
        #expect(m.vaf == 0.031 && m.vafSource == "FORMAT/AF")
        #expect(m.altReads == nil, "AD is not tied to this ALT")
        #expect(r.provenance.warnings.contains { $0.contains("AD not used for the VAF") } || r.result.warnings.contains { $0.contains("AD not used for the VAF") })
    }

    @Test("FORMAT and INFO keys used without a header declaration are warned once each, not silently dropped")
    func undeclaredFields() throws {
        let header = Fixtures.vcfHeader().replacingOccurrences(of: "##FORMAT=<ID=AF,", with: "##FORMAT=<ID=XAF,")
        let record = "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000;SOMATIC\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"
        let r = try scan(Fixtures.write(header + record + record.replacingOccurrences(of: "55181378", with: "55181379"), to: dir, as: "undeclared.vcf"))
        let all = Set(r.provenance.warnings + r.result.warnings)
        #expect(all.filter { $0.contains("FORMAT/AF") && $0.contains("not declared") }.count == 1)
        #expect(all.filter { $0.contains("INFO/SOMATIC") && $0.contains("not declared") }.count == 1)
    }

    @Test("AF declared Type=String is said (and read with --vaf-field); depth 0 with a VAF is said")
    func stringAFAndZeroDepth() throws {
        let header = Fixtures.vcfHeader().replacingOccurrences(of: "##FORMAT=<ID=AF,Number=A,Type=Float,", with: "##FORMAT=<ID=AF,Number=A,Type=String,")
        let path = Fixtures.write(header + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AF:DP\t0/1:0.04:0\n", to: dir, as: "af_string.vcf")
        let r = try scan(path)
        let all = Set(r.provenance.warnings + r.result.warnings)
        #expect(all.contains { $0.contains("FORMAT/AF is declared Type=String") })
        let given = try ScanRunner.scan(path: path, catalogue: Self.catalogue, options: InputOptions(vafField: "AF"))
        #expect(given.result.findings.first?.measurement?.vaf == 0.04)
        #expect(Set(given.provenance.warnings + given.result.warnings).contains { $0.contains("depth 0 with a non-zero VAF") })
    }

    @Test("a missing or '.' AF/AD is 'not reported', never 0")
    func missingValues() throws {
        let record = "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:.:.:.\n"
        let r = try scan(Fixtures.write(Fixtures.vcfHeader() + record, to: dir, as: "missing.vcf"))
        let m = try #require(r.result.findings.first?.measurement)
        #expect(m.vaf == nil)
        #expect(m.altReads == nil)
        #expect(m.depth == nil)
        #expect(m.detected)
    }

    @Test("an index older than the data is not trusted: the file is streamed with a warning")
    func staleIndex() throws {
        let vcf = Fixtures.write(Fixtures.vcfHeader() + Self.t790m, to: dir, as: "stale.vcf")
        guard let gz = Fixtures.bgzip(vcf), Fixtures.tabix(gz) else { Issue.record("bgzip/tabix not installed"); return }
        let fresh = try scan(gz)
        #expect(fresh.provenance.readMode == "index")
        #expect(fresh.result.findings.count == 1)
        _ = Fixtures.run("/usr/bin/touch", ["-d", "2001-01-01", gz + ".tbi"])
        let stale = try scan(gz)
        #expect(stale.provenance.readMode == "stream")
        #expect(stale.provenance.warnings.contains { $0.contains("older than the data") })
        #expect(stale.result.findings.count == 1)
    }

    @Test("non-UTF-8 bytes in INFO are a warning; a 1 MB INFO value is read with bounded memory")
    func oddInfo() throws {
        let extra = ["##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|HGVSp\">",
                     "##INFO=<ID=NOTE,Number=1,Type=String,Description=\"free text\">"]
        var bytes = Array((Fixtures.vcfHeader(extra: extra)).utf8)
        bytes += Array("chr7\t55181378\t.\tC\tT\t.\tPASS\tNOTE=caf".utf8) + [0xE9] + Array(";CSQ=T|missense_variant|EGFR|p.Thr790Met\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n".utf8)
        let path = dir.appendingPathComponent("latin1.vcf")
        try Data(bytes).write(to: path)
        let r = try scan(path.path)
        #expect(r.result.findings.first?.proteinChange?.oneLetter == "p.T790M")
        #expect(r.provenance.warnings.contains { $0.contains("not UTF-8") && $0.contains("chr7:55181378") })

        let big = String(repeating: "A", count: 1_000_000)
        let text = Fixtures.vcfHeader(extra: extra) + "chr7\t55181378\t.\tC\tT\t.\tPASS\tNOTE=\(big)\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"
        let r2 = try scan(Fixtures.write(text, to: dir, as: "bigvalue.vcf"))
        #expect(r2.result.findings.count == 1)
    }

    @Test("a sample not in the file is rejected listing the samples; two unnamed samples are ambiguous")
    func samples() {
        let path = Fixtures.write(Fixtures.vcfHeader(samples: ["S1", "S2"]) + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\t0/0\n", to: dir, as: "two.vcf")
        rejects(path, containing: ["S1", "S2", "--sample"])
        rejects(path, containing: ["'S3'", "S1, S2"], sample: "S3")
    }

    @Test("no build evidence is rejected with 'pass --build'; a contradicting --build is rejected")
    func builds() throws {
        let noContigs = Fixtures.vcfHeader(contigs: []) + Self.t790m
        let path = Fixtures.write(noContigs, to: dir, as: "nobuild.vcf")
        rejects(path, containing: ["--build"])
        #expect(try scan(path, build: .grch38).result.findings.count == 1)
        let grch38 = Fixtures.write(Fixtures.vcfHeader() + Self.t790m, to: dir, as: "b38.vcf")
        rejects(grch38, containing: ["contradicts", "GRCh38"], build: .grch37)
    }

    @Test("multi-allelic records are split with per-allele AF/AD; '*' alleles are skipped and counted")
    func multiAllelic() throws {
        let record = "chr12\t25245350\t.\tC\tT,A,*\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:900,60,30,10:0.06,0.03,0.01:1000\n"
        let r = try scan(Fixtures.write(Fixtures.vcfHeader() + record, to: dir, as: "multi.vcf"))
        let byChange = Dictionary(uniqueKeysWithValues: r.result.findings.map { ($0.proteinChange?.oneLetter ?? "", $0.measurement) })
        #expect(byChange["p.G12D"]??.altReads == 60)
        #expect(byChange["p.G12D"]??.vaf == 0.06)
        #expect(byChange["p.G12V"]??.altReads == 30)
        #expect(abs((byChange["p.G12V"]??.vaf ?? 0) - 0.03) < 1e-6)
        #expect(r.result.skipped.keys.contains { $0.hasPrefix("star_allele") })
    }

    @Test("one AF for two ALTs (Number=1) is not tied to either ALT: VAF not reported, and said")
    func ambiguousAF() throws {
        let header = Fixtures.vcfHeader().replacingOccurrences(of: "##FORMAT=<ID=AF,Number=A", with: "##FORMAT=<ID=AF,Number=1")
        let record = "chr12\t25245350\t.\tC\tT,A\t.\tPASS\t.\tGT:AF:DP\t0/1:0.06:1000\n"
        let r = try scan(Fixtures.write(header + record, to: dir, as: "ambiguous.vcf"))
        #expect(r.result.findings.count == 2)
        #expect(r.result.findings.allSatisfy { $0.measurement?.vaf == nil })
        #expect(r.provenance.warnings.contains { $0.contains("FORMAT/AF") && $0.contains("not tied to this ALT") })
    }

    @Test("symbolic alleles are kept as copy-number findings with gene overlap")
    func symbolic() throws {
        let extra = ["##INFO=<ID=CN,Number=1,Type=Float,Description=\"Copy number\">", "##ALT=<ID=DUP,Description=\"Duplication\">",
                     "##contig=<ID=chr13,length=114364328>"]
        let records = "chr7\t116670000\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=116800000;CN=8\tGT\t0/1\n"
            + "chr13\t48300000\t.\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;END=48400000\tGT\t0/1\n"
        let r = try scan(Fixtures.write(Fixtures.vcfHeader(extra: extra) + records, to: dir, as: "cnv.vcf"))
        let met = r.result.findings.first { $0.gene == "MET" }
        #expect(met?.copyNumber == .amplification)
        let rb1 = r.result.findings.first { $0.gene == "RB1" }
        #expect(rb1?.copyNumber == .loss)
    }

    @Test("a sites-only VCF (no sample columns) is valid: findings without samples")
    func sitesOnly() throws {
        let text = Fixtures.vcfHeader(samples: []) + "chr7\t55181378\t.\tC\tT\t.\tPASS\tAF=0.031\n"
        let r = try scan(Fixtures.write(text, to: dir, as: "sites.vcf"))
        #expect(r.provenance.sample == nil)
        #expect(r.result.findings.map(\.label) == ["EGFR p.T790M"])
        #expect(r.result.findings.first?.measurement?.vaf == 0.031)   // INFO/AF (a tumour fraction, not a population AF)
        #expect(r.result.findings.first?.measurement?.vafSource == "INFO/AF")
    }

    @Test("an alt contig record is skipped and counted, not fatal")
    func altContig() throws {
        let extra = ["##contig=<ID=chr7_KI270803v1_alt,length=1065>"]
        let records = "chr7_KI270803v1_alt\t100\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:90,10:0.1:100\n" + Self.t790m
        let r = try scan(Fixtures.write(Fixtures.vcfHeader(extra: extra) + records, to: dir, as: "alt.vcf"))
        #expect(r.result.skipped["non_primary_contig"] == 1)
        #expect(r.result.findings.count == 1)
    }
}
