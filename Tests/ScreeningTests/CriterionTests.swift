import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
@testable import Screening

/// Criterion semantics on the demo case (HER2-positive breast cancer, 51, female: ERBB2 p.L755S acquired,
/// PIK3CA p.H1047R and TP53 p.R175H persistent, DNMT3A p.R882H flagged possible CH; lapatinib in line 2).
@Suite("Screening criteria", .serialized)
struct CriterionTests {
    static let catalogue: Catalogue? = try? Catalogue.builtIn()
    static let demo: InterpretationDocument? = try? ExampleTrialsTests.document("TestVCFs/demo/case.yaml")

    func status(_ yaml: String, negation: Negation = .variant, document: InterpretationDocument? = nil) throws -> ScreenDocument.ArmResult {
        let text = """
        protocol_no: NL-UNIT
        treatment_list:
          step:
            - arm:
                - arm_code: X
                  match:
        \(yaml.split(separator: "\n").map { "            " + $0 }.joined(separator: "\n"))
        """
        let trial = try TrialReader.read(text: text, path: "unit.yaml")
        let doc = try #require(document ?? Self.demo)
        return Screener(document: doc, catalogue: try #require(Self.catalogue), negation: negation).screen([(trial, "")]).trials[0].arms[0]
    }

    @Test("genomic: protein change, wildcard, gene-only, absent gene; the deciding finding is named")
    func genomic() throws {
        let a = try status("- genomic: {hugo_symbol: ERBB2, protein_change: p.L755S}")
        #expect(a.status == "eligible" && a.evidence.contains { $0.contains("ERBB2 p.L755S") })
        #expect(try status("- genomic: {hugo_symbol: PIK3CA, wildcard_protein_change: p.H1047}").status == "eligible")
        #expect(try status("- genomic: {hugo_symbol: PIK3CA, wildcard_protein_change: p.H10}").status == "not_eligible")
        #expect(try status("- genomic: {hugo_symbol: EGFR, protein_change: p.T790M}").status == "not_eligible")
        #expect(try status("- genomic: {hugo_symbol: TP53, variant_category: Mutation}").status == "eligible")
    }

    @Test("a finding flagged possible CH never satisfies a criterion silently")
    func flaggedFinding() throws {
        let a = try status("- genomic: {hugo_symbol: DNMT3A}")
        #expect(a.status == "needs_review")
        #expect(a.evidence.contains { $0.contains("DNMT3A p.R882H") && $0.contains("clonal haematopoiesis") })
    }

    @Test("negation: variant reading (another alteration of the gene) and MatchMiner's leaf exclusion")
    func negation() throws {
        // ERBB2 carries only L755S: no other ERBB2 mutation, and L755S is present.
        #expect(try status("- genomic: {hugo_symbol: ERBB2, protein_change: '!p.L755S'}").status == "not_eligible")
        #expect(try status("- genomic: {hugo_symbol: ERBB2, protein_change: '!p.L755S'}", negation: .leaf).status == "not_eligible")
        // No ERBB2 V777L: the variant reading finds L755S (another ERBB2 mutation); the leaf reading sees no V777L.
        #expect(try status("- genomic: {hugo_symbol: ERBB2, protein_change: '!p.V777L'}").status == "eligible")
        #expect(try status("- genomic: {hugo_symbol: ERBB2, protein_change: '!p.V777L'}", negation: .leaf).status == "eligible")
        // No BRAF mutation at all: the variant reading needs one; the leaf reading excludes nothing.
        #expect(try status("- genomic: {hugo_symbol: BRAF, protein_change: '!p.V600E'}").status == "not_eligible")
        #expect(try status("- genomic: {hugo_symbol: BRAF, protein_change: '!p.V600E'}", negation: .leaf).status == "eligible")
    }

    @Test("wildtype: a clean alteration fails it, none passes when the gene is read in full")
    func wildtype() throws {
        #expect(try status("- genomic: {hugo_symbol: KRAS, wildtype: true}").status == "eligible")
        #expect(try status("- genomic: {hugo_symbol: PIK3CA, wildtype: true}").status == "not_eligible")
        #expect(try status("- genomic: {hugo_symbol: DNMT3A, wildtype: true}").status == "needs_review")
    }

    @Test("CNV criteria on files without copy-number calls need review; an unsupported field needs review")
    func notShown() throws {
        #expect(try status("- genomic: {hugo_symbol: ERBB2, variant_category: CNV, cnv_call: High Amplification}").status == "needs_review")
        #expect(try status("- genomic: {hugo_symbol: ERBB2, tier: '1'}").status == "needs_review")
        #expect(try status("- clinical: {disease_status: Metastatic}").status == "needs_review")
    }

    @Test("clinical: diagnosis with descendants and negation, _SOLID_/_LIQUID_, age, sex, receptor status, prior treatment")
    func clinical() throws {
        #expect(try status("- clinical: {oncotree_primary_diagnosis: Breast}").status == "eligible")
        #expect(try status("- clinical: {oncotree_primary_diagnosis: '!Breast'}").status == "not_eligible")
        #expect(try status("- clinical: {oncotree_primary_diagnosis: _SOLID_}").status == "eligible")
        #expect(try status("- clinical: {oncotree_primary_diagnosis: _LIQUID_}").status == "not_eligible")
        #expect(try status("- clinical: {age_numerical: '>=18'}").status == "eligible")
        #expect(try status("- clinical: {age_numerical: '<50'}").status == "not_eligible")
        #expect(try status("- clinical: {gender: Female}").status == "eligible")
        // HER2 IHC 3+ at diagnosis, 1+ at progression: discordant.
        #expect(try status("- clinical: {her2_status: Positive}").status == "needs_review")
        #expect(try status("- clinical: {prior_treatment_required: lapatinib}").status == "eligible")
        #expect(try status("- clinical: {prior_treatment_excluded: 'HER2 TKI'}").status == "not_eligible")
        #expect(try status("- clinical: {prior_treatment_excluded: osimertinib}").status == "eligible")
    }

    @Test("and/or combine three values: a failure dominates and, a success dominates or")
    func threeValued() throws {
        let needsReview = "genomic: {hugo_symbol: DNMT3A}", met = "genomic: {hugo_symbol: ERBB2}", failed = "genomic: {hugo_symbol: EGFR}"
        #expect(try status("- and:\n    - \(met)\n    - \(needsReview)").status == "needs_review")
        #expect(try status("- and:\n    - \(failed)\n    - \(needsReview)").status == "not_eligible")
        #expect(try status("- or:\n    - \(failed)\n    - \(needsReview)").status == "needs_review")
        #expect(try status("- or:\n    - \(met)\n    - \(needsReview)").status == "eligible")
        let a = try status("- and:\n    - \(met)\n    - \(failed)")
        #expect(a.decidedBy == ["genomic hugo_symbol: EGFR"])
    }

    @Test("a missing age needs review; a trial file without treatment_list is refused naming the file")
    func missingData() throws {
        var doc = try #require(Self.demo)
        doc.patientCase.age = nil
        #expect(try status("- clinical: {age_numerical: '>=18'}", document: doc).status == "needs_review")
        #expect(throws: TrialFileError.self) { try TrialReader.read(text: "protocol_no: X\n", path: "bad.yaml") }
    }
}
