import Foundation
import Testing
import TestSupport
import Yams
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
@testable import Screening

/// The example CTML trials of TestVCFs/trials against the repository's cases: every (trial, arm, case)
/// pair of expected.yaml, under both readings of a `!` value.
@Suite("Example trials", .serialized)
struct ExampleTrialsTests {
    struct Expectation { let trial: String, arm: String, casePath: String, leaf: String, variant: String, reason: String }

    static let expectations: [Expectation] = {
        guard let text = try? String(contentsOfFile: Fixtures.path("TestVCFs/trials/expected.yaml"), encoding: .utf8),
              let root = try? Yams.load(yaml: text) as? [String: Any], let list = root["expectations"] as? [[String: Any]] else { return [] }
        return list.compactMap { e in
            guard let t = e["trial"] as? String, let a = e["arm_code"] as? String, let c = e["case"] as? String,
                  let s = e["status"] as? String else { return nil }
            return Expectation(trial: t, arm: a, casePath: c, leaf: s, variant: e["status_if_per_variant_negation"] as? String ?? s,
                               reason: e["reason"] as? String ?? "")
        }
    }()
    static let catalogue: Catalogue? = try? Catalogue.builtIn()

    static func trials() throws -> [(trial: Trial, sha256: String)] {
        try (1...6).map { n in
            let path = Fixtures.path("TestVCFs/trials/NL-TEST-00\(n).yaml")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return (try TrialReader.read(text: text, path: path), "")
        }
    }

    static func document(_ casePath: String) throws -> InterpretationDocument {
        let catalogue = try #require(catalogue)
        let (pc, _) = try CaseRunner.readCase(path: Fixtures.path(casePath), catalogue: catalogue)
        let out = try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings())
        return CaseRunner.document(out, catalogue: catalogue)
    }

    @Test("expected.yaml is present and covers every arm of the six trials")
    func coverage() throws {
        #expect(Self.expectations.count >= 100)
        let arms = Set(try Self.trials().flatMap { t in t.trial.arms.map { "\(t.trial.file.split(separator: "/").last ?? ""):\($0.code)" } })
        #expect(Set(Self.expectations.map { "\($0.trial):\($0.arm)" }) == arms)
    }

    @Test("every pair gives the expected status, under nextline's reading of '!' and under MatchMiner's engine reading",
          arguments: Array(Set(expectations.map(\.casePath))).sorted())
    func statuses(_ casePath: String) throws {
        let doc = try Self.document(casePath)
        let catalogue = try #require(Self.catalogue)
        let trials = try Self.trials()
        for negation in Negation.allCases {
            let screened = Screener(document: doc, catalogue: catalogue, negation: negation).screen(trials)
            for e in Self.expectations where e.casePath == casePath {
                let trial = screened.trials.first { $0.file.hasSuffix("/" + e.trial) }
                let arm = trial?.arms.first { $0.armCode == e.arm }
                let want = negation == .variant ? e.variant : e.leaf
                #expect(arm?.status == want, "\(e.trial) \(e.arm) \(negation): \(arm?.status ?? "missing") — expected because \(e.reason); evidence: \(arm?.evidence ?? [])")
            }
        }
    }
}
