public import Catalogue
public import Interpretation
import VariantModel

/// Screens a patient's interpretation against CTML trials. Criteria are three-valued: a positive
/// criterion the patient fails is not met; one that rests on uncertain data (a VUS, a finding flagged
/// possible CH or germline, an indeterminate origin, a negative from low-tumour-fraction plasma, missing
/// age or sex, a field screening does not support) needs review; `and` and `or` combine the three values
/// the usual way (a failure dominates `and`, a success dominates `or`).
public struct Screener: Sendable {
    public let document: InterpretationDocument
    public let catalogue: Catalogue
    public let negation: Negation
    let profile: PatientProfile

    public init(document: InterpretationDocument, catalogue: Catalogue, negation: Negation = .variant) {
        self.document = document; self.catalogue = catalogue; self.negation = negation
        profile = PatientProfile(document: document, catalogue: catalogue)
    }

    /// The screen document for these trials (each with the SHA-256 of its file's text).
    public func screen(_ trials: [(trial: Trial, sha256: String)]) -> ScreenDocument {
        ScreenDocument(catalogue: document.catalogue, caseId: document.patientCase.caseId, tumorType: document.patientCase.tumorType,
                       inputs: document.inputs, genomeBuild: document.genomeBuild,
                       trials: trials.map { t in
                           ScreenDocument.TrialResult(protocolNo: t.trial.protocolNo, nctId: t.trial.nctID, title: t.trial.title,
                                                      file: t.trial.file, fileSha256: t.sha256, arms: t.trial.arms.map(screen))
                       })
    }

    func screen(_ arm: Arm) -> ScreenDocument.ArmResult {
        let results = arm.criteria.map(evaluate)
        let combined = results.isEmpty
            ? Outcome(value: .unknown, criterion: "no match criteria", evidence: ["the arm states no criteria to screen"])
            : Outcome.all(results)
        return .init(armCode: arm.code, armDescription: arm.description, stepCode: arm.stepCode, suspended: arm.suspended,
                     status: combined.value.status, decidedBy: combined.decidedBy, evidence: combined.evidence,
                     criteria: results.flatMap { $0.leaves.isEmpty ? [$0] : $0.leaves }.map { .init(criterion: $0.criterion, status: $0.value.status, evidence: $0.evidence) })
    }

    func evaluate(_ c: Criterion) -> Outcome {
        switch c {
        case .and(let children): return Outcome.all(children.map(evaluate))
        case .or(let children): return Outcome.any(children.map(evaluate))
        case .genomic(let fields): return GenomicCriterion(fields: fields, profile: profile, negation: negation).evaluate()
        case .clinical(let fields): return ClinicalCriterion(fields: fields, profile: profile).evaluate()
        case .unsupported(let key):
            return Outcome(value: .unknown, criterion: key, evidence: ["'\(key)' is not a CTML node screening supports (and, or, genomic, clinical)"])
        }
    }
}

/// Three-valued truth of a criterion.
enum Tri: Sendable {
    case yes, no, unknown
    var status: String { self == .yes ? "eligible" : self == .no ? "not_eligible" : "needs_review" }
}

/// A criterion's value, how it is written, and what decided it; combined outcomes keep their leaves.
struct Outcome: Sendable {
    var value: Tri
    var criterion: String
    var evidence: [String]
    /// The criteria, as written, whose value decided this outcome.
    var decidedBy: [String]
    /// The leaf criteria below a combined outcome (itself for a leaf).
    var leaves: [Outcome]

    init(value: Tri, criterion: String, evidence: [String]) {
        self.value = value; self.criterion = criterion; self.evidence = evidence
        decidedBy = [criterion]; leaves = []
    }

    /// `and`: any failure fails; otherwise any uncertainty needs review; otherwise met.
    static func all(_ parts: [Outcome]) -> Outcome {
        let value: Tri = parts.contains { $0.value == .no } ? .no : parts.contains { $0.value == .unknown } ? .unknown : .yes
        return combined(parts, value: value, joiner: "and")
    }

    /// `or`: any success is met; otherwise any uncertainty needs review; otherwise failed.
    static func any(_ parts: [Outcome]) -> Outcome {
        let value: Tri = parts.contains { $0.value == .yes } ? .yes : parts.contains { $0.value == .unknown } ? .unknown : .no
        return combined(parts, value: value, joiner: "or")
    }

    static func combined(_ parts: [Outcome], value: Tri, joiner: String) -> Outcome {
        if parts.count == 1 { return parts[0] }
        let deciding = parts.filter { $0.value == value }
        var o = Outcome(value: value, criterion: "(" + parts.map(\.criterion).joined(separator: " \(joiner) ") + ")",
                        evidence: deciding.flatMap(\.evidence))
        o.decidedBy = deciding.flatMap(\.decidedBy)
        o.leaves = parts.flatMap { $0.leaves.isEmpty ? [$0] : $0.leaves }
        return o
    }
}
