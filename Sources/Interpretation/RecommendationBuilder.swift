import Catalogue
import Foundation

/// Recommendations that are actionable or absent (docs/interpretation.md): a re-test, confirmation or re-biopsy is
/// recommended only when its result could change a verdict of this case, i.e. it concerns a rule
/// about one of the candidates (every therapy, when the case names no candidates).
///
/// Kinds: `retest` (a biomarker, or a low-tumour-fraction negative), `confirm` (an orthogonal test of a
/// finding, e.g. tissue FISH for a plasma copy-number gain), `rebiopsy` (histology).
struct RecommendationBuilder {
    let catalogue: Catalogue
    let candidates: [PatientCase.Candidate]
    let derivedCandidates: Bool
    let matches: [RuleMatch]
    let implications: [Implication]
    let selection: SelectionCheck
    let lowTFNote: String?
    let latestID: String?

    func build() -> [Recommendation] {
        var byKey: [String: Recommendation] = [:]
        func add(_ kind: String, _ biomarker: String, therapy: String?, reason: String, rule: String?) {
            let key = kind + "\u{1}" + biomarker
            var rec = byKey[key] ?? Recommendation(kind: kind, biomarker: biomarker, therapy: nil, reason: reason, rules: [])
            if let rule, !rec.rules.contains(rule) { rec.rules.append(rule) }
            if let therapy, !therapy.isEmpty {
                var names = rec.therapy.map { $0.components(separatedBy: ", ") } ?? []
                for t in therapy.components(separatedBy: ", ") where !names.contains(t) { names.append(t) }
                rec.therapy = names.joined(separator: ", ")
            }
            byKey[key] = rec
        }
        let fired = matches.filter(\.fired)
        for m in fired where m.rule.effect == .retest && !Interpreter.isSuperseded(m, by: fired, catalogue: catalogue) {
            guard let therapies = relevantTherapies(m.rule) else { continue }
            let biomarker = m.rule.retestBiomarker ?? "?"
            // Re-testing histology means a new biopsy.
            let kind = biomarker.lowercased() == "histology" ? "rebiopsy" : "retest"
            add(kind, biomarker, therapy: m.rule.gatesTherapy ? therapies : nil,
                reason: m.rule.title + (m.because.isEmpty ? "" : " (" + m.because.joined(separator: "; ") + ")"), rule: m.rule.id)
        }
        for m in matches where !m.fired {
            guard let last = m.conditions.last, last.status == .notTested, let note = last.note,
                  let therapies = relevantTherapies(m.rule) else { continue }
            if note.contains("below the amplification threshold") {
                add("confirm", last.gene, therapy: therapies, reason: note, rule: m.rule.id)
            } else if note.hasPrefix("phase of") {
                add("retest", "\(last.gene) phase (cis/trans)", therapy: therapies,
                    reason: "\(last.summary): \(note)", rule: m.rule.id)
            } else if let lowTFNote, note == lowTFNote {
                add("retest", "ctDNA / tissue", therapy: therapies,
                    reason: "\(latestID ?? "the latest sample"): \(lowTFNote); \(last.summary) cannot be ruled out: re-test on tissue or a later plasma sample", rule: m.rule.id)
            }
        }
        // A copy-number gain of the gene whose amplification selects a candidate: confirm it.
        for c in candidates {
            for d in c.drugs {
                for cond in catalogue.drugs.drugs[d]?.selectedBy ?? [] where cond.kind == .copyNumber && cond.state == "amplification" {
                    guard let gain = selection.matcher.usable.first(where: { $0.finding.gene == cond.gene && $0.copyNumberCall?.state == .gain }) else { continue }
                    add("confirm", cond.gene, therapy: c.text,
                        reason: "\(selection.matcher.describe(gain)) is below the amplification threshold; \(c.text) is given for \(cond.gene) amplification: confirm it with an orthogonal test (tissue FISH/ISH)", rule: nil)
                }
            }
        }
        for c in candidates {
            let open = selection.openBiomarkers(c)
            guard !open.isEmpty else { continue }
            add("retest", "ctDNA / tissue", therapy: c.text,
                reason: "\(latestID ?? "the latest sample"): \(lowTFNote ?? ""); \(open.joined(separator: " or ")), which selects \(c.text), cannot be ruled out: re-test on tissue or a later plasma sample", rule: nil)
        }
        return byKey.keys.sorted().compactMap { byKey[$0] }
    }

    /// The candidates a rule is about, as text (nil when it concerns none of them, or when it could only
    /// add a resistance to candidates already judged resistant: its result would change nothing).
    func relevantTherapies(_ rule: Rule) -> String? {
        if derivedCandidates { return rule.therapies.map { Interpreter.displayName($0, catalogue) }.joined(separator: ", ") }
        var covered = candidates.filter { Interpreter.coverage(of: rule, candidate: $0, catalogue: catalogue) != nil }
        let side = Interpreter.side(rule)
        if side == .R || side == .r {
            covered = covered.filter { c in implications.first { $0.therapy == c.text }?.verdict != .resistance }
        }
        return covered.isEmpty ? nil : covered.map(\.text).joined(separator: ", ")
    }
}
