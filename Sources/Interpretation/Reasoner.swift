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
        // Variants come from the latest progression sample that has a variant file; a later one with
        // biomarker results only (an IHC on a biopsy) does not hide them, and is said.
        let sequenced = progression.filter { $0.sample.isSequenced }
        let latest = latestSample(sequenced.isEmpty ? progression : sequenced) ?? latestSample(samples.filter { $0.sample.role == .baseline })
        if let newest = latestSample(progression), let latest, newest.sample.id != latest.sample.id {
            warnings.append("\(newest.sample.id) is the latest progression sample but has no variant file (biomarker results only); variants are read from \(latest.sample.id)")
        }
        let classifier = Classifier(settings: settings, samples: samples, latest: latest, catalogue: catalogue, givenIn: patientCase.givenIn)

        // Tumour fractions (the case's or estimated).
        let tfs = samples.map { classifier.tumourFraction(of: $0) }
        let tfByID = Dictionary(tfs.map { ($0.sampleID, $0) }, uniquingKeysWith: { a, _ in a })

        // CLASSIFY the latest progression sample's records, plus baseline-only alterations.
        var findings = classify(latest: latest, samples: samples, classifier: classifier, tfByID: tfByID,
                                preTreatmentOnly: preTreatmentOnly, catalogue: catalogue, settings: settings, warnings: &warnings)
        // A sample whose kind was not given is tissue; say so when it looks like a liquid biopsy.
        for sf in samples where !sf.sample.kindGiven && sf.sample.kind == .tissue && sf.sample.role != .normal {
            let measured = sf.findings.compactMap(\.measurement).filter(\.detected)
            let depths = measured.compactMap(\.depth).sorted()
            let vafs = measured.compactMap(\.vaf)
            if let median = depths.isEmpty ? nil : depths[depths.count / 2], median >= 1000, let top = vafs.max(), top < 0.15 {
                warnings.append("\(sf.sample.id): sample kind not given, taken as tissue; its median depth \(median) and highest VAF \(Classifier.format(top)) look like a liquid biopsy: give kind: plasma (--sample-kind plasma) so low-tumour-fraction negatives are treated as inconclusive")
            }
        }
        // Low tumour fraction plasma: a negative is inconclusive.
        var lowTFNote: String? = nil
        if let latest, latest.sample.kind == .plasma, let tf = tfByID[latest.sample.id]?.value, tf < settings.lowTumourFraction {
            lowTFNote = "plasma tumour fraction \(Classifier.format(tf)) is below \(Classifier.format(settings.lowTumourFraction)): a not-detected result is inconclusive"
        } else if let latest, latest.sample.kind == .plasma, tfByID[latest.sample.id]?.value == nil {
            warnings.append("\(latest.sample.id): plasma tumour fraction unknown; negatives may be inconclusive")
        }

        // MATCH
        let usable = findings.filter(\.used)
        let matcher = Matcher(catalogue: catalogue, patientCase: patientCase, usable: usable, latest: latest,
                              latestIsLowTF: lowTFNote != nil, lowTFNote: lowTFNote, settings: settings, allSampleFindings: findings)
        // A secondary change that restores the frame of a known truncating variant is a reversion, not a VUS.
        for i in findings.indices where findings[i].functionalClass == .vus || findings[i].functionalClass == .notProteinAltering {
            if matcher.isReversion(findings[i]) {
                findings[i].functionalClass = .reversion
                findings[i].classReason = "restores the reading frame of a truncating \(findings[i].finding.gene) variant in this case (a reversion)"
            }
        }
        let matches = catalogue.rules.map { matcher.evaluate($0) }
        let fired = matches.filter(\.fired)
        for i in findings.indices {
            findings[i].matches = fired.filter { $0.findingKeys.contains(findings[i].key) }.map(\.rule.id).sorted()
        }

        // REASON per candidate.
        var candidates = patientCase.candidates
        let derived = candidates.isEmpty
        if derived { candidates = derivedCandidates(fired, catalogue) }
        let selection = SelectionCheck(matcher: matcher, catalogue: catalogue, lowTFNote: lowTFNote)
        let implications = candidates.map { reason(candidate: $0, matches: matches, catalogue: catalogue, selection: selection, patientCase: patientCase) }

        // RECOMMEND only what could change a verdict of this case.
        let recommendations = RecommendationBuilder(catalogue: catalogue, candidates: candidates, derivedCandidates: derived,
                                                    matches: matches, implications: implications, selection: selection,
                                                    lowTFNote: lowTFNote, latestID: latest?.sample.id).build()
        let build = samples.compactMap(\.build).first
        return Interpretation(patientCase: patientCase, settings: settings, findings: findings, implications: implications,
                              recommendations: recommendations, notAssessable: samples.flatMap(\.notAssessable), tumourFractions: tfs,
                              latestProgression: latest?.sample.id, warnings: warnings, build: build)
    }

    /// CLASSIFY: origin, flags, functional class and copy-number state of each alteration of the latest
    /// progression sample (records that are not detections are listed, not used), then the alterations
    /// detected at baseline and lost since.
    static func classify(latest: SampleFindings?, samples: [SampleFindings], classifier: Classifier,
                         tfByID: [String: TumourFractionEstimate], preTreatmentOnly: Bool, catalogue: Catalogue,
                         settings: InterpretationSettings, warnings: inout [String]) -> [InterpretedFinding] {
        // A latest plasma sample whose tumour fraction is too low cannot show an alteration was lost.
        let latestIsLowTF = latest.map { $0.sample.kind == .plasma && (tfByID[$0.sample.id]?.value).map { $0 < settings.lowTumourFraction } == true } ?? false
        var findings: [InterpretedFinding] = []
        let tissueKeys = Set(samples.filter { $0.sample.kind == .tissue && $0.sample.role != .normal }
            .flatMap { $0.findings.filter { Classifier.isDetected($0, settings: settings) }.map(Classifier.key) })
        var seen = Set<String>()
        let latestTF = latest.flatMap { tfByID[$0.sample.id]?.value }
        for f in latest?.findings ?? [] {
            let detected = Classifier.isDetected(f, settings: settings)
            let weak = Classifier.notDetectedReason(f, settings: settings)
            guard detected || weak != nil else { continue }
            let key = Classifier.key(f)
            guard seen.insert(key).inserted else {
                let first = latest?.findings.first { Classifier.key($0) == key }
                // The two records of a breakend pair describe one event: not a duplicate.
                if f.structural?.kind != .breakend, first?.measurement?.vaf != f.measurement?.vaf {
                    warnings.append("\(latest?.sample.id ?? ""): \(f.label) is written twice with different values (VAF \(first?.measurement?.vaf.map { Classifier.format($0) } ?? "n/r") and \(f.measurement?.vaf.map { Classifier.format($0) } ?? "n/r")); the first record is used")
                }
                continue
            }
            let (origin, why) = preTreatmentOnly
                ? (Origin.persistent, "pre-treatment sample only (\(latest?.sample.id ?? "")): present before any therapy")
                : classifier.origin(of: f, tf: tfByID)
            var flags = classifier.flags(of: f, hasTissueSupport: tissueKeys.contains(key))
            let (functionalClass, classReason) = FunctionalClass.of(f, catalogue: catalogue)
            if functionalClass == .polymorphism && !flags.contains("possible_germline") { flags.append("possible_germline") }
            var item = InterpretedFinding(finding: f, origin: origin, originReason: why, flags: flags,
                                          observations: classifier.observations(of: key), matches: [],
                                          used: true, notUsedReason: nil, key: key)
            item.functionalClass = functionalClass
            item.classReason = classReason
            if let s = f.structural {
                if s.kind == .breakend { item.fusionPartners = fusionPartners(f, latest: latest, catalogue: catalogue) }
                else { item.copyNumberCall = CopyNumberCall.call(s, tumourFraction: latestTF, settings: settings) }
            }
            let blocking = flags.filter(Interpreter.blockingFlags.contains)
            if let weak, !detected {
                item.used = false
                let germline = functionalClass == .polymorphism || flags.contains("possible_germline") ? ["possible_germline"] : []
                item.notUsedReason = ([weak] + germline + flags.filter { $0 == "possible_clonal_hematopoiesis" }).joined(separator: ",")
            } else if functionalClass == .polymorphism {
                item.used = false
                item.notUsedReason = (["possible_germline"] + blocking.filter { $0 != "possible_germline" }).joined(separator: ",")
            } else if blocking == ["possible_germline"] && functionalClass == .lossOfFunction
                        && Interpreter.germlineBiomarkerGenes.contains(f.gene) {
                // A pathogenic (truncating or documented) germline variant is itself a predictive
                // biomarker (BRCA1/2 for PARP inhibitors): flagged, and used.
                item.used = true
            } else if !blocking.isEmpty && !settings.useFlagged {
                item.used = false
                item.notUsedReason = blocking.joined(separator: ",")
            } else if item.copyNumberCall?.state == .neutral {
                item.used = false
                item.notUsedReason = "copy number neutral after adjustment (\(item.copyNumberCall?.adjusted.map { Classifier.format($0) } ?? "?") copies)"
            }
            findings.append(item)
        }
        findings += carriedAndLost(latest: latest, samples: samples, classifier: classifier, tfByID: tfByID,
                                   preTreatmentOnly: preTreatmentOnly, latestIsLowTF: latestIsLowTF,
                                   catalogue: catalogue, settings: settings, seen: &seen)
        return findings
    }

    /// Findings not detected at the latest sample: earlier progression-tissue findings a low-TF plasma
    /// cannot show were lost (carried forward), and baseline findings lost since (baseline_only, or
    /// carried forward when the latest plasma's tumour fraction is too low to show the loss).
    static func carriedAndLost(latest: SampleFindings?, samples: [SampleFindings], classifier: Classifier,
                               tfByID: [String: TumourFractionEstimate], preTreatmentOnly: Bool, latestIsLowTF: Bool,
                               catalogue: Catalogue, settings: InterpretationSettings, seen: inout Set<String>) -> [InterpretedFinding] {
        var findings: [InterpretedFinding] = []
        // An earlier progression tissue finding that a low-TF latest plasma cannot show was lost is carried
        // forward, its origin computed against the baseline as usual.
        if latestIsLowTF {
            for p in samples where p.sample.role == .progression && p.sample.kind == .tissue && p.sample.id != latest?.sample.id {
                for f in p.findings where Classifier.isDetected(f, settings: settings) {
                    let key = Classifier.key(f)
                    guard seen.insert(key).inserted else { continue }
                    let (origin, why) = classifier.origin(of: f, tf: tfByID, observedIn: p.sample.id)
                    var item = InterpretedFinding(finding: f, origin: origin,
                                                  originReason: why + "; detected in progression tissue \(p.sample.id) and carried forward: the latest plasma's tumour fraction is too low to show it was lost",
                                                  flags: classifier.flags(of: f, hasTissueSupport: true),
                                                  observations: classifier.observations(of: key), matches: [], used: true, notUsedReason: nil, key: key)
                    (item.functionalClass, item.classReason) = FunctionalClass.of(f, catalogue: catalogue)
                    if item.functionalClass == .polymorphism || item.flags.contains(where: Interpreter.blockingFlags.contains) {
                        item.used = false
                        item.notUsedReason = item.functionalClass == .polymorphism ? "possible_germline" : item.flags.joined(separator: ",")
                    }
                    findings.append(item)
                }
            }
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
                var item = InterpretedFinding(finding: f, origin: .baselineOnly, originReason: why,
                                              flags: classifier.flags(of: f, hasTissueSupport: true),
                                              observations: classifier.observations(of: key),
                                              matches: [], used: false, notUsedReason: "not detected at the latest progression sample", key: key)
                (item.functionalClass, item.classReason) = FunctionalClass.of(f, catalogue: catalogue)
                if let s = f.structural, s.kind != .breakend {
                    item.copyNumberCall = CopyNumberCall.call(s, tumourFraction: tfByID[b.sample.id]?.value, settings: settings)
                }
                if latestIsLowTF && b.sample.kind == .tissue && item.functionalClass != .polymorphism
                    && !item.flags.contains(where: Interpreter.blockingFlags.contains) {
                    // Carried forward: detected in tumour tissue; the low-TF plasma cannot show it was lost.
                    item.origin = .persistent
                    item.originReason = why + "; the latest plasma's tumour fraction is too low to show it was lost, so the tissue finding is carried forward"
                    item.used = true
                    item.notUsedReason = nil
                }
                findings.append(item)
            }
        }
        return findings
    }

    /// Both partners of a breakend: the genes at the record and at its mate (watched genes, or the
    /// genes an annotation names), the catalogue's gene last (the usual 3' kinase partner).
    static func fusionPartners(_ f: Finding, latest: SampleFindings?, catalogue: Catalogue) -> [String] {
        var partners = Set<String>([f.gene])
        for other in latest?.findings ?? [] where other.structural?.kind == .breakend && other.gene != f.gene {
            if other.line == f.line || (other.structural?.mate.map { $0.position } == f.structural.map { $0.start - 1 }) {
                partners.insert(other.gene)
            }
        }
        for p in f.fusionPartnerNames where p != f.gene { partners.insert(p) }
        let ruleGenes = catalogue.ruleGenes
        return partners.sorted { a, b in
            let ra = ruleGenes.contains(a), rb = ruleGenes.contains(b)
            return ra != rb ? !ra : a < b
        }
    }

    /// A gating re-test rule on a region or class (e.g. "an unlisted EGFR ectodomain change: effect
    /// uncertain") says nothing more once every finding that triggered it also triggers more specific
    /// rules on the same gene that together cover all of its therapies (docs/interpretation.md step 3).
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
        // Scope: the drugs of the candidate that none of the rule's therapies names must be absent
        // (alone) or cytotoxic chemotherapy (with_chemotherapy); any_regimen carries to every regimen.
        let named = rule.therapies.flatMap(\.terms)
        let others = c.drugs.filter { d in !named.contains { catalogue.drugs.drug(d, isCoveredBy: $0) } }
        let inScope: Bool
        switch rule.scope {
        case .anyRegimen: inScope = true
        case .alone: inScope = others.isEmpty
        case .withChemotherapy: inScope = others.allSatisfy { catalogue.drugs.drug($0, isCoveredBy: .drugClass("chemotherapy")) }
        }
        let candidateClasses: [String] = c.terms.compactMap { if case .drugClass(let k) = $0 { return k } else { return nil } }
        for spec in rule.therapies {
            if spec.isCombination {
                let all = spec.terms.allSatisfy { t in c.drugs.contains { catalogue.drugs.drug($0, isCoveredBy: t) } }
                if all && !c.drugs.isEmpty { best = (c.text, 3) }
                continue
            }
            guard let term = spec.terms.first, inScope else { continue }
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

    /// One rule that applies to a candidate, with the component it covers and how specifically it names
    /// the therapy (3 a whole regimen or a sub-combination, 2 a drug, 1 a class).
    struct Applicable {
        var match: RuleMatch
        var component: String
        var therapyLevel: Int
        var side: Side { Interpreter.side(match.rule) }
        var patientData: Bool { match.rule.evidence.restsOnPatientData }
    }

    /// Whether two rules rest on one mechanism: they share a triggering finding, or (for rules triggered
    /// by case biomarkers) name the same gene; therapy-history rules form one group of their own.
    static func sameMechanism(_ a: RuleMatch, _ b: RuleMatch) -> Bool {
        let ka = Set(a.findingKeys), kb = Set(b.findingKeys)
        if !ka.isEmpty && !kb.isEmpty { return !ka.isDisjoint(with: kb) }
        let ga = biomarkerSpecificity(a).genes, gb = biomarkerSpecificity(b).genes
        if ga.isEmpty && gb.isEmpty { return a.rule.biomarkers.isEmpty && b.rule.biomarkers.isEmpty }
        return !ga.isDisjoint(with: gb)
    }

    /// Precedence within one mechanism (docs/interpretation.md step 4): a rule naming the regimen, then the more
    /// specific alteration, then more conditions shown, then a named drug over its class.
    static func precedence(_ x: Applicable) -> [Int] {
        let (_, level) = biomarkerSpecificity(x.match)
        let shown = x.match.conditions.filter { $0.status == .positive }.count
        return [x.therapyLevel == 3 ? 1 : 0, level, shown, x.therapyLevel]
    }

    static func reason(candidate c: PatientCase.Candidate, matches: [RuleMatch], catalogue: Catalogue,
                       selection: SelectionCheck, patientCase: PatientCase) -> Implication {
        guard c.known else {
            return Implication(therapy: c.text, drugs: [], verdict: .notInCatalogue,
                               because: ["not in the catalogue's drug vocabulary" + (c.suggestion.map { "; closest known name: \($0)" } ?? "")],
                               rules: [], conflicting: [], overridden: [], evidenceLevel: nil, preclinicalOnly: false,
                               primary: false, components: [:])
        }
        let covering: [Applicable] = matches.filter(\.fired).compactMap { m in
            coverage(of: m.rule, candidate: c, catalogue: catalogue).map { Applicable(match: m, component: $0.component, therapyLevel: $0.therapySpecificity) }
        }.filter { $0.side != .none }
        // A sensitivity of a drug the disease is progressing on now is listed as overridden, with the reason.
        var because: [String] = []
        var overridden = Set<String>()
        var applicable: [Applicable] = []
        for x in covering {
            if let line = sensitivityAfterFailure(x, candidate: c, patientCase: patientCase, catalogue: catalogue) {
                overridden.insert(x.match.rule.id)
                because.append("\(x.match.rule.id) not applied: \(x.component) was in line \(line), the line now failing")
            } else {
                applicable.append(x)
            }
        }
        // Specific over general, within one mechanism; a preclinical rule never overrides patient data.
        for a in applicable {
            for b in applicable where a.match.rule.id != b.match.rule.id && sameMechanism(a.match, b.match) {
                guard a.component == b.component || a.therapyLevel == 3 else { continue }
                guard a.patientData || !b.patientData else { continue }
                let disagree = (a.side == .S) != (b.side == .S) || a.side == .T || b.side == .T
                guard disagree, precedence(b).lexicographicallyPrecedes(precedence(a)) else { continue }
                overridden.insert(b.match.rule.id)
            }
        }
        let effective = applicable.filter { !overridden.contains($0.match.rule.id) }
        // Evidence tiers: patient data decide when any applies; preclinical rules are then signals only.
        let patient = effective.filter(\.patientData)
        let deciding = patient.isEmpty ? effective : patient
        let signals = patient.isEmpty ? [] : effective.filter { !$0.patientData }
        var (verdict, behind, conflicting) = verdictOf(deciding)
        let preclinicalOnly = !deciding.isEmpty && patient.isEmpty
        if preclinicalOnly && verdict == .resistance { verdict = .reducedEfficacy }
        for m in behind { for b in m.because where !because.contains(b) { because.append(b) } }
        // Re-giving what the disease progressed on: say so. The exact therapy of a line whose best response
        // was progressive disease (primary refractory) is expected to fail again; after a response, a
        // re-challenge can work, so that alone decides nothing.
        if !c.drugs.isEmpty, let line = patientCase.therapyLines.last(where: { l in c.drugs.allSatisfy { l.drugs.contains($0) } }) {
            if line.bestResponse?.uppercased() == "PD" && verdict != .resistance {
                verdict = .resistance
                because.append("primary refractory: line \(line.line) (\(line.asWritten.joined(separator: " + "))) included \(c.drugs.joined(separator: " + ")) and its best response was progressive disease")
            } else {
                because.append("\(c.drugs.joined(separator: " + ")) already given in line \(line.line) (\(line.asWritten.joined(separator: " + "))); the disease progressed after it")
            }
        }
        // A rule about this very regimen waits only on the phase of two changes (cis/trans): re-test first.
        if verdict == .noKnownEffect, let pending = phasePending(c, matches: matches, catalogue: catalogue) {
            verdict = .retest
            because.append(pending)
        }
        // A sensitivity rule about this candidate that waits only on a low-tumour-fraction negative: re-test.
        if verdict == .noKnownEffect, let pending = lowTFPending(c, matches: matches, catalogue: catalogue, note: selection.lowTFNote) {
            verdict = .retest
            because.append(pending)
        }
        // A biomarker-selected candidate whose biomarker a low-tumour-fraction negative cannot exclude.
        if verdict != .resistance, let unresolved = selection.unresolved(c) {
            verdict = .retest
            because.append(unresolved)
        }
        var components: [String: [String]] = [:]
        for x in effective { components[x.component, default: []].append(x.match.rule.id) }
        var imp = Implication(therapy: c.text, drugs: c.drugs, verdict: verdict, because: because,
                              rules: effective.map(\.match).sorted { $0.rule.id < $1.rule.id }, conflicting: conflicting.sorted(),
                              overridden: overridden.sorted(), evidenceLevel: behind.map(\.rule.evidence.level).max(),
                              preclinicalOnly: preclinicalOnly && !behind.isEmpty,
                              primary: behind.contains { $0.primary }, components: components.mapValues { $0.sorted() })
        imp.preclinicalSignals = signals.map(\.match.rule.id).sorted()
        imp.candidateTerms = c.terms
        // Uncertain only when the verdict depends on an unproven origin: no rule of the same side behind it
        // rests on a proven one.
        let decisiveSides: [Side] = verdict == .resistance ? [.R] : verdict == .reducedEfficacy ? [.R, .r] : [.S, .T]
        let decisive = behind.filter { decisiveSides.contains(side($0.rule)) }
        imp.originUncertain = !decisive.isEmpty && decisive.allSatisfy(\.originUncertain)
        imp.originNotes = Array(Set(behind.compactMap(\.originNote))).sorted()
        return imp
    }

    /// Flags that keep a finding out of verdicts (unless --use-flagged).
    static let blockingFlags: Set<String> = ["possible_clonal_hematopoiesis", "possible_germline", "filtered"]

    /// Genes whose pathogenic germline variants are themselves predictive biomarkers (PARP inhibitors):
    /// a truncating germline variant there is flagged and still used.
    static let germlineBiomarkerGenes: Set<String> = ["BRCA1", "BRCA2", "PALB2"]

    /// A sensitivity does not apply to a drug of the line the disease is progressing on now (the last
    /// line), unless the rule is about giving it again (its prior therapy names that drug); a regimen rule
    /// does not apply to exactly that regimen. Earlier lines may be re-challenged.
    /// - Returns: the number of the failing line when the rule does not apply, else nil.
    static func sensitivityAfterFailure(_ x: Applicable, candidate c: PatientCase.Candidate, patientCase: PatientCase,
                                        catalogue: Catalogue) -> Int? {
        guard x.side == .S, let last = patientCase.therapyLines.max(by: { $0.line < $1.line }) else { return nil }
        if x.therapyLevel == 3 { return Set(last.drugs) == Set(c.drugs) ? last.line : nil }
        guard last.drugs.contains(x.component) else { return nil }
        let aboutGivingAgain = x.match.rule.priorTherapies.contains { spec in spec.terms.contains { catalogue.drugs.drug(x.component, isCoveredBy: $0) } }
        return aboutGivingAgain ? nil : last.line
    }

    /// A rule naming this regimen that did not fire only because the phase of two changes is unknown.
    static func phasePending(_ c: PatientCase.Candidate, matches: [RuleMatch], catalogue: Catalogue) -> String? {
        for m in matches where !m.fired {
            guard let last = m.conditions.last, last.status == .notTested, let note = last.note, note.hasPrefix("phase of"),
                  coverage(of: m.rule, candidate: c, catalogue: catalogue)?.therapySpecificity == 3 else { continue }
            return "\(m.rule.id) (\(m.rule.effect.rawValue)) depends on \(last.summary): \(note)"
        }
        return nil
    }

    /// A sensitivity rule covering the candidate that did not fire only because a low-tumour-fraction
    /// negative left its required alteration untested (T790M before osimertinib after a first-generation TKI).
    static func lowTFPending(_ c: PatientCase.Candidate, matches: [RuleMatch], catalogue: Catalogue, note: String?) -> String? {
        guard let note else { return nil }
        for m in matches where !m.fired && side(m.rule) == .S && m.rule.evidence.restsOnPatientData {
            guard let last = m.conditions.last, last.status == .notTested, last.note == note,
                  coverage(of: m.rule, candidate: c, catalogue: catalogue) != nil else { continue }
            return "\(m.rule.id) (\(m.rule.effect.rawValue)) needs \(last.summary): not detected, but \(note); re-test before deciding"
        }
        return nil
    }

    /// Steps 5–6 of docs/interpretation.md over the deciding rules (one evidence tier).
    static func verdictOf(_ deciding: [Applicable]) -> (Verdict, [RuleMatch], [String]) {
        // Group by mechanism (connected components of sameMechanism).
        var groups: [[Applicable]] = []
        for x in deciding {
            let joined = groups.indices.filter { i in groups[i].contains { sameMechanism($0.match, x.match) } }
            var merged = [x]
            for i in joined.reversed() { merged += groups.remove(at: i) }
            groups.append(merged)
        }
        let R = deciding.filter { $0.side == .R }, r = deciding.filter { $0.side == .r }
        let S = deciding.filter { $0.side == .S }, T = deciding.filter { $0.side == .T }
        // A mechanism whose resistance no sensitivity of the same mechanism tempers.
        let firmR = groups.filter { g in g.contains { $0.side == .R } && !g.contains { $0.side == .S } }.flatMap { $0.filter { $0.side == .R || $0.side == .r } }
        // A sensitivity of another component of the regimen (not the regimen itself) leaves the regimen
        // partly active: reduced efficacy, both sides listed. Otherwise the firm resistance stands.
        let firmComponents = Set(firmR.map(\.component))
        let otherComponentS = S.filter { $0.therapyLevel != 3 && !firmComponents.contains($0.component) && !firmR.contains { $0.therapyLevel == 3 } }
        if !firmR.isEmpty && !otherComponentS.isEmpty {
            return (.reducedEfficacy, (R + r).map(\.match), S.map(\.match.rule.id))
        }
        if !firmR.isEmpty {
            return (.resistance, (R + r).map(\.match), S.map(\.match.rule.id))
        }
        if !T.isEmpty { return (.retest, T.map(\.match), (r + S + R).map(\.match.rule.id)) }
        if !(R + r).isEmpty { return (.reducedEfficacy, (R + r).map(\.match), S.map(\.match.rule.id)) }
        if !S.isEmpty { return (.sensitivity, S.map(\.match), []) }
        return (.noKnownEffect, [], [])
    }
}
