import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// Real public files (shared/data/real, shared/data/derived): expected values come from reading the
/// files themselves, not from the tool. Skipped with a message when shared/ is absent.
@Suite("Real files", .enabled(if: Fixtures.sharedDataAvailable, "shared/data is absent: real-file tests skipped"))
struct RealFilesTests {
    static let catalogue: Catalogue = {
        do { return try Catalogue.builtIn() } catch { fatalError("built-in catalogue invalid: \(error)") }
    }()

    func scan(_ path: String, build: GenomeBuild? = nil, sample: String? = nil, vafField: String? = nil) throws -> ScannedFile {
        try ScanRunner.scan(path: path, catalogue: Self.catalogue,
                            options: InputOptions(build: build, sample: sample, vafField: vafField))
    }

    /// Rows of shared/data/hotspots_reference.tsv as dictionaries.
    static func hotspotRows() throws -> [[String: String]] {
        let text = try String(contentsOfFile: Fixtures.shared("hotspots_reference.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("the hotspot table places every allele of the GRCh38 and GRCh37 hotspot VCFs with the right gene and protein change",
          arguments: [("derived/hotspots.grch38.chr.vcf.gz", GenomeBuild.grch38), ("derived/hotspots.grch37.nochr.vcf.gz", .grch37)])
    func hotspotVCFs(file: String, build: GenomeBuild) throws {
        let r = try scan(Fixtures.shared(file))
        #expect(r.provenance.build == build)
        let prefix = build == .grch38 ? "grch38_" : "grch37_"
        var expected: [String: (gene: String, change: String)] = [:]
        for row in try Self.hotspotRows() where row["variant_type"] != "REGION" {
            guard let chrom = row[prefix + "chrom"], let pos = row[prefix + "pos"], let ref = row[prefix + "ref"], let alt = row[prefix + "alt"],
                  let a = Allele(key: "\(chrom):\(pos):\(ref):\(alt)") else { continue }
            expected[a.normalised().key] = (row["gene"] ?? "", row["protein_change"] ?? "")
        }
        #expect(expected.count >= 30)
        var placed = 0
        for f in r.result.findings {
            guard let a = f.allele, let want = expected[a.key] else { continue }
            #expect(f.gene == want.gene, "\(a.key)")
            #expect(f.proteinChange?.shortForm == ProteinChange(hgvs: want.change)?.shortForm, "\(a.key): \(f.proteinChange?.oneLetter ?? "nil") vs \(want.change)")
            placed += 1
        }
        #expect(placed == expected.count, "every hotspot allele placed (\(placed) of \(expected.count))")
        #expect(r.result.notAssessable.isEmpty)
    }

    @Test("pvactools HCC1395 (VEP CSQ): TP53 p.R175H with the VAF written in the file")
    func pvactools() throws {
        for name in ["HCC1395.somatic.vep95.grch38.vcf.gz", "HCC1395.tumor_normal.vep105.grch38.vcf.gz"] {
            let path = Fixtures.shared("real/pvactools-hcc1395-vep/" + name)
            let r = try scan(path, sample: name.contains("tumor_normal") ? "HCC1395_TUMOR_DNA" : nil)
            let tp53 = try #require(r.result.findings.first { $0.gene == "TP53" && $0.position == 7675088 })
            #expect(tp53.proteinChange?.oneLetter == "p.R175H")
            #expect(tp53.proteinChange?.threeLetter == "p.Arg175His")
            // The VAF the file writes: FORMAT/AF of the tumour column on that record.
            let fileAF = try Self.formatValue(path: path, chrom: "chr17", pos: 7675088, field: "AF",
                                              sample: name.contains("tumor_normal") ? "HCC1395_TUMOR_DNA" : nil)
            #expect(tp53.measurement?.vaf == Double(fileAF))
            #expect(tp53.measurement?.vafSource == "FORMAT/AF")
        }
    }

    @Test("the same PCGR alleles in GRCh37 and GRCh38 give the same genes and protein changes")
    func pcgrBothBuilds() throws {
        for tumour in ["BRCA", "COAD"] {
            let b37 = try scan(Fixtures.shared("real/pcgr-tcga-examples/T001-\(tumour).grch37.vcf.gz"), build: .grch37, vafField: "TVAF")
            let b38 = try scan(Fixtures.shared("real/pcgr-tcga-examples/T001-\(tumour).grch38.vcf.gz"), build: .grch38, vafField: "TVAF")
            let s37 = Set(b37.result.findings.map(\.label)), s38 = Set(b38.result.findings.map(\.label))
            #expect(!s37.isEmpty)
            #expect(s37 == s38)
            #expect(b37.result.findings.allSatisfy { $0.measurement?.vafSource == "INFO/TVAF" })
        }
        // Without --build the build cannot be told (no ##contig, no ##reference): rejected, never guessed.
        #expect(throws: InputProblem.self) { try scan(Fixtures.shared("real/pcgr-tcga-examples/T001-BRCA.grch37.vcf.gz")) }
    }

    @Test("vcf2maf caller outputs are read without a crash; multi-allelic records are split")
    func vcf2maf() throws {
        let dir = Fixtures.shared("real/vcf2maf-tests")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".vcf") {
            do {
                let r = try scan(dir + "/" + name, build: name.contains("38") ? .grch38 : .grch37)
                for f in r.result.findings { #expect(!f.gene.isEmpty) }
            } catch let e as InputProblem {
                #expect(e.path.hasSuffix(name))
            }
        }
        let merged = try scan(dir + "/test_merged.vcf")
        #expect(Set(merged.result.findings.map(\.label)) == ["PIK3CA p.H1047R", "KRAS p.G12D"])
    }

    @Test("the TSO500 ctDNA CNV file reads; ALT '.' records are counted as no-call, not findings")
    func tso500() throws {
        let r = try scan(Fixtures.shared("real/tso500-ctdna-cnv-example/FusionMix_DNA_1pct_rep1_CopyNumberVariants.vcf"))
        #expect(r.provenance.build == .grch37)
        #expect(r.result.findings.allSatisfy { $0.copyNumber != nil })
        #expect((r.result.skipped.first { $0.key.hasPrefix("no_alt_allele") }?.value ?? 0) > 0)
    }

    @Test("every file of the VCF conformance corpora gives a result or a clear error naming it (no crash, no hang)")
    func conformanceCorpora() throws {
        var files: [String] = []
        for sub in ["real/hts-specs-vcf-conformance", "real/ebi-vcf-validator-v4.4", "real/ebi-vcf-validator-v4.2"] {
            let root = Fixtures.shared(sub)
            guard let e = FileManager.default.enumerator(atPath: root) else { continue }
            for case let p as String in e where p.hasSuffix(".vcf") || p.hasSuffix(".vcf.gz") || p.hasSuffix(".bcf") {
                files.append(root + "/" + p)
            }
        }
        #expect(files.count > 400)
        var rejected = 0
        for path in files {
            do { _ = try scan(path, build: .grch38) } catch {
                rejected += 1
                #expect(String(describing: error).contains(path), "error must name the file: \(error)")
                #expect(ErrorKind.isInputData(error))
            }
        }
        #expect(rejected > 0)
    }

    /// Reads FORMAT/`field` of the record at chrom:pos straight from the (possibly gzipped) text.
    static func formatValue(path: String, chrom: String, pos: Int, field: String, sample: String?) throws -> String {
        let (status, text, _) = Fixtures.run("/bin/sh", ["-c", "gzip -cdf '\(path)' | grep -v '^##'"])
        guard status == 0 else { throw InputProblem(path: path, message: "cannot read") }
        let lines = text.split(separator: "\n")
        guard let header = lines.first?.split(separator: "\t").map(String.init) else { return "" }
        for l in lines.dropFirst() {
            let c = l.split(separator: "\t").map(String.init)
            guard c.count > 9, c[0] == chrom, Int(c[1]) == pos else { continue }
            let keys = c[8].split(separator: ":").map(String.init)
            let col = sample.flatMap { header.firstIndex(of: $0) } ?? 9
            let values = c[col].split(separator: ":").map(String.init)
            if let i = keys.firstIndex(of: field), i < values.count { return values[i] }
        }
        return ""
    }
}

/// The same allele from different callers: VAF, alt reads and depth from each convention (values in
/// TestVCFs/callers/expected.tsv are the numbers written in those files).
@Suite("Caller conventions")
struct CallerConventionTests {
    @Test("VAF, alt reads and depth from Mutect2, VarDict, Strelka2, VarScan2, FreeBayes and Ion Torrent files")
    func callers() throws {
        let dir = Fixtures.path("TestVCFs/callers")
        let text = try String(contentsOfFile: dir + "/expected.tsv", encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count >= 10)
        let catalogue = try Catalogue.builtIn()
        for r in rows where r.count >= 11 {
            let (file, sample, gene, hgvsp) = (r[0], r[1], r[2], r[3])
            let scanned = try ScanRunner.scan(path: dir + "/" + file, catalogue: catalogue, options: InputOptions(sample: sample))
            let f = try #require(scanned.result.findings.first { $0.gene == gene && $0.proteinChange?.oneLetter == hgvsp }, "\(file) \(sample) \(hgvsp)")
            let m = try #require(f.measurement)
            #expect(abs((m.vaf ?? -1) - (Double(r[8]) ?? -2)) < 0.0005, "\(file) \(sample): VAF \(m.vaf ?? -1) vs \(r[8])")
            #expect(m.altReads == Int(r[9]), "\(file) \(sample): alt reads")
            #expect(m.depth == Int(r[10]), "\(file) \(sample): depth")
            #expect(m.detected == ((Double(r[8]) ?? 0) > 0), "\(file) \(sample): detected")
            #expect(m.vafSource != nil)
        }
    }
}
