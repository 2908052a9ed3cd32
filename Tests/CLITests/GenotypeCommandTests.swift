import Foundation
import Testing
import TestSupport

/// `nextline genotype` as a user runs it on TestVCFs/reads: JSON valid against its schema, TSV and VCF,
/// the same bytes run after run, refusals with one line and no output, and the counts against
/// `bcftools mpileup` itself when it is installed.
@Suite("genotype command", .serialized)
struct GenotypeCommandTests {
    static let binary = Fixtures.nextlineBinary
    static let folder = Fixtures.path("TestVCFs/reads")
    static let reference = folder + "/ref/panel_chr7_chr12.grch38.fa.gz"
    static let sitesVCF = folder + "/sites.vcf"
    static let bcftools: String? = ["/usr/bin/bcftools", "/usr/local/bin/bcftools"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func run(_ args: [String]) -> (Int32, String, String) { Fixtures.run(Self.binary, ["genotype"] + args) }
    func reads(_ name: String) -> String { Self.folder + "/" + name }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func site(_ doc: [String: Any], id: String) -> [String: Any]? {
        (doc["sites"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test("JSON: valid nextline/genotype/v1, counts and phase of the cis fixture, provenance, same bytes on a second run")
    func jsonDocument() throws {
        let args = [reads("t790m_c797s_cis.cram"), "--reference", Self.reference, "--sites", Self.sitesVCF, "--format", "json"]
        let (status, out, err) = run(args)
        #expect(status == 0, "\(err)")
        let validator = try JSONSchemaValidator(directory: Fixtures.path("schemas"))
        #expect(validator.validate(out, against: "genotype.v1.schema.json") == [])
        let doc = try json(out)
        #expect(doc["schema"] as? String == "nextline/genotype/v1" && doc["genome_build"] as? String == "GRCh38")
        let t790m = try #require(site(doc, id: "EGFR_T790M"))
        #expect(t790m["alt_reads"] as? Int == 58 && t790m["ref_reads"] as? Int == 148 && t790m["depth"] as? Int == 206)
        #expect(t790m["hgvsp"] as? String == "p.T790M" && t790m["gene"] as? String == "EGFR")
        let phase = try #require((doc["phases"] as? [[String: Any]])?.first)
        #expect(phase["call"] as? String == "cis" && phase["both"] as? Int == 43 && phase["first"] as? String == "p.T790M")
        let reads = try #require((doc["inputs"] as? [[String: Any]])?.first { $0["role"] as? String == "reads" })
        #expect(reads["checksum_scope"] as? String == "header+index+regions" && reads["container"] as? String == "CRAM")
        #expect((doc["sample"] as? [String: Any])?["name"] as? String == "t790m_c797s_cis")
        let settings = try #require(doc["settings"] as? [String: Any])
        #expect(settings["min_mapq"] as? Int == 20 && settings["min_baseq"] as? Int == 20 && settings["counting"] as? String == "fragment")
        let again = run(args)
        #expect(again.1 == out)
    }

    @Test("--sites sites.vcf splits the multi-allelic KRAS record: G12D 15 and G12V 3, each the other's 'other'")
    func multiAllelicSites() throws {
        let (status, out, err) = run([reads("kras_g12.bam"), "--reference", Self.reference, "--sites", Self.sitesVCF, "--format", "json"])
        #expect(status == 0, "\(err)")
        let doc = try json(out)
        #expect((doc["sites"] as? [Any])?.count == 6)
        let g12d = try #require(site(doc, id: "KRAS_G12D")), g12v = try #require(site(doc, id: "KRAS_G12V"))
        #expect(g12d["alt"] as? String == "T" && g12d["alt_reads"] as? Int == 15 && g12d["other_reads"] as? Int == 3)
        #expect(g12v["alt"] as? String == "A" && g12v["alt_reads"] as? Int == 3 && g12v["other_reads"] as? Int == 15)
    }

    @Test("TSV: a sites block and a phases block; -o writes the same bytes as standard output, twice")
    func tsv() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("g.tsv").path
        let args = [reads("t790m_c797s_trans.bam"), "--reference", Self.reference]
        let (status, out, err) = run(args)
        #expect(status == 0, "\(err)")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("## sites") && lines.contains("## phases"))
        #expect(lines.contains { $0.hasPrefix("chr7\t55181378\tC\tT\tEGFR_T790M:c.2369C>T\tEGFR\tp.T790M\t43\t") })
        #expect(lines.contains { $0.hasPrefix("EGFR\tp.T790M\tp.C797S\tchr7:55181378 C>T\tchr7:55181398 T>A\t0\t43\t33\t130\ttrans") })
        #expect(run(args + ["-o", target]).0 == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == out)
        #expect(run(args + ["-o", target]).0 == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == out)
    }

    @Test("VCF: AD/DP/ADF/ADR per site for the sample, and bcftools reads it back", .enabled(if: bcftools != nil))
    func vcf() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("g.vcf").path
        let (status, _, err) = run([reads("t790m_subthreshold.bam"), "--reference", Self.reference, "--sites", Self.sitesVCF,
                                    "--format", "vcf", "-o", target])
        #expect(status == 0, "\(err)")
        let query = Fixtures.run(try #require(Self.bcftools), ["query", "-f", "%CHROM:%POS:%REF:%ALT[\t%SAMPLE\t%AD\t%DP\t%ADF\t%ADR]\n", target])
        #expect(query.0 == 0, "\(query.2)")
        #expect(query.1.contains("chr7:55181378:C:T\tt790m_subthreshold\t1497,3\t1500\t749,2\t748,1\n"))
        #expect(query.1.split(separator: "\n").count == 6)
        let view = Fixtures.run(try #require(Self.bcftools), ["view", "-h", target])
        #expect(view.0 == 0 && view.1.contains("##FORMAT=<ID=AD,Number=R"))
    }

    @Test("refusals: one line naming the file, exit 65 (64 for usage), no output file")
    func refusals() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.json").path
        let cases: [([String], String)] = [
            ([reads("two_samples.bam"), "--reference", Self.reference], "pick one with --sample"),
            ([reads("truncated.bam"), "--reference", Self.reference], "truncated"),
            ([reads("no_index.bam"), "--reference", Self.reference], "samtools index"),
            ([reads("cram_wrong_reference.cram"), "--reference", Self.reference], "reference mismatch"),
            ([reads("cram_missing_reference.cram"), "--reference", "/nonexistent/reference.fa"], "CRAM reference missing: /nonexistent/reference.fa does not exist"),
        ]
        for (args, words) in cases {
            let (status, out, err) = run(args + ["--format", "json", "-o", target])
            #expect(status == 65, "\(args[0]): \(err)")
            #expect(err.hasPrefix("nextline: error: \(args[0])"), "\(err)")
            #expect(err.contains(words) && err.split(separator: "\n").count == 1, "\(err)")
            #expect(out.isEmpty && !FileManager.default.fileExists(atPath: target))
        }
        #expect(run([reads("t790m_shallow_negative.cram")]).0 == 64)
        let tumour = run([reads("two_samples.bam"), "--reference", Self.reference, "--sample", "tumour", "--format", "json"])
        #expect(tumour.0 == 0)
        #expect(site(try json(tumour.1), id: "EGFR_T790M:c.2369C>T")?["alt_reads"] as? Int == 10)
    }

    @Test("--sites: a REF that the reference contradicts is refused naming the site")
    func refMismatch() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.sitesVCF, encoding: .utf8)
            .replacingOccurrences(of: "chr7\t55181378\tEGFR_T790M\tC\tT", with: "chr7\t55181378\tEGFR_T790M\tG\tT")
        let sites = Fixtures.write(text, to: dir, as: "bad.vcf")
        let (status, _, err) = run([reads("t790m_subthreshold.bam"), "--reference", Self.reference, "--sites", sites])
        #expect(status == 65)
        #expect(err.contains("\(sites): chr7:55181378 G>T: REF G does not match the reference"), "\(err)")
    }

    /// bcftools mpileup's AD/ADF/ADR per (chrom, pos, is-indel): REF, ALTs and the three count lists.
    func mpileup(_ file: String) throws -> [String: (ref: String, alts: [String], ad: [Int], adf: [Int], adr: [Int])] {
        let bcftools = try #require(Self.bcftools)
        let command = "export REF_PATH=/nonexistent/%s REF_CACHE=/nonexistent/%s; set -o pipefail; '\(bcftools)' mpileup -B -d 100000 -q20 -Q20 -a AD,ADF,ADR --ns UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -f '\(Self.reference)' -R '\(Self.sitesVCF)' '\(file)' 2>/dev/null | '\(bcftools)' query -f '%CHROM\\t%POS\\t%REF\\t%ALT\\t%INFO/INDEL[\\t%AD\\t%ADF\\t%ADR]\\n'"
        let (status, out, err) = Fixtures.run("/bin/bash", ["-c", command])
        #expect(status == 0, "\(err)")
        var records: [String: (String, [String], [Int], [Int], [Int])] = [:]
        for line in out.split(separator: "\n") {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 8 else { continue }
            let ints = { (s: String) in s.split(separator: ",").compactMap { Int($0) } }
            records["\(f[0]):\(f[1]):\(f[4] == "1")"] = (f[2], f[3].split(separator: ",").map(String.init), ints(f[5]), ints(f[6]), ints(f[7]))
        }
        return records
    }

    static func trimmed(_ ref: String, _ alt: String) -> String {
        var r = Array(ref), a = Array(alt)
        while r.count > 1, a.count > 1, r.last == a.last { r.removeLast(); a.removeLast() }
        return String(r) + ">" + String(a)
    }

    @Test("cross-check: AD, ADF, ADR of bcftools mpileup (issue 13's command, supplementary excluded) equal nextline's counts",
          .enabled(if: bcftools != nil),
          arguments: ["exclude_all.bam", "t790m_overlapping_mates.bam", "braf_v600e_overlap.cram", "egfr_ex19del.bam",
                      "kras_g12.cram", "t790m_c797s_trans.bam"])
    func crossCheck(_ file: String) throws {
        let (status, out, err) = run([reads(file), "--reference", Self.reference, "--sites", Self.sitesVCF, "--format", "json", "--umi", "off"])
        #expect(status == 0, "\(err)")
        let records = try mpileup(reads(file))
        var compared = 0
        for s in (try json(out))["sites"] as? [[String: Any]] ?? [] {
            let ref = s["ref"] as? String ?? "", alt = s["alt"] as? String ?? ""
            let key = "\(s["chrom"] as? String ?? ""):\(s["pos"] as? Int ?? 0):\(ref.count != alt.count)"
            guard let r = records[key] else {
                #expect(s["depth"] as? Int == 0, "\(file) \(key): nextline counted reads mpileup did not report"); continue
            }
            let alleles = [r.ref] + r.alts
            let i = alleles.indices.dropFirst().first { Self.trimmed(r.ref, alleles[$0]) == Self.trimmed(ref, alt) }
            let altAD = i.map { r.ad[$0] } ?? 0
            let mine = [s["ref_reads"], s["alt_reads"], s["other_reads"], s["ref_forward"], s["alt_forward"], s["ref_reverse"], s["alt_reverse"]]
                .map { $0 as? Int ?? -1 }
            let theirs = [r.ad[0], altAD, r.ad.dropFirst().reduce(0, +) - altAD, r.adf[0], i.map { r.adf[$0] } ?? 0, r.adr[0], i.map { r.adr[$0] } ?? 0]
            #expect(mine == theirs, "\(file) \(key): nextline ref/alt/other/refF/altF/refR/altR vs mpileup")
            compared += 1
        }
        #expect(compared >= 1, "\(file): no site had mpileup records")
    }
}
