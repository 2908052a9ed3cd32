import Foundation
import Testing
import TestSupport
@testable import VCFIO
import VariantModel

/// The read-level genotyper against TestVCFs/reads/expected.tsv (the generator's truth, cross-checked
/// against bcftools mpileup): every site and pair row, for the BAM and the CRAM of every fixture.
@Suite("Read genotyper")
struct ReadGenotyperTests {
    static let cases: [(String, String)] = ReadFixtures.fixtures.flatMap { [($0, "bam"), ($0, "cram")] }

    /// Counts one fixture file for one sample with the given UMI mode.
    func genotype(_ file: String, sample: String?, umi: GenotypingSettings.UMIMode = .mi) throws -> ReadGenotyper.Result {
        let sites = try ReadFixtures.sites()
        let reads = try AlignmentFile(path: ReadFixtures.path(file), reference: ReadFixtures.reference, sample: sample)
        let pairs = ReadFixtures.pair(sites).map { [$0] } ?? []
        return try ReadGenotyper(settings: GenotypingSettings(umi: umi)).genotype(reads, sites: sites, pairs: pairs)
    }

    @Test("every expected.tsv row: alt, ref, other, depth, strands and the T790M/C797S pair with its call",
          arguments: cases)
    func expectedRows(fixture: String, format: String) throws {
        let rows = ReadFixtures.expected.filter { $0["fixture"] == fixture }
        #expect(rows.contains { $0["record"] == "site" } && rows.contains { $0["record"] == "pair" })
        let groups = Set(rows.map { "\($0["sample"])\t\($0["counting"])" })
        for group in groups.sorted() {
            let parts = group.split(separator: "\t").map(String.init)
            let (sample, counting) = (parts[0], parts[1])
            // `fragment` rows ignore UMIs (what mpileup counts); `umi_family` rows count MI families once.
            let umi: GenotypingSettings.UMIMode = counting == "umi_family" ? .mi : (fixture == "umi_families" ? .off : .mi)
            let result = try genotype("\(fixture).\(format)", sample: fixture == "two_samples" ? sample : nil, umi: umi)
            #expect(result.countingUnit == counting, "\(fixture).\(format) \(sample)")
            for row in rows where row["sample"] == sample && row["counting"] == counting {
                check(row, result, label: "\(fixture).\(format) \(sample) \(counting)")
            }
        }
    }

    func check(_ row: ReadFixtures.Row, _ result: ReadGenotyper.Result, label: String) {
        if row["record"] == "site" {
            guard let got = result.sites.first(where: { $0.site.identifier == row["site"] && $0.site.alternate == row["alt"] }) else {
                Issue.record("\(label): no result for \(row["site"])"); return
            }
            let c = got.counts
            let want = [row.int("alt_reads"), row.int("ref_reads"), row.int("other_reads"), row.int("depth"),
                        row.int("alt_fwd"), row.int("alt_rev"), row.int("ref_fwd"), row.int("ref_rev")]
            let have = [c.altReads, c.refReads, c.otherReads, c.depth, c.altForward, c.altReverse, c.refForward, c.refReverse]
            #expect(have == want, "\(label) \(row["site"]): alt/ref/other/depth/altF/altR/refF/refR")
        } else {
            guard let p = result.phases.first else { Issue.record("\(label): no phase result"); return }
            let have: [Int] = [p.both, p.firstOnly, p.secondOnly, p.neither]
            let want: [Int] = [row.int("both"), row.int("first_only"), row.int("second_only"), row.int("neither")]
            #expect(have == want, "\(label) pair")
            #expect(p.call.rawValue == row["call"], "\(label) call")
        }
    }

    @Test("the umi_families fixture: MI families count once (T790M 2 families, 4 fragments)")
    func umiFamilies() throws {
        let families = try genotype("umi_families.bam", sample: nil, umi: .mi)
        let fragments = try genotype("umi_families.bam", sample: nil, umi: .off)
        let t790m = { (r: ReadGenotyper.Result) in r.sites.first { $0.site.identifier == "EGFR_T790M" }?.counts }
        #expect(t790m(families)?.altReads == 2 && t790m(families)?.refReads == 42)
        #expect(t790m(fragments)?.altReads == 4 && t790m(fragments)?.refReads == 44)
        #expect(families.countingUnit == "umi_family" && fragments.countingUnit == "fragment")
        #expect(ReadGenotyper.family("17/A") == ReadGenotyper.family("17/B"))
        #expect(ReadGenotyper.family("17") == "17")
    }

    @Test("sites.vcf's multi-allelic KRAS record is split: G12D and G12V each count the other as other")
    func multiAllelicSplit() throws {
        let sites = try ReadFixtures.sites()
        #expect(sites.count == 6)
        let kras = sites.filter { $0.position == 25245350 }
        #expect(kras.map(\.alternate) == ["T", "A"] && kras.map(\.identifier) == ["KRAS_G12D", "KRAS_G12V"])
        let result = try genotype("kras_g12.bam", sample: nil)
        let g12d = result.sites.first { $0.site.identifier == "KRAS_G12D" }?.counts
        let g12v = result.sites.first { $0.site.identifier == "KRAS_G12V" }?.counts
        #expect(g12d?.altReads == 15 && g12d?.otherReads == 3 && g12d?.refReads == 80)
        #expect(g12v?.altReads == 3 && g12v?.otherReads == 15 && g12v?.depth == 98)
    }

    @Test("sites named 7 instead of chr7 find the header's chr7; a contig the header lacks counts 0 with a warning")
    func contigNames() throws {
        let reads = try AlignmentFile(path: ReadFixtures.path("t790m_subthreshold.bam"), reference: ReadFixtures.reference)
        let sites = [GenotypingSite(chrom: "7", position: 55181378, reference: "C", alternate: "T"),
                     GenotypingSite(chrom: "chr3", position: 179234297, reference: "A", alternate: "G")]
        let result = try ReadGenotyper(settings: GenotypingSettings()).genotype(reads, sites: sites, pairs: [])
        #expect(result.sites[0].counts.altReads == 3 && result.sites[0].counts.depth == 1500)
        #expect(result.sites[1].counts.depth == 0)
        #expect(result.warnings.contains { $0.contains("no contig chr3") })
    }

    @Test("the sample comes from @RG SM; two samples need a choice and then only that sample's reads count")
    func samples() throws {
        let one = try AlignmentFile(path: ReadFixtures.path("t790m_subthreshold.bam"), reference: ReadFixtures.reference)
        #expect(one.sample == "t790m_subthreshold" && one.sampleSource == "@RG SM")
        #expect(throws: AlignmentError.ambiguousSample(path: ReadFixtures.path("two_samples.bam"), available: ["normal", "tumour"])) {
            try AlignmentFile(path: ReadFixtures.path("two_samples.bam"), reference: ReadFixtures.reference)
        }
        #expect(throws: AlignmentError.self) {
            try AlignmentFile(path: ReadFixtures.path("two_samples.bam"), reference: ReadFixtures.reference, sample: "plasma")
        }
        let tumour = try genotype("two_samples.bam", sample: "tumour")
        #expect(tumour.sites.first { $0.site.identifier == "EGFR_T790M" }?.counts.altReads == 10)
        let header = "@HD\tVN:1.6\n@RG\tID:a\tPL:ILLUMINA\n"
        #expect(AlignmentFile.readGroups(in: header).map(\.id) == ["a"])
        let none = try AlignmentFile.chooseSample(AlignmentFile.readGroups(in: header), requested: nil, path: "/x/plasma_1.bam")
        #expect(none.sample == "plasma_1" && none.source.hasPrefix("file name"))
    }

    @Test("the digest covers header, index and regions (labelled so) and is the same run after run")
    func digest() throws {
        let a = try genotype("t790m_c797s_cis.bam", sample: nil)
        let b = try genotype("t790m_c797s_cis.bam", sample: nil)
        #expect(a.digest == b.digest && a.digest.count == 64)
        #expect(AlignmentFile.digestScope == "header+index+regions")
        #expect(a.regions == ["chr7:55174771-55174771", "chr7:55181378-55181398", "chr7:140753336-140753336",
                              "chr12:25245350-25245350"])
        let reads = try AlignmentFile(path: ReadFixtures.path("t790m_c797s_cis.bam"), reference: ReadFixtures.reference)
        #expect(reads.digest(regions: a.regions) == a.digest)
        #expect(reads.digest(regions: ["chr7:1-1"]) != a.digest)
    }

    @Test("a symbolic or complex allele is refused naming the site")
    func unsupportedSites() throws {
        let reads = try AlignmentFile(path: ReadFixtures.path("t790m_subthreshold.bam"), reference: ReadFixtures.reference)
        for alt in ["<DEL>", "*"] {
            #expect(throws: AlignmentError.self) {
                try ReadGenotyper(settings: GenotypingSettings()).genotype(
                    reads, sites: [GenotypingSite(chrom: "chr7", position: 55181378, reference: "C", alternate: alt)], pairs: [])
            }
        }
        #expect(throws: AlignmentError.unsupportedSite(site: "chr7:55181378 CA>G", detail: "a complex allele (deletion plus insertion, CA>G); give it as separate SNV/indel sites")) {
            try ReadGenotyper(settings: GenotypingSettings()).genotype(
                reads, sites: [GenotypingSite(chrom: "chr7", position: 55181378, reference: "CA", alternate: "G")], pairs: [])
        }
    }

    @Test("opening a CRAM leaves htslib no remote reference lookup (REF_PATH/REF_CACHE local)")
    func noNetwork() throws {
        _ = try AlignmentFile(path: ReadFixtures.path("t790m_shallow_negative.cram"), reference: ReadFixtures.reference)
        let refPath = String(cString: getenv("REF_PATH"))
        #expect(!AlignmentFile.isRemote(refPath))
        #expect(AlignmentFile.isRemote("https://www.ebi.ac.uk/ena/cram/md5/%s"))
        #expect(AlignmentFile.isRemote("/local/cache/%s:http://example.org/%s"))
        #expect(!AlignmentFile.isRemote("/local/cache/%2s/%s"))
    }
}
