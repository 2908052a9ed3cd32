extension DocumentBuilder {
    /// The headline is a digest of the document's own verdicts, findings and recommendations.
    static func headline(findings: [DocumentFinding], verdicts: [TherapyVerdict],
                         recommendations: [InterpretationDocument.RecommendationEntry], latest: String?) -> Headline {
        func vafText(_ f: DocumentFinding) -> String {
            guard let m = f.samples.first(where: { $0.id == latest }), let v = m.vaf else { return "" }
            return ", VAF \(v) in \(m.id)"
        }
        var acquired: [String] = [], lost: [String] = [], setAside: [String] = []
        for f in findings {
            if f.used == false { setAside.append("\(f.label): \(f.notUsedReason ?? "not used")"); continue }
            switch f.origin {
            case "acquired": acquired.append("\(f.label) (acquired\(vafText(f)))")
            // An unproven origin is headlined only when a rule uses the alteration (for both origins: a
            // `where` after two patterns would guard the second alone).
            case "indeterminate" where !(f.matches ?? []).isEmpty, "no_baseline" where !(f.matches ?? []).isEmpty:
                acquired.append("\(f.label) (origin not proven: \(f.origin == "no_baseline" ? "no baseline sample" : "baseline cannot rule it out")\(vafText(f)))")
            case "baseline_only": lost.append("\(f.label) (detected at baseline, not at \(latest ?? "progression"))")
            default: break
            }
        }
        func tags(_ v: TherapyVerdict) -> String {
            var t: [String] = []
            if let l = v.evidenceLevel { t.append(l.replacingUnderscoresWithSpaces()) }
            if v.tentative { t.append("tentative") }
            if v.preclinicalOnly { t.append("preclinical only") }
            if v.originUncertain { t.append("origin uncertain") }
            let untested = Set(v.ruleDetails.flatMap { $0.conditions.filter { $0.status == "not_tested" }.map(\.biomarker) })
            if !untested.isEmpty { t.append("not tested: " + untested.sorted().joined(separator: ", ")) }
            return t.isEmpty ? "" : " (" + t.joined(separator: ", ") + ")"
        }
        let shown = verdicts.filter { $0.restatedBy.isEmpty }
        let avoid = shown.filter { $0.verdict == "resistance" }.map { "\($0.therapy)\(tags($0))" }
        let reduced = shown.filter { $0.verdict == "reduced_efficacy" }.map { "\($0.therapy)\(tags($0))" }
        let consider = shown.filter { $0.verdict == "sensitivity" }.map { "\($0.therapy)\(tags($0))" }
        var retest = recommendations.map { r in r.reason + (r.therapy.map { " — before \($0)" } ?? "") }
        for v in shown where v.verdict == "retest" && !retest.contains(where: { $0.contains(v.therapy) }) {
            retest.append("\(v.therapy): \(v.because.last ?? "re-test before deciding")")
        }
        return Headline(acquired: acquired, lost: lost, avoid: avoid, reduced: reduced, consider: consider, retest: retest,
                        setAside: setAside)
    }
}
