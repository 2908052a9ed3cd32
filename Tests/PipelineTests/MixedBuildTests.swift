import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// A case whose samples were read in different genome builds is refused, naming each sample and its
/// build, and never mentioning an option the user did not give.
@Suite("Mixed genome builds in one case")
struct MixedBuildTests {
    static let catalogue: Catalogue = {
        do { return try Catalogue.builtIn() } catch { fatalError("built-in catalogue invalid: \(error)") }
    }()

    func run(_ caseText: String) throws -> CaseRunner.Output {
        let dir = Fixtures.temporaryDirectory()
        let src = Fixtures.path("TestVCFs/callers")
        for f in ["mutect2_baseline.grch37.vcf", "vardict_progression.grch38.vcf", "vardict_progression.grch37.vcf"] {
            try FileManager.default.copyItem(atPath: src + "/" + f, toPath: dir.path + "/" + f)
        }
        let path = Fixtures.write(caseText, to: dir, as: "case.yaml")
        let (pc, _) = try CaseRunner.readCase(path: path, catalogue: Self.catalogue)
        return try CaseRunner.run(patientCase: pc, catalogue: Self.catalogue, options: InputOptions(), settings: InterpretationSettings())
    }

    static func caseText(progression: String, build: String? = nil) -> String {
        """
        case_id: MIX
        tumor_type: LUAD
        \(build.map { "genome_build: \($0)" } ?? "")
        therapy_lines: [{line: 1, drugs: [gefitinib]}]
        samples:
          - {id: dx, role: baseline, kind: tissue, vcf: mutect2_baseline.grch37.vcf, sample: EGFR01_dx}
          - {id: prog, role: progression, kind: plasma, vcf: \(progression), sample: EGFR01_prog}
        candidates: [osimertinib]
        """
    }

    @Test("GRCh37 baseline with a GRCh38 progression sample is refused, naming both samples and builds")
    func refused() throws {
        do {
            _ = try run(Self.caseText(progression: "vardict_progression.grch38.vcf"))
            Issue.record("a case mixing GRCh37 and GRCh38 was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("dx") && text.contains("GRCh37"), "\(text)")
            #expect(text.contains("prog") && text.contains("GRCh38"), "\(text)")
            #expect(!text.contains("--build"), "the message mentions an option the user did not give: \(text)")
        }
    }

    @Test("the case file's genome_build contradicting a sample names that sample, not --build")
    func caseBuildContradicted() throws {
        do {
            _ = try run(Self.caseText(progression: "vardict_progression.grch37.vcf", build: "GRCh38"))
            Issue.record("a GRCh37 case declared GRCh38 was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("genome_build") && text.contains("GRCh37"), "\(text)")
            #expect(!text.contains("--build"), "\(text)")
        }
    }

    @Test("one build throughout is accepted")
    func accepted() throws {
        let out = try run(Self.caseText(progression: "vardict_progression.grch37.vcf"))
        #expect(out.interpretation.build == .grch37)
    }
}
