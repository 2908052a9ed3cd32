import Foundation
import Testing
import TestSupport
import Yams
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import VariantModel

/// The worked scenarios of the source review (shared/review/scenarios-examples.yaml), the demo case
/// and the cross-caller/cross-build case, end to end through htslib: each expected.yaml states the
/// verdicts, origins, flags, recommendations and primary labels the case must produce.
@Suite("Worked scenarios end to end")
struct ScenarioTests {
    struct Case: Sendable, CustomStringConvertible {
        var directory: String
        var caseFile: String
        var description: String { (directory as NSString).lastPathComponent + "/" + caseFile }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        let root = Fixtures.path("TestVCFs")
        let scenarioDirs = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/scenarios")) ?? []).sorted().map { root + "/scenarios/" + $0 }
        let clinicalDirs = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/clinical")) ?? []).sorted().map { root + "/clinical/" + $0 }
        for dir in scenarioDirs + clinicalDirs + [root + "/demo", root + "/callers"] {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("case") && $0.hasSuffix(".yaml") }.sorted()
            for f in files { out.append(Case(directory: dir, caseFile: f)) }
        }
        return out
    }()

    static let catalogue: Catalogue = {
        do { return try Catalogue.builtIn() } catch { fatalError("built-in catalogue invalid: \(error)") }
    }()

    @Test("every worked scenario of the review has a case")
    func allScenariosPresent() {
        #expect(Self.cases.filter { $0.directory.contains("/scenarios/") }.count >= 25)
    }

    @Test("the case produces its expected verdicts, origins, flags, recommendations and primary labels", arguments: cases)
    func scenario(_ c: Case) throws {
        let expectedText = try String(contentsOfFile: c.directory + "/expected.yaml", encoding: .utf8)
        let expected = try #require(try Yams.load(yaml: expectedText) as? [String: Any])
        let (patientCase, _) = try CaseRunner.readCase(path: c.directory + "/" + c.caseFile, catalogue: Self.catalogue)
        let result = try CaseRunner.run(patientCase: patientCase, catalogue: Self.catalogue, options: InputOptions(),
                                        settings: InterpretationSettings())
        let i = result.interpretation
        let verdicts = Dictionary(uniqueKeysWithValues: i.implications.map { ($0.therapy, $0.verdict.rawValue) })
        for (therapy, verdict) in (expected["verdicts"] as? [String: String]) ?? [:] {
            #expect(verdicts[therapy] == verdict, "\(c) \(therapy): got \(verdicts[therapy] ?? "none"), expected \(verdict)")
        }
        func label(_ f: InterpretedFinding) -> String {
            if let call = f.copyNumberCall { return "\(f.finding.gene) \(call.state.rawValue)" }
            if let partners = f.fusionPartners { return partners.joined(separator: "::") + " fusion" }
            return "\(f.finding.gene) \(f.finding.proteinChange?.oneLetter ?? "")"
        }
        var byLabel = Dictionary(i.findings.map { (label($0), $0) }, uniquingKeysWith: { a, _ in a })
        // A finding without a protein change (copy number, fusion) may also be named by its gene alone.
        for f in i.findings where f.finding.proteinChange == nil && byLabel[f.finding.gene] == nil { byLabel[f.finding.gene] = f }
        for (finding, origin) in (expected["origins"] as? [String: String]) ?? [:] {
            #expect(byLabel[finding]?.origin.rawValue == origin, "\(c) \(finding): origin \(byLabel[finding]?.origin.rawValue ?? "absent")")
        }
        for (finding, flags) in (expected["flags"] as? [String: [String]]) ?? [:] {
            for flag in flags { #expect(byLabel[finding]?.flags.contains(flag) == true, "\(c) \(finding) flag \(flag)") }
        }
        for (finding, reason) in (expected["not_used"] as? [String: String]) ?? [:] {
            #expect(byLabel[finding]?.used == false, "\(c) \(finding) must not be used")
            #expect(byLabel[finding]?.notUsedReason?.contains(reason) == true, "\(c) \(finding) reason")
        }
        for finding in (expected["not_detected"] as? [String]) ?? [] {
            #expect(byLabel[finding] == nil || byLabel[finding]?.used == false, "\(c) \(finding) must not be a detected finding")
        }
        if let recs = expected["recommendations"] as? [String] {
            let actual = Set(i.recommendations.map { "\($0.kind) \($0.biomarker ?? "")" })
            #expect(actual == Set(recs), "\(c) recommendations \(actual.sorted())")
        }
        if let primary = expected["primary"] as? [String] {
            #expect(Set(i.implications.filter(\.primary).map(\.therapy)) == Set(primary), "\(c) primary")
        }
        for (finding, cls) in (expected["classification"] as? [String: String]) ?? [:] {
            #expect(byLabel[finding]?.functionalClass.rawValue == cls, "\(c) \(finding): classification \(byLabel[finding]?.functionalClass.rawValue ?? "absent")")
        }
        for (gene, state) in (expected["cn_state"] as? [String: String]) ?? [:] {
            let states = i.findings.filter { $0.finding.gene == gene }.compactMap { $0.copyNumberCall?.state.rawValue }
            #expect(states.contains(state), "\(c) \(gene): copy-number state \(states)")
        }
        if let uncertain = expected["origin_uncertain"] as? [String] {
            #expect(Set(i.implications.filter(\.originUncertain).map(\.therapy)) == Set(uncertain), "\(c) origin_uncertain")
        }
        if let preclinical = expected["preclinical_only"] as? [String] {
            #expect(Set(i.implications.filter(\.preclinicalOnly).map(\.therapy)) == Set(preclinical), "\(c) preclinical_only")
        }
    }

    @Test("the clinical case suite has at least 40 cases")
    func clinicalSuitePresent() {
        #expect(Self.cases.filter { $0.directory.contains("/clinical/") }.count >= 40)
    }

    @Test("the same patient in GRCh37 and GRCh38 gives the same verdicts and origins")
    func buildsAgree() throws {
        let dir = Fixtures.path("TestVCFs/callers")
        var outcomes: [[String]] = []
        for f in ["case.grch37.yaml", "case.grch38.yaml"] {
            let (pc, _) = try CaseRunner.readCase(path: dir + "/" + f, catalogue: Self.catalogue)
            let r = try CaseRunner.run(patientCase: pc, catalogue: Self.catalogue, options: InputOptions(), settings: InterpretationSettings())
            outcomes.append(r.interpretation.implications.map { "\($0.therapy)=\($0.verdict.rawValue)" }.sorted()
                            + r.interpretation.findings.map { "\($0.finding.label)=\($0.origin.rawValue)" }.sorted())
            #expect(Set(r.inputs.map(\.provenance.build.rawValue)).count == 1)
        }
        #expect(outcomes[0] == outcomes[1])
        #expect(!outcomes[0].isEmpty)
    }

    @Test("contig styles: the same baseline written with chr7 and 7 gives the same origins")
    func contigStyles() throws {
        let dir = Fixtures.temporaryDirectory()
        let src = Fixtures.path("TestVCFs/callers")
        let baseline = try String(contentsOfFile: src + "/mutect2_baseline.grch38.vcf", encoding: .utf8)
            .replacingOccurrences(of: "ID=chr", with: "ID=").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("chr") ? String($0.dropFirst(3)) : String($0) }.joined(separator: "\n")
        Fixtures.write(baseline, to: dir, as: "baseline.nochr.vcf")
        try FileManager.default.copyItem(atPath: src + "/vardict_progression.grch38.vcf", toPath: dir.path + "/prog.vcf")
        let caseText = try String(contentsOfFile: src + "/case.grch38.yaml", encoding: .utf8)
            .replacingOccurrences(of: "mutect2_baseline.grch38.vcf", with: "baseline.nochr.vcf")
            .replacingOccurrences(of: "vardict_progression.grch38.vcf", with: "prog.vcf")
        let casePath = Fixtures.write(caseText, to: dir, as: "case.yaml")
        let (pc, _) = try CaseRunner.readCase(path: casePath, catalogue: Self.catalogue)
        let r = try CaseRunner.run(patientCase: pc, catalogue: Self.catalogue, options: InputOptions(), settings: InterpretationSettings())
        let t790m = try #require(r.interpretation.findings.first { $0.finding.proteinChange?.oneLetter == "p.T790M" })
        #expect(t790m.origin == .acquired)
        let l858r = try #require(r.interpretation.findings.first { $0.finding.proteinChange?.oneLetter == "p.L858R" })
        #expect(l858r.origin == .persistent)
    }
}
