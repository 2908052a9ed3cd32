public import Catalogue
public import VariantModel

/// Runs classify → match → reason for one case (algorithm in the header of Interpreter.swift).
public enum Interpreter {
    public static func run(patientCase: PatientCase, samples: [SampleFindings], catalogue: Catalogue,
                           settings: InterpretationSettings = InterpretationSettings(), extraWarnings: [String] = []) -> Interpretation {
        var warnings = patientCase.warnings + extraWarnings
        let progression = samples.filter { $0.sample.role == .progression }
        // Without a progression sample the latest pre-treatment tumour sample is analysed: its
        // alterations were present before any therapy (origin persistent, rules labelled primary).
        let preTreatmentOnly = progression.isEmpty
        let latest = latestSample(progression) ?? latestSample(samples.filter { $0.sample.role == .baseline })
        let classifier = Classifier(settings: settings, samples: samples, latest: latest)

        // Tumour fractions (the case's or estimated).
        let tfs = samples.map { classifier.tumourFraction(of: $0) }
        let tfByID = Dictionary(tfs.map { ($0.sampleID, $0) }, uniquingKeysWith: { a, _ in a })

        // CLASSIFY the latest progression sample's detected alterations, plus baseline-only ones.
        var findings: [InterpretedFinding] = []
        let tissueKeys = Set(samples.filter { $0.sample.kind == .tissue && $0.sample.role != .normal }
            .flatMap { $0.findings.filter { Classifier.isDetected($0, settings: settings) }.map(Classifier.key) })
        var seen = Set<String>()
        for f in latest?.findings ?? [] where Classifier.isDetected(f, settings: settings) {
            let key = Classifier.key(f)
            guard seen.insert(key).inserted else {
                let first = latest?.findings.first { Classifier.key($0) == key }
                if first?.measurement?.vaf != f.measurement?.vaf {
                    warnings.append("\(latest?.sample.id ?? ""): \(f.label) is written twice with different values (VAF \(first?.measurement?.vaf.map { Classifier.format($0) } ?? "n/r") and \(f.measurement?.vaf.map { Classifier.format($0) } ?? "n/r")); the first record is used")
                }
                continue
            }
            let (origin, why) = preTreatmentOnly
                ? (Origin.persistent, "pre-treatment sample only (\(latest?.sample.id ?? "")): present before any therapy")
                : classifier.origin(of: f, tf: tfByID)
            let flags = classifier.flags(of: f, hasTissueSupport: tissueKeys.contains(key))
            var item = InterpretedFinding(finding: f, origin: origin, originReason: why, flags: flags,
                                          observations: classifier.observations(of: key), matches: [],
                                          used: true, notUsedReason: nil, key: key)
            let blocking = flags.filter { ["possible_clonal_hematopoiesis", "possible_germline", "filtered"].contains($0) }
            if !blocking.isEmpty && !settings.useFlagged {
                item.used = false
                item.notUsedReason = blocking.joined(separator: ",")
            }
            findings.append(item)
        }
        for b in samples where b.sample.role == .baseline {
            for f in b.findings where Classifier.isDetected(f, settings: settings) {
                let key = Classifier.key(f)
                guard !seen.contains(key), latest != nil, !preTreatmentOnly else { continue }
                let observedNow = latest?.findings.first { Classifier.key($0) == key }
                let why = observedNow != nil
                    ? "detected at baseline \(b.sample.id); not detected at \(latest?.sample.id ?? "") (depth \(observedNow?.measurement?.depth.map(String.init) ?? "not reported"))"
                    : "detected at baseline \(b.sample.id); no record at \(latest?.sample.id ?? "")"
                seen.insert(key)
                findings.append(InterpretedFinding(finding: f, origin: .baselineOnly, originReason: why,
                                                   flags: classifier.flags(of: f, hasTissueSupport: true),
                                                   observations: classifier.observations(of: key),
                                                   matches: [], used: false, notUsedReason: "not detected at the latest progression sample", key: key))
            }
        }

        // Low tumour fraction plasma: a negative is inconclusive.
        var recommendations: [Recommendation] = []
        var lowTF = false
        var lowTFNote: String? = nil
        if let latest, latest.sample.kind == .plasma, let tf = tfByID[latest.sample.id]?.value, tf < settings.lowTumourFraction {
            lowTF = true
            lowTFNote = "plasma tumour fraction \(Classifier.format(tf)) is below \(Classifier.format(settings.lowTumourFraction)): a not-detected result is inconclusive"
            recommendations.append(Recommendation(kind: "retest", biomarker: "ctDNA / tissue", therapy: nil,
                                                  reason: "\(latest.sample.id): \(lowTFNote ?? ""); re-test on tissue or a later plasma sample before ruling alterations out",
                                                  rules: []))
        } else if let latest, latest.sample.kind == .plasma, tfByID[latest.sample.id]?.value == nil {
            warnings.append("\(latest.sample.id): plasma tumour fraction unknown; negatives may be inconclusive")
        }

        // MATCH
        let usable = findings.filter(\.used)
        let matcher = Matcher(catalogue: catalogue, patientCase: patientCase, usable: usable, latest: latest, latestIsLowTF: lowTF, lowTFNote: lowTFNote)
        let matches = catalogue.rules.map { matcher.evaluate($0) }
        let fired = matches.filter(\.fired)
        for i in findings.indices {
            findings[i].matches = fired.filter { $0.findingKeys.contains(findings[i].key) }.map(\.rule.id).sorted()
        }

        // Recommendations from re-test rules.
        var retestByBiomarker: [String: Recommendation] = [:]
        for m in fired where m.rule.effect == .retest && !isSuperseded(m, by: fired, catalogue: catalogue) {
            let biomarker = m.rule.retestBiomarker ?? "?"
            var rec = retestByBiomarker[biomarker] ?? Recommendation(kind: "retest", biomarker: biomarker, therapy: nil, reason: "", rules: [])
            rec.rules.append(m.rule.id)
            if rec.reason.isEmpty { rec.reason = m.rule.title + (m.because.isEmpty ? "" : " (" + m.because.joined(separator: "; ") + ")") }
            if m.rule.gatesTherapy {
                let t = m.rule.therapies.map { displayName($0, catalogue) }.joined(separator: ", ")
                rec.therapy = rec.therapy.map { $0.contains(t) ? $0 : $0 + ", " + t } ?? t
            }
            retestByBiomarker[biomarker] = rec
        }
        recommendations += retestByBiomarker.keys.sorted().compactMap { retestByBiomarker[$0] }

        // REASON per candidate.
        var candidates = patientCase.candidates
        if candidates.isEmpty { candidates = derivedCandidates(fired, catalogue) }
        var implications: [Implication] = []
        for c in candidates {
            implications.append(reason(candidate: c, matches: matches, catalogue: catalogue))
        }
        let allNotAssessable = samples.flatMap(\.notAssessable)
        let builds = Set(samples.compactMap(\.build))
        let build = samples.compactMap(\.build).first
        if builds.count > 1 {
            warnings.append("samples were read in different genome builds")
        }
        return Interpretation(patientCase: patientCase, settings: settings, findings: findings, implications: implications,
                              recommendations: recommendations, notAssessable: allNotAssessable, tumourFractions: tfs,
                              latestProgression: latest?.sample.id, warnings: warnings, build: build)
    }

    /// A gating re-test rule on a region or class (e.g. "an unlisted EGFR ectodomain change: effect
    /// uncertain") says nothing more once every finding that triggered it also triggers more specific
    /// rules on the same gene that together cover all of its therapies (DESIGN §4a step 3).
    static func isSuperseded(_ m: RuleMatch, by fired: [RuleMatch], catalogue: Catalogue) -> Bool {
        guard m.rule.gatesTherapy, !m.findingKeys.isEmpty else { return false }
        let (genes, level) = biomarkerSpecificity(m)
        let specific = fired.filter { o in
            guard o.rule.id != m.rule.id, o.rule.effect != .retest else { return false }
            let (g, l) = biomarkerSpecificity(o)
            return l > level && !g.isDisjoint(with: genes) && Set(m.findingKeys).isSubset(of: Set(o.findingKeys))
        }
        guard !specific.isEmpty else { return false }
        let drugs = m.rule.therapies.flatMap { $0.terms.flatMap { catalogue.drugs.drugs(of: $0) } }
        return !drugs.isEmpty && drugs.allSatisfy { d in
            specific.contains { o in o.rule.therapies.contains { spec in spec.terms.contains { catalogue.drugs.drug(d, isCoveredBy: $0) } } }
        }
    }

    static func latestSample(_ progression: [SampleFindings]) -> SampleFindings? {
        let dated = progression.allSatisfy { $0.sample.collected != nil }
        if dated { return progression.enumerated().max { a, b in
            let x = a.element.sample.collected ?? "", y = b.element.sample.collected ?? ""
            return x != y ? x < y : a.offset < b.offset
        }?.element }
        return progression.last
    }

    static func displayName(_ spec: TherapySpec, _ catalogue: Catalogue) -> String {
        spec.terms.map { t -> String in
            if case .drugClass(let c) = t { return catalogue.drugs.classes[c]?.name ?? c }
            return t.description
        }.joined(separator: " + ")
    }

    /// Every therapy a firing rule names (used when the case lists no candidates).
    static func derivedCandidates(_ fired: [RuleMatch], _ catalogue: Catalogue) -> [PatientCase.Candidate] {
        var out: [String: PatientCase.Candidate] = [:]
        for m in fired where m.rule.effect != .retest || m.rule.gatesTherapy {
            for spec in m.rule.therapies {
                let name = displayName(spec, catalogue)
                let drugs = spec.terms.flatMap { t -> [String] in
                    if case .drugClass = t { return [] }
                    return catalogue.drugs.drugs(of: t)
                }
                out[vocabularyKey(name)] = PatientCase.Candidate(text: name, terms: spec.terms, drugs: drugs)
            }
        }
        return out.keys.sorted().compactMap { out[$0] }
    }

    enum Side { case R, r, S, T, none }

    static func side(_ rule: Rule) -> Side {
        switch rule.effect {
        case .resistance: return .R
        case .reducedEfficacy: return .r
        case .sensitivity, .retainedSensitivity: return .S
        case .sequencePreference: return rule.preference == "preferred" ? .S : .r
        case .retest: return rule.gatesTherapy ? .T : .none
        }
    }

    /// Which component of the candidate a rule's therapy spec covers (a drug, the whole regimen), or nil.
    static func coverage(of rule: Rule, candidate c: PatientCase.Candidate, catalogue: Catalogue) -> (component: String, therapySpecificity: Int)? {
        var best: (String, Int)? = nil
        let candidateClasses: [String] = c.terms.compactMap { if case .drugClass(let k) = $0 { return k } else { return nil } }
        for spec in rule.therapies {
            if spec.isCombination {
                let all = spec.terms.allSatisfy { t in c.drugs.contains { catalogue.drugs.drug($0, isCoveredBy: t) } }
                if all && !c.drugs.isEmpty { best = (c.text, 3) }
                continue
            }
            guard let term = spec.terms.first else { continue }
            if let d = c.drugs.first(where: { catalogue.drugs.drug($0, isCoveredBy: term) }) {
                let spec: Int
                switch term { case .drug: spec = 2; case .regimen: spec = 3; case .drugClass: spec = 1 }
                if spec > (best?.1 ?? 0) { best = (d, spec) }
            }
            if case .drugClass(let k) = term {
                for ck in candidateClasses where ck == k || isAncestor(k, of: ck, catalogue) {
                    if 1 > (best?.1 ?? 0) { best = (catalogue.drugs.classes[ck]?.name ?? ck, 1) }
                }
            }
        }
        return best.map { (component: $0.0, therapySpecificity: $0.1) }
    }

    static func isAncestor(_ a: String, of b: String, _ catalogue: Catalogue) -> Bool {
        var queue = catalogue.drugs.classes[b]?.parents ?? []
        var seen = Set<String>()
        while let x = queue.popLast() {
            if x == a { return true }
            guard seen.insert(x).inserted else { continue }
            queue += catalogue.drugs.classes[x]?.parents ?? []
        }
        return false
    }

    static func biomarkerSpecificity(_ m: RuleMatch) -> (genes: Set<String>, level: Int) {
        var genes = Set<String>()
        var level = 0
        for (c, r) in zip(m.rule.biomarkers, m.conditions) where r.status == .positive && c.role != .excludedIfPresent {
            genes.insert(c.gene)
            level = max(level, c.specificity)
        }
        return (genes, level)
    }

    static func reason(candidate c: PatientCase.Candidate, matches: [RuleMatch], catalogue: Catalogue) -> Implication {
        var applicable: [(RuleMatch, String, Int)] = []
        for m in matches where m.fired {
            if let cov = coverage(of: m.rule, candidate: c, catalogue: catalogue) { applicable.append((m, cov.component, cov.therapySpecificity)) }
        }
        // Step 3: a more specific rule overrides a less specific one that disagrees, for the same
        // component (drug) and gene; a whole-regimen rule overrides its components' rules.
        var overridden = Set<String>()
        for (a, compA, tsA) in applicable {
            let (genesA, levelA) = biomarkerSpecificity(a)
            for (b, compB, tsB) in applicable where a.rule.id != b.rule.id {
                guard compA == compB || tsA == 3 else { continue }
                let (genesB, levelB) = biomarkerSpecificity(b)
                guard !genesA.isDisjoint(with: genesB) else { continue }
                let sa = side(a.rule), sb = side(b.rule)
                guard sa != .none, sb != .none else { continue }
                let disagree = (sa == .S) != (sb == .S) || sa == .T || sb == .T
                guard disagree else { continue }
                if levelA > levelB || (levelA == levelB && tsA > tsB) { overridden.insert(b.rule.id) }
            }
        }
        let effective = applicable.filter { !overridden.contains($0.0.rule.id) }
        let R = effective.filter { side($0.0.rule) == .R }.map(\.0)
        let r = effective.filter { side($0.0.rule) == .r }.map(\.0)
        let S = effective.filter { side($0.0.rule) == .S }.map(\.0)
        let T = effective.filter { side($0.0.rule) == .T }.map(\.0)
        let verdict: Verdict
        var behind: [RuleMatch]
        var conflicting: [String] = []
        if !T.isEmpty && R.isEmpty {
            verdict = .retest; behind = T
            conflicting = (r + S).map(\.rule.id)
        } else if !(R + r).isEmpty && !S.isEmpty {
            verdict = .reducedEfficacy; behind = R + r
            conflicting = S.map(\.rule.id)
        } else if !(R + r).isEmpty {
            verdict = R.contains { $0.rule.evidence.restsOnPatientData } ? .resistance : .reducedEfficacy
            behind = R + r
        } else if !S.isEmpty {
            verdict = .sensitivity; behind = S
        } else {
            verdict = .noKnownEffect; behind = []
        }
        var components: [String: [String]] = [:]
        for (m, comp, _) in effective where side(m.rule) != .none { components[comp, default: []].append(m.rule.id) }
        let shown = effective.map(\.0).filter { side($0.rule) != .none }
        let level = behind.map(\.rule.evidence.level).max()
        let preclinicalOnly = !behind.isEmpty && behind.allSatisfy { $0.rule.evidence.level == .preclinical }
        var because: [String] = []
        for m in behind { for b in m.because where !because.contains(b) { because.append(b) } }
        return Implication(therapy: c.text, drugs: c.drugs, verdict: verdict, because: because,
                           rules: shown.sorted { $0.rule.id < $1.rule.id }, conflicting: conflicting.sorted(),
                           overridden: overridden.sorted(), evidenceLevel: level, preclinicalOnly: preclinicalOnly,
                           primary: behind.contains { $0.primary }, components: components.mapValues { $0.sorted() })
    }
}
