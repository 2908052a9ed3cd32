import Foundation
import Testing
import TestSupport
import Reporting

/// FHIR, MAF, MatchMiner rows and the findings TSV, from the binary as a user runs it.
@Suite("Exchange formats", .serialized)
struct ExchangeFormatTests {
    static let fhirPython: String? = ProcessInfo.processInfo.environment["NEXTLINE_FHIR_PYTHON"]
        .flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
    static let cases = ["TestVCFs/demo/case.yaml", "TestVCFs/scenarios/SC19_NSCLC_afatinib_acquired_T790M/case.yaml",
                        "TestVCFs/scenarios/SC33_prostate_abiraterone_ARV7_positive/case.yaml",
                        "TestVCFs/clinical/CL108_LUAD_MET_amplification_after_osimertinib_class_candidate_undated/case.yaml"]

    func interpret(_ casePath: String, _ format: String) -> String {
        let (status, out, err) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", casePath, "--format", format], cwd: Fixtures.root)
        #expect(status == 0, "\(err)")
        return out
    }

    @Test("FHIR bundles: identical runs give identical bytes; ids are UUIDs; every reference resolves inside the bundle", arguments: cases)
    func fhirStructure(_ casePath: String) throws {
        let text = interpret(casePath, "fhir")
        #expect(interpret(casePath, "fhir") == text)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let urls = Set(entries.compactMap { $0["fullUrl"] as? String })
        #expect(urls.count == entries.count)
        let uuid = try Regex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        for u in urls { #expect(u.wholeMatch(of: uuid) != nil, "\(u)") }
        var references: [String] = []
        func collect(_ node: Any) {
            if let o = node as? [String: Any] {
                if let r = o["reference"] as? String { references.append(r) }
                o.values.forEach(collect)
            } else if let a = node as? [Any] { a.forEach(collect) }
        }
        collect(bundle)
        #expect(!references.isEmpty)
        for r in references { #expect(urls.contains(r), "unresolved \(r)") }
        #expect(!text.contains("null"))
    }

    @Test("FHIR bundles validate with fhir.resources (R4B models) and the Genomics Reporting profile checks", .enabled(if: fhirPython != nil, "NEXTLINE_FHIR_PYTHON is not set (scripts/test.sh sets it)"), arguments: cases)
    func fhirValidates(_ casePath: String) throws {
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write(interpret(casePath, "fhir"), to: dir, as: "bundle.json")
        let (status, out, err) = Fixtures.run(Self.fhirPython ?? "", [Fixtures.path("scripts/validate-fhir.py"), path,
                                                                      "--require-profile", "genomic-report"])
        #expect(status == 0, "\(out)\(err)")
        // The validator is not a rubber stamp: a dangling reference is caught.
        let broken = Fixtures.write(try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"reference\": \"urn:uuid:", with: "\"reference\": \"urn:uuid:0"), to: dir, as: "broken.json")
        #expect(Fixtures.run(Self.fhirPython ?? "", [Fixtures.path("scripts/validate-fhir.py"), broken, "--quiet"]).0 == 1)
    }

    @Test("MAF: vcf2maf positions and alleles, one row per detected small variant, every row as wide as the header")
    func maf() throws {
        let text = interpret(Self.cases[1], "maf")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "#version 2.4")
        let rows = lines.filter { !$0.hasPrefix("#") }
        let header = rows[0].components(separatedBy: "\t")
        #expect(Array(header.prefix(3)) == ["Hugo_Symbol", "Entrez_Gene_Id", "Center"])
        #expect(header.contains("ONCOGENIC") && header.contains("LEVEL_1") && header.contains("NEXTLINE_ORIGIN"))
        for r in rows { #expect(r.components(separatedBy: "\t").count == header.count) }
        func cell(_ row: String, _ name: String) -> String { row.components(separatedBy: "\t")[header.firstIndex(of: name) ?? 0] }
        let deletion = try #require(rows.first { cell($0, "HGVSp_Short") == "p.E746_A750del" })
        #expect(cell(deletion, "Start_Position") == "55174772" && cell(deletion, "End_Position") == "55174786")
        #expect(cell(deletion, "Reference_Allele") == "GGAATTAAGAGAAGC" && cell(deletion, "Tumor_Seq_Allele2") == "-")
        #expect(cell(deletion, "Variant_Type") == "DEL" && cell(deletion, "Variant_Classification") == "In_Frame_Del")
        let t790m = try #require(rows.first { cell($0, "HGVSp_Short") == "p.T790M" })
        #expect(cell(t790m, "NEXTLINE_ORIGIN") == "acquired" && cell(t790m, "t_alt_count") == "103")
        #expect(cell(t790m, "LEVEL_1").isEmpty)   // nextline's levels are not OncoKB's
    }

    @Test("MatchMiner rows: genomic documents in MatchMiner's field names, CNV calls in its words")
    func matchMiner() throws {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(interpret(Self.cases[3], "matchminer").utf8)) as? [String: Any])
        let genomic = try #require(rows["genomic"] as? [[String: Any]])
        let met = try #require(genomic.first { $0["TRUE_HUGO_SYMBOL"] as? String == "MET" })
        #expect(met["VARIANT_CATEGORY"] as? String == "CNV" && met["CNV_CALL"] as? String == "High level amplification")
        let egfr = try #require(genomic.first { $0["TRUE_HUGO_SYMBOL"] as? String == "EGFR" })
        #expect(egfr["TRUE_PROTEIN_CHANGE"] as? String == "p.L858R" && egfr["TRUE_VARIANT_CLASSIFICATION"] as? String == "Missense_Mutation")
        #expect(egfr["WILDTYPE"] as? Bool == false)
        let clinical = try #require((rows["clinical"] as? [[String: Any]])?.first)
        #expect(clinical["ONCOTREE_PRIMARY_DIAGNOSIS"] as? String == "LUAD")
    }

    @Test("TSV cells a spreadsheet would run as formulas are neutralised; MAF's '-' allele is kept")
    func formulaCells() {
        #expect(FindingsTSV.cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(FindingsTSV.cell("+1") == "'+1" && FindingsTSV.cell("@SUM") == "'@SUM" && FindingsTSV.cell("-2") == "'-2")
        #expect(FindingsTSV.cell("p.T790M") == "p.T790M" && FindingsTSV.cell("a\tb") == "a b")
        let tsv = interpret(Self.cases[0], "tsv")
        #expect(tsv.contains("\tNA\t") && !tsv.contains("not_reported"))
    }
}

/// The finding tier written into the JSON, MAF and MatchMiner rows: raised where evidence is, and kept low
/// for what must stay silent (a germline polymorphism, a low-level gain, a finding no randomised rule names).
@Suite("Finding tiers")
struct FindingTierTests {
    func tiers(_ casePath: String) throws -> [String: Int] {
        let (status, out, err) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", casePath, "--format", "json"], cwd: Fixtures.root)
        #expect(status == 0, "\(err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        var out2: [String: Int] = [:]
        for f in doc["findings"] as? [[String: Any]] ?? [] {
            let label = "\(f["gene"] as? String ?? "") \(f["hgvsp"] as? String ?? (f["cn_state"] as? String ?? ""))"
            out2[label] = f["tier"] as? Int
        }
        return out2
    }

    @Test("T790M with a randomised rule is tier I; the exon 19 deletion no rule of this case names stays tier II")
    func fires() throws {
        let t = try tiers("TestVCFs/scenarios/SC19_NSCLC_afatinib_acquired_T790M/case.yaml")
        #expect(t["EGFR p.T790M"] == 1)
        #expect(t["EGFR p.E746_A750del"] == 2)
        let demo = try tiers("TestVCFs/demo/case.yaml")
        #expect(demo["ERBB2 p.L755S"] == 2)   // rules with non-randomised clinical evidence only
    }

    @Test("germline polymorphisms are tier IV; a low-level gain and a VUS stay tier III")
    func staysSilent() throws {
        let t = try tiers("TestVCFs/clinical/CL33_BRCA_HER2pos_germline_polymorphisms_tumour_only/case.yaml")
        #expect(t["TP53 p.P72R"] == 4)
        #expect(t["ERBB2 p.I655V"] == 4)
        // A low-level MET gain (not an amplification) is not raised; nor is a PTEN VUS.
        #expect(try tiers("TestVCFs/clinical/CL09_LUAD_T790M_with_MET_gain_only/case.yaml")["MET gain"] == 3)
        let er = try tiers("TestVCFs/clinical/CL115_BRCA_ER_RB1_truncation_plus_deletion_on_fulvestrant_abemaciclib_ESR1_TP53_CH_PTEN_VUS/case.yaml")
        #expect(er["PTEN p.P244S"] == 3)
        #expect(er["ESR1 p.Y537S"] == 1)
    }
}
