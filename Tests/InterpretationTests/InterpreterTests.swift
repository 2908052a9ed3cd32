import Testing
@testable import Catalogue
@testable import Interpretation
import VariantModel

/// Rule families in and out of context, and the classification model, on findings built in code
/// (no htslib): each test asserts a behaviour that would change if the rule or the engine were wrong.
@Suite("Interpretation")
struct InterpreterTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    // MARK: - Builders

    static func finding(_ gene: String, _ change: String, _ key: String, vaf: Double?, depth: Int = 1000, alt: Int? = nil,
                        build: GenomeBuild = .grch38, sample: String = "s") -> Finding {
        let a = Allele(key: key)!.normalised()
        var f = Finding(gene: gene, contig: "chr" + a.chromosome, position: a.position, reference: a.reference,
                        alternate: a.alternate, build: build, source: sample)
        f.allele = a
        f.proteinChange = ProteinChange(hgvs: change)
        f.consequence = Consequence(term: "missense_variant")
        let reads = alt ?? vaf.map { Int(($0 * Double(depth)).rounded()) }
        f.measurement = SampleMeasurement(sample: sample, vaf: vaf, altReads: reads, depth: depth, vafSource: "FORMAT/AF",
                                          detected: (reads ?? 1) > 0)
        f.identifiedBy = ["hotspot_table"]
        return f
    }

    static func sample(_ id: String, _ role: PatientCase.SampleRole, _ kind: PatientCase.SampleKind = .tissue,
                       tf: Double? = nil) -> PatientCase.Sample {
        .init(id: id, role: role, kind: kind, vcf: id + ".vcf", column: nil, collected: nil, tumourFraction: tf)
    }

    func patient(_ tumour: String, lines: [[String]], samples: [PatientCase.Sample], candidates: [String],
                 biomarkers: [PatientCase.Biomarker] = []) throws -> PatientCase {
        var cands: [PatientCase.Candidate] = []
        for text in candidates {
            var terms: [DrugVocabulary.Term] = []
            var drugs: [String] = []
            for part in text.split(separator: "+") {
                let t = try #require(catalogue.drugs.resolve(part.trimmingCharacters(in: .whitespaces)), "\(part)")
                terms.append(t)
                drugs += catalogue.drugs.drugs(of: t)
            }
            cands.append(.init(text: text, terms: terms, drugs: drugs))
        }
        let therapy = try lines.enumerated().map { i, drugs in
            PatientCase.TherapyLine(line: i + 1, drugs: try drugs.flatMap { d -> [String] in
                switch catalogue.drugs.resolve(d) {
                case .drug(let g)?: return [g]
                case .regimen(_, let ds)?: return ds
                default: throw CatalogueError(problems: [CatalogueProblem(file: "test", message: "unknown drug \(d)")])
                }
            }, asWritten: drugs, start: nil, end: nil, bestResponse: nil)
        }
        return PatientCase(caseID: "T", tumourType: try #require(catalogue.tumourTypes.resolve(tumour)), tumourTypeAsWritten: tumour,
                           therapyLines: therapy, samples: samples, biomarkers: biomarkers, candidates: cands)
    }

    func verdicts(_ i: Interpretation) -> [String: Verdict] {
        Dictionary(uniqueKeysWithValues: i.implications.map { ($0.therapy, $0.verdict) })
    }

    static let l755s = "17:39723967:T:C", t790m = "7:55181378:C:T", s492r = "7:55160316:C:A", g12d = "12:25245350:C:T"

    // MARK: - Therapy-history context

    @Test("T-DM1: reduced efficacy after trastuzumab + pertuzumab in one line, not after trastuzumab alone")
    func tdm1Context() throws {
        let prog = Self.sample("prog", .progression)
        let dual = try patient("BRCA", lines: [["docetaxel", "trastuzumab", "pertuzumab"]], samples: [prog], candidates: ["T-DM1"])
        let i1 = Interpreter.run(patientCase: dual, samples: [SampleFindings(sample: prog, findings: [], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(verdicts(i1)["T-DM1"] == .reducedEfficacy)
        #expect(i1.implications[0].rules.contains { $0.rule.id == "her2_tdm1_after_trastuzumab_pertuzumab" })

        let alone = try patient("BRCA", lines: [["docetaxel", "trastuzumab"]], samples: [prog], candidates: ["T-DM1"])
        let i2 = Interpreter.run(patientCase: alone, samples: [SampleFindings(sample: prog, findings: [], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(!i2.implications[0].rules.contains { $0.rule.id == "her2_tdm1_after_trastuzumab_pertuzumab" })

        // Drugs of different lines never form a combination.
        let split = try patient("BRCA", lines: [["trastuzumab"], ["pertuzumab"]], samples: [prog], candidates: ["T-DM1"])
        let i3 = Interpreter.run(patientCase: split, samples: [SampleFindings(sample: prog, findings: [], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(!i3.implications[0].rules.contains { $0.rule.id == "her2_tdm1_after_trastuzumab_pertuzumab" })
    }

    // MARK: - Origin

    @Test("an acquired-only rule fires on an acquired allele and not on one present at baseline")
    func acquiredOnly() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.6), prog = Self.sample("prog", .progression, .plasma, tf: 0.2)
        let c = try patient("BRCA", lines: [["trastuzumab", "lapatinib"]], samples: [dx, prog], candidates: ["lapatinib"])
        let absentAtBaseline = Self.finding("ERBB2", "L755S", Self.l755s, vaf: 0, depth: 800, alt: 0, sample: "dx")
        let atProgression = Self.finding("ERBB2", "L755S", Self.l755s, vaf: 0.05, depth: 2000, sample: "prog")
        let acquired = Interpreter.run(patientCase: c, samples: [
            SampleFindings(sample: dx, findings: [absentAtBaseline], notAssessable: [], build: .grch38),
            SampleFindings(sample: prog, findings: [atProgression], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(acquired.findings.first?.origin == .acquired)
        #expect(acquired.implications[0].rules.contains { $0.rule.id == "her2_l755s_acquired_cross_resistance" })
        #expect(verdicts(acquired)["lapatinib"] == .resistance)

        let presentAtBaseline = Self.finding("ERBB2", "L755S", Self.l755s, vaf: 0.2, depth: 800, sample: "dx")
        let persistent = Interpreter.run(patientCase: c, samples: [
            SampleFindings(sample: dx, findings: [presentAtBaseline], notAssessable: [], build: .grch38),
            SampleFindings(sample: prog, findings: [atProgression], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(persistent.findings.first?.origin == .persistent)
        #expect(!persistent.implications[0].rules.contains { $0.rule.id == "her2_l755s_acquired_cross_resistance" })
    }

    @Test("absence at baseline needs evidence: depth that would have shown it, else indeterminate")
    func originModel() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5), prog = Self.sample("prog", .progression, .tissue, tf: 0.5)
        let c = try patient("LUAD", lines: [["gefitinib"]], samples: [dx, prog], candidates: ["osimertinib"])
        let now = Self.finding("EGFR", "T790M", Self.t790m, vaf: 0.03, depth: 1000, sample: "prog")
        func origin(baseline: [Finding]) -> Origin? {
            Interpreter.run(patientCase: c, samples: [SampleFindings(sample: dx, findings: baseline, notAssessable: [], build: .grch38),
                                                      SampleFindings(sample: prog, findings: [now], notAssessable: [], build: .grch38)],
                            catalogue: catalogue).findings.first?.origin
        }
        #expect(origin(baseline: [Self.finding("EGFR", "T790M", Self.t790m, vaf: 0, depth: 1000, alt: 0, sample: "dx")]) == .acquired)
        #expect(origin(baseline: [Self.finding("EGFR", "T790M", Self.t790m, vaf: 0, depth: 30, alt: 0, sample: "dx")]) == .indeterminate)
        #expect(origin(baseline: []) == .indeterminate)  // a variant-only VCF cannot show absence
        #expect(origin(baseline: [Self.finding("EGFR", "T790M", Self.t790m, vaf: 0.01, depth: 1000, sample: "dx")]) == .persistent)
        let noBaseline = try patient("LUAD", lines: [["gefitinib"]], samples: [prog], candidates: ["osimertinib"])
        let i = Interpreter.run(patientCase: noBaseline, samples: [SampleFindings(sample: prog, findings: [now], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(i.findings.first?.origin == .noBaseline)
    }

    @Test("the binomial detection probability behaves as stated")
    func detection() {
        #expect(Classifier.detectionProbability(depth: 1000, vaf: 0.03, minAltReads: 3) > 0.99)
        #expect(Classifier.detectionProbability(depth: 30, vaf: 0.03, minAltReads: 3) < 0.1)
        #expect(abs(Classifier.detectionProbability(depth: 1, vaf: 0.5, minAltReads: 1) - 0.5) < 1e-9)
        #expect(Classifier.detectionProbability(depth: 0, vaf: 0.5, minAltReads: 1) == 0)
    }

    // MARK: - Tumour type and drug-specific overrides

    @Test("a rule for NSCLC applies to LUAD and not to breast cancer")
    func tumourType() throws {
        let prog = Self.sample("prog", .progression)
        let f = Self.finding("EGFR", "T790M", Self.t790m, vaf: 0.1, sample: "prog")
        for (tumour, fires) in [("LUAD", true), ("BRCA", false)] {
            let c = try patient(tumour, lines: [["gefitinib"]], samples: [prog], candidates: ["erlotinib"])
            let i = Interpreter.run(patientCase: c, samples: [SampleFindings(sample: prog, findings: [f], notAssessable: [], build: .grch38)], catalogue: catalogue)
            #expect(i.implications[0].rules.contains { $0.rule.id == "out_egfr_t790m_first_gen_tki_resistance" } == fires, "\(tumour)")
            #expect((verdicts(i)["erlotinib"] == .resistance) == fires, "\(tumour)")
        }
    }

    @Test("EGFR S492R: cetuximab resistance, panitumumab binding kept, whatever a generic ectodomain rule says")
    func s492r() throws {
        let prog = Self.sample("prog", .progression)
        let c = try patient("COADREAD", lines: [["cetuximab", "irinotecan"]], samples: [prog], candidates: ["cetuximab", "panitumumab"])
        let f = Self.finding("EGFR", "S492R", Self.s492r, vaf: 0.04, sample: "prog")
        let i = Interpreter.run(patientCase: c, samples: [SampleFindings(sample: prog, findings: [f], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(verdicts(i)["cetuximab"] == .resistance)
        #expect(verdicts(i)["panitumumab"] == .sensitivity)
    }

    @Test("KRAS present before anti-EGFR therapy is primary resistance, labelled primary")
    func primaryResistance() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5), prog = Self.sample("prog", .progression, .tissue, tf: 0.5)
        let c = try patient("COADREAD", lines: [["FOLFIRI"]], samples: [dx, prog], candidates: ["panitumumab"])
        let i = Interpreter.run(patientCase: c, samples: [
            SampleFindings(sample: dx, findings: [Self.finding("KRAS", "G12D", Self.g12d, vaf: 0.3, sample: "dx")], notAssessable: [], build: .grch38),
            SampleFindings(sample: prog, findings: [Self.finding("KRAS", "G12D", Self.g12d, vaf: 0.25, sample: "prog")], notAssessable: [], build: .grch38)],
            catalogue: catalogue)
        #expect(verdicts(i)["panitumumab"] == .resistance)
        #expect(i.implications[0].primary)
    }

    // MARK: - Flags and tumour fraction

    @Test("a DNMT3A allele also in the WBC sample is possible CH and left out of verdicts")
    func clonalHaematopoiesis() throws {
        let wbc = Self.sample("wbc", .normal, .wbc), prog = Self.sample("prog", .progression, .plasma, tf: 0.2)
        let c = try patient("LUAD", lines: [["gefitinib"]], samples: [wbc, prog], candidates: ["osimertinib"])
        let key = "2:25234373:C:T"
        let i = Interpreter.run(patientCase: c, samples: [
            SampleFindings(sample: wbc, findings: [Self.finding("DNMT3A", "R882H", key, vaf: 0.05, sample: "wbc")], notAssessable: [], build: .grch38),
            SampleFindings(sample: prog, findings: [Self.finding("DNMT3A", "R882H", key, vaf: 0.06, sample: "prog")], notAssessable: [], build: .grch38)],
            catalogue: catalogue)
        let f = try #require(i.findings.first)
        #expect(f.flags.contains("possible_clonal_hematopoiesis"))
        #expect(!f.used)
    }

    @Test("low tumour fraction plasma: a negative is inconclusive and a re-test is recommended")
    func lowTumourFraction() throws {
        let prog = Self.sample("prog", .progression, .plasma, tf: 0.004)
        let c = try patient("LUAD", lines: [["gefitinib"]], samples: [prog], candidates: ["osimertinib"])
        let i = Interpreter.run(patientCase: c, samples: [SampleFindings(sample: prog, findings: [], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(i.recommendations.contains { $0.kind == "retest" && $0.reason.contains("tumour fraction") })
        #expect(verdicts(i)["osimertinib"] != .resistance)
    }

    @Test("the tumour fraction is estimated from somatic VAFs when not given, and says how")
    func tumourFractionEstimate() throws {
        let prog = Self.sample("prog", .progression, .plasma)
        let c = try patient("LUAD", lines: [["gefitinib"]], samples: [prog], candidates: ["osimertinib"])
        let i = Interpreter.run(patientCase: c, samples: [SampleFindings(sample: prog, findings: [Self.finding("EGFR", "T790M", Self.t790m, vaf: 0.05, sample: "prog")], notAssessable: [], build: .grch38)], catalogue: catalogue)
        let tf = try #require(i.tumourFractions.first)
        #expect(abs((tf.value ?? 0) - 0.1) < 1e-9)
        #expect(tf.how.contains("2 ×"))
    }

    @Test("a first-line preference does not apply after the class was already given")
    func excludedPrior() throws {
        let prog = Self.sample("prog", .progression)
        let exon19 = Self.finding("EGFR", "E746_A750del", "7:55174771:AGGAATTAAGAGAAGC:A", vaf: 0.3, sample: "prog")
        let naive = try patient("LUAD", lines: [], samples: [prog], candidates: ["osimertinib"])
        let i1 = Interpreter.run(patientCase: naive, samples: [SampleFindings(sample: prog, findings: [exon19], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(i1.implications[0].rules.contains { $0.rule.id == "egfr_osimertinib_first_line_preferred" })
        let treated = try patient("LUAD", lines: [["osimertinib"]], samples: [prog], candidates: ["osimertinib"])
        let i2 = Interpreter.run(patientCase: treated, samples: [SampleFindings(sample: prog, findings: [exon19], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(!i2.implications[0].rules.contains { $0.rule.id == "egfr_osimertinib_first_line_preferred" })
    }

    @Test("without candidates, every therapy a firing rule names is assessed")
    func derivedCandidates() throws {
        let prog = Self.sample("prog", .progression)
        let c = try patient("LUAD", lines: [["gefitinib"]], samples: [prog], candidates: [])
        let i = Interpreter.run(patientCase: c, samples: [SampleFindings(sample: prog, findings: [Self.finding("EGFR", "T790M", Self.t790m, vaf: 0.1, sample: "prog")], notAssessable: [], build: .grch38)], catalogue: catalogue)
        #expect(i.implications.contains { $0.therapy == "osimertinib" && $0.verdict == .sensitivity })
        #expect(i.implications.contains { $0.verdict == .resistance })
    }
}

import Foundation
