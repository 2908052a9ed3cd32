import Foundation
import Testing
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// Which sample's variants the verdicts rest on, when a case also carries samples without a variant file.
@Suite("Latest sequenced sample")
struct SampleSelectionTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    /// The demo case with a liver biopsy (HER2 IHC only, no VCF) dated after the last plasma draw.
    func demoWithLaterBiopsy(biopsyDate: String) throws -> Interpretation {
        let demo = Fixtures.path("TestVCFs/demo")
        var text = try String(contentsOfFile: demo + "/case.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "vcf: ", with: "vcf: \(demo)/")
        text = text.replacingOccurrences(of: "biomarkers:\n", with: """
              - id: liver_biopsy
                role: progression
                kind: tissue
                collected: \(biopsyDate)
            biomarkers:

            """)
        text = text.replacingOccurrences(of: "result: \"1+\", sample: prog2_plasma", with: "result: \"1+\", sample: liver_biopsy")
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write(text, to: dir, as: "case.yaml")
        let (pc, _) = try CaseRunner.readCase(path: path, catalogue: catalogue)
        return try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings()).interpretation
    }

    @Test("a later biopsy with an IHC result only does not hide the plasma's acquired ERBB2 L755S, and is said")
    func laterBiopsyWithoutVariants() throws {
        let i = try demoWithLaterBiopsy(biopsyDate: "2024-05-02")
        #expect(i.latestProgression == "prog2_plasma")
        let l755s = try #require(i.findings.first { $0.finding.label == "ERBB2 p.L755S" })
        #expect(l755s.origin == .acquired && l755s.used)
        #expect(i.implications.first { $0.therapy == "trastuzumab emtansine" }?.verdict == .resistance)
        #expect(i.implications.first { $0.therapy == "lapatinib" }?.verdict == .resistance)
        #expect(i.warnings.contains { $0.contains("liver_biopsy is the latest progression sample but has no variant file") })
    }

    @Test("the same biopsy dated before the plasma changes nothing and says nothing")
    func earlierBiopsy() throws {
        let i = try demoWithLaterBiopsy(biopsyDate: "2024-04-10")
        #expect(i.latestProgression == "prog2_plasma")
        #expect(!i.warnings.contains { $0.contains("has no variant file") })
        #expect(i.implications.first { $0.therapy == "trastuzumab emtansine" }?.verdict == .resistance)
    }
}
