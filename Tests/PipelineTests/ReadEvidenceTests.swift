import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// Case samples given as aligned reads (`bam:`/`cram:`): origins decided from read counts at baseline,
/// subthreshold evidence, and the EGFR C797S/T790M phase from fragments deciding the cis/trans rules.
/// The cases are TestVCFs/reads/cases/*.yaml over the read fixtures of TestVCFs/reads.
@Suite("Read-level evidence in cases")
struct ReadEvidenceTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    static let cases = Fixtures.path("TestVCFs/reads/cases")

    func run(_ name: String, settings: InterpretationSettings = InterpretationSettings(), options: InputOptions = InputOptions()) throws -> Interpretation {
        let (pc, _) = try CaseRunner.readCase(path: Self.cases + "/" + name, catalogue: catalogue)
        return try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: options, settings: settings).interpretation
    }

    func finding(_ i: Interpretation, _ change: String) throws -> InterpretedFinding {
        try #require(i.findings.first { $0.finding.gene == "EGFR" && $0.finding.proteinChange?.shortForm == change })
    }

    func verdict(_ i: Interpretation, _ therapy: String) -> Verdict? { i.implications.first { $0.therapy == therapy }?.verdict }

    func fired(_ i: Interpretation, _ therapy: String) -> Set<String> {
        Set(i.implications.first { $0.therapy == therapy }?.rules.filter(\.fired).map(\.rule.id) ?? [])
    }

    @Test("a deep baseline BAM with no T790M read makes progression T790M acquired, with the read counts in the reason and the observation")
    func deepBaselineProvesAbsence() throws {
        let i = try run("acquired_deep_baseline.yaml")
        let t790m = try finding(i, "T790M")
        #expect(t790m.origin == .acquired)
        #expect(t790m.originReason.contains("the reads of baseline plasma_baseline (0 alt of 2000 fragments)"))
        let baseline = try #require(t790m.observations.first { $0.sampleID == "plasma_baseline" })
        #expect(baseline.status == "not_detected")
        #expect(baseline.measurement?.depth == 2000 && baseline.measurement?.altReads == 0)
        #expect(baseline.measurement?.isFromReads == true)
        // The progression VCF's own measurement is kept; a reads-only sample has no name to disagree with.
        #expect(t790m.finding.measurement?.vafSource == "FORMAT/AF")
        #expect(!i.warnings.contains { $0.contains("@RG SM") })
        // The read filters are printed in the document's settings (only when reads were counted).
        #expect(i.settings.readCounting?.minMappingQuality == 20 && i.settings.readCounting?.minBaseQuality == 20)
        #expect(DocumentBuilder.settings(i.settings).readCounting?.excludedFlags.contains("SUPPLEMENTARY") == true)
    }

    @Test("a shallow baseline BAM (30 fragments) cannot prove absence: indeterminate, never acquired")
    func shallowBaselineIsIndeterminate() throws {
        let t790m = try finding(try run("indeterminate_shallow_baseline.yaml"), "T790M")
        #expect(t790m.origin == .indeterminate)
        #expect(t790m.originReason.contains("0 alt of 30 fragments"))
    }

    @Test("3 T790M fragments in 1,500 at baseline: persistent at min_alt_reads 3; subthreshold (said) at min_alt_reads 5")
    func subthresholdBaseline() throws {
        let persistent = try finding(try run("persistent_subthreshold_baseline.yaml"), "T790M")
        #expect(persistent.origin == .persistent)
        var strict = InterpretationSettings()
        strict.minAltReads = 5
        let t790m = try finding(try run("persistent_subthreshold_baseline.yaml", settings: strict), "T790M")
        #expect(t790m.origin != .persistent)
        #expect(t790m.originReason.contains("3 alt reads (below min_alt_reads 5): subthreshold"))
        #expect(t790m.observations.first { $0.sampleID == "plasma_baseline" }?.status == "subthreshold")
    }

    @Test("C797S in trans with T790M from the reads: the first- plus third-generation combination rule fires, the cis rule does not")
    func transFromReads() throws {
        let i = try run("c797s_trans_from_reads.yaml")
        #expect(verdict(i, "gefitinib + osimertinib") == .sensitivity)
        #expect(fired(i, "gefitinib + osimertinib").contains("nl_egfr_c797s_trans_t790m_first_plus_third_gen"))
        #expect(!fired(i, "gefitinib + osimertinib").contains("nl_egfr_c797s_cis_t790m_all_egfr_tki_resistance"))
        let c797s = try finding(i, "C797S")
        let phase = try #require(c797s.finding.readPhases.first { $0.partner == "T790M" })
        #expect(phase.call == .trans && phase.both == 0 && phase.partnerOnly == 43 && phase.thisOnly == 33)
        let because = i.implications.first { $0.therapy == "gefitinib + osimertinib" }?.because.joined() ?? ""
        #expect(because.contains("from the reads: 0 with both, 43 with T790M only, 33 with C797S only"))
        // The VCF column and the reads' @RG SM differ: said, not refused.
        #expect(i.warnings.contains { $0.contains("the reads' @RG SM is 't790m_c797s_trans' but the VCF column is 'PLASMA_PD'") })
    }

    @Test("C797S in cis with T790M from the reads: no EGFR TKI combination is recommended, the trans rule does not fire")
    func cisFromReads() throws {
        let i = try run("c797s_cis_from_reads.yaml")
        let combination = verdict(i, "gefitinib + osimertinib")
        #expect(combination == .resistance || combination == .reducedEfficacy)
        #expect(fired(i, "gefitinib + osimertinib").contains("nl_egfr_c797s_cis_t790m_all_egfr_tki_resistance"))
        #expect(!fired(i, "gefitinib + osimertinib").contains("nl_egfr_c797s_trans_t790m_first_plus_third_gen"))
    }

    @Test("fragments in cis and in trans (two clones): phase unknown, neither allele-context rule fires, re-test first")
    func mixedPhaseIsUnknown() throws {
        let i = try run("c797s_mixed_from_reads.yaml")
        let rules = fired(i, "gefitinib + osimertinib")
        #expect(!rules.contains("nl_egfr_c797s_trans_t790m_first_plus_third_gen"))
        #expect(!rules.contains("nl_egfr_c797s_cis_t790m_all_egfr_tki_resistance"))
        #expect(verdict(i, "gefitinib + osimertinib") == .retest)
        #expect(verdict(i, "osimertinib") == .resistance)
    }

    @Test("a progression given only as a CRAM: the catalogue's alleles are counted in it and decide the verdicts")
    func readsOnlyProgression() throws {
        let i = try run("reads_only_progression.yaml")
        let t790m = try finding(i, "T790M"), c797s = try finding(i, "C797S")
        #expect(t790m.finding.measurement?.altReads == 43 && t790m.finding.measurement?.depth == 206)
        #expect(c797s.finding.measurement?.altReads == 33 && c797s.finding.identifiedBy.contains("hotspot_table"))
        #expect(verdict(i, "osimertinib") == .resistance)
        #expect(verdict(i, "gefitinib + osimertinib") == .sensitivity)
        // Only alleles with reads become findings: none of the other hotspot alleles is listed.
        #expect(i.findings.count == 2)
    }

    @Test("the reads' phase decides nothing outside the rules' context: another tumour type, or no third-generation TKI before",
          arguments: [("BRCA", "[{line: 1, drugs: [gefitinib]}, {line: 2, drugs: [osimertinib]}]"),
                      ("LUAD", "[{line: 1, drugs: [gefitinib]}]")])
    func phaseRulesStaySilentOutsideTheirContext(tumourType: String, lines: String) throws {
        let dir = Fixtures.temporaryDirectory()
        let reads = Fixtures.path("TestVCFs/reads")
        for phase in ["trans", "cis"] {
            let path = Fixtures.write("""
            case_id: T
            tumor_type: \(tumourType)
            therapy_lines: \(lines)
            samples:
              - {id: prog, role: progression, kind: plasma, vcf: \(Self.cases)/progression_t790m_c797s.vcf, bam: \(reads)/t790m_c797s_\(phase).bam,
                 reference: \(reads)/ref/panel_chr7_chr12.grch38.fa.gz, tumor_fraction: 0.4}
            candidates: ["gefitinib + osimertinib"]
            """, to: dir, as: "case.yaml")
            let (pc, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
            let i = try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings()).interpretation
            // The phase is still counted and attached …
            #expect(try finding(i, "C797S").finding.readPhases.first { $0.partner == "T790M" }?.call.rawValue == phase)
            // … but neither allele-context rule fires.
            let rules = fired(i, "gefitinib + osimertinib")
            #expect(!rules.contains("nl_egfr_c797s_trans_t790m_first_plus_third_gen"), "\(tumourType) \(phase)")
            #expect(!rules.contains("nl_egfr_c797s_cis_t790m_all_egfr_tki_resistance"), "\(tumourType) \(phase)")
        }
    }

    @Test("unphased T790M and C797S with no reads file: the allele-context rules stay not tested and say what would settle it")
    func noReadsNoPhase() throws {
        let dir = Fixtures.temporaryDirectory()
        let vcf = try String(contentsOfFile: Self.cases + "/progression_t790m_c797s.vcf", encoding: .utf8)
        Fixtures.write(vcf, to: dir, as: "prog.vcf")
        let path = Fixtures.write("""
        case_id: T
        tumor_type: LUAD
        therapy_lines: [{line: 1, drugs: [gefitinib]}, {line: 2, drugs: [osimertinib]}]
        samples: [{id: prog, role: progression, kind: plasma, vcf: prog.vcf, tumor_fraction: 0.4}]
        candidates: ["gefitinib + osimertinib"]
        """, to: dir, as: "case.yaml")
        let (pc, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
        let i = try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings()).interpretation
        #expect(fired(i, "gefitinib + osimertinib").isEmpty)
        #expect(verdict(i, "gefitinib + osimertinib") == .retest)
        #expect(i.settings.readCounting == nil)
        #expect(i.implications.first?.because.joined().contains("no reads file (bam:/cram:)") == true)
    }

    @Test("bad read-level samples are refused naming the sample: no reference, a missing file, bam and cram together, reference without reads")
    func refusals() throws {
        let dir = Fixtures.temporaryDirectory()
        let reads = Fixtures.path("TestVCFs/reads")
        func caseText(_ sample: String) -> String {
            """
            case_id: T
            tumor_type: LUAD
            therapy_lines: [{line: 1, drugs: [gefitinib]}]
            samples:
              - {id: dx, role: baseline, kind: plasma, \(sample)}
              - {id: prog, role: progression, kind: plasma, vcf: \(Self.cases)/progression_t790m.vcf, tumor_fraction: 0.2}
            candidates: [osimertinib]
            """
        }
        func error(_ sample: String) -> String {
            let path = Fixtures.write(caseText(sample), to: dir, as: "case.yaml")
            do {
                let (pc, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
                _ = try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings(),
                                       caseFile: (path, ""))
                return ""
            } catch { return "\(error)" }
        }
        #expect(error("bam: \(reads)/t790m_deep_negative.bam").contains("sample dx: the reads file"))
        #expect(error("bam: \(reads)/absent.bam, reference: \(reads)/ref/panel_chr7_chr12.grch38.fa.gz").contains("sample dx: reads file"))
        #expect(error("bam: \(reads)/t790m_deep_negative.bam, cram: \(reads)/t790m_deep_negative.cram").contains("give one reads file"))
        #expect(error("vcf: \(Self.cases)/progression_t790m.vcf, reference: \(reads)/ref/panel_chr7_chr12.grch38.fa.gz").contains("belong to a reads file"))
        #expect(error("bam: \(reads)/t790m_deep_negative.cram, reference: \(reads)/ref/panel_chr7_chr12.grch38.fa.gz").contains("looks like a CRAM"))
        // The truncated BAM stops the case: never an absence read from the reads before the cut.
        #expect(!error("bam: \(reads)/truncated.bam, reference: \(reads)/ref/panel_chr7_chr12.grch38.fa.gz").isEmpty)
    }
}
