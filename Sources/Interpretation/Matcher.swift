public import Catalogue
import Foundation
public import VariantModel

/// MATCH: evaluates every catalogue rule in the case's context (see Interpreter.swift header).
struct Matcher {
    let catalogue: Catalogue
    let patientCase: PatientCase
    /// Findings usable for verdicts (latest progression, detected, not flagged unless allowed), by key.
    let usable: [InterpretedFinding]
    let latest: SampleFindings?
    let latestIsLowTF: Bool
    let lowTFNote: String?
    let settings: InterpretationSettings
    /// Every classified finding of the case (used or not): reversions look for the primary truncating variant.
    let allSampleFindings: [InterpretedFinding]

    func evaluate(_ rule: Rule) -> RuleMatch {
        var m = RuleMatch(rule: rule, conditions: [], fired: false, primary: false, because: [], notFiredReason: nil,
                          priorLine: nil, strengthened: false, findingKeys: [])
        // Tumour type
        if !rule.isPanCancer {
            let ok = rule.tumourTypes.contains { catalogue.tumourTypes.code(patientCase.tumourType, isWithin: $0) }
            if !ok { m.notFiredReason = "tumour type \(patientCase.tumourType) is not \(rule.tumourTypes.joined(separator: "/"))"; return m }
        }
        // Prior therapy: one alternative matched by one line.
        if !rule.priorTherapies.isEmpty {
            var matchedLine: (Int, String)? = nil
            for spec in rule.priorTherapies {
                for line in patientCase.therapyLines.reversed() where covers(spec, lineDrugs: line.drugs) {
                    if line.line > (matchedLine?.0 ?? Int.min) { matchedLine = (line.line, spec.text) }
                    break
                }
            }
            guard let (lineNo, specText) = matchedLine else {
                m.notFiredReason = "no therapy line included \(rule.priorTherapies.map(\.text).joined(separator: " or "))"
                return m
            }
            m.priorLine = lineNo
            let drugs = patientCase.therapyLines.first { $0.line == lineNo }?.asWritten.joined(separator: " + ") ?? specText
            m.because.append("line \(lineNo): \(drugs)")
        }
        for spec in rule.excludedPriorTherapies {
            if let line = patientCase.therapyLines.first(where: { covers(spec, lineDrugs: $0.drugs) }) {
                m.notFiredReason = "line \(line.line) already included \(spec.text)"
                return m
            }
        }
        // Biomarker conditions.
        var triggering: [InterpretedFinding] = []
        for condition in rule.biomarkers {
            let (status, findings, evidence, note) = evaluate(condition, effect: rule.effect)
            m.conditions.append(ConditionResult(gene: condition.gene, summary: condition.summary, role: condition.role, status: status,
                                                evidence: evidence, note: note))
            switch condition.role {
            case .required:
                if status != .positive {
                    m.notFiredReason = "\(condition.summary): \(status == .negative ? "not found" : "not tested")" + (note.map { " (\($0))" } ?? "")
                    return m
                }
                triggering += findings
                m.because += evidence
            case .excludedIfPresent:
                if status == .positive {
                    m.notFiredReason = "\(condition.summary) is present, which excludes this rule"
                    return m
                }
            case .modifier:
                if status == .negative {
                    m.notFiredReason = "\(condition.summary) was tested negative, which suppresses this rule"
                    return m
                }
                if status == .positive { m.strengthened = true; triggering += findings; m.because += evidence }
            }
        }
        // Origin. Acquired-only rules also fire when the baseline cannot prove absence (indeterminate,
        // no baseline), marked origin_uncertain, unless the alteration essentially only arises under the
        // prior therapy (acquisition_presumed).
        let sequenceTriggers = triggering.filter { $0.finding.allele != nil || $0.finding.structural != nil }
        if rule.requiresOrigin == .acquired && !sequenceTriggers.isEmpty {
            let acquired = sequenceTriggers.filter { $0.origin == .acquired }
            let unproven = sequenceTriggers.filter { $0.origin == .indeterminate || $0.origin == .noBaseline }
            if acquired.isEmpty && unproven.isEmpty {
                let origins = Set(sequenceTriggers.map(\.origin.rawValue)).sorted().joined(separator: "/")
                m.notFiredReason = "the rule needs an alteration acquired under therapy; \(sequenceTriggers.map(\.finding.label).joined(separator: ", ")) is \(origins)"
                return m
            }
            if acquired.isEmpty {
                let labels = unproven.map { "\($0.finding.label) (\($0.origin.rawValue))" }.joined(separator: ", ")
                if rule.acquisitionPresumed {
                    m.originNote = "acquisition presumed: \(labels) essentially arises only under the prior therapy"
                } else {
                    m.originUncertain = true
                    m.originNote = unproven.contains { $0.origin == .noBaseline }
                        ? "origin uncertain: \(labels); a baseline (pre-treatment) sample would settle whether it was acquired"
                        : "origin uncertain: \(labels); the baseline could not show it was absent"
                }
            }
            triggering = (acquired.isEmpty ? unproven : acquired) + triggering.filter { $0.finding.allele == nil && $0.finding.structural == nil }
        }
        // Primary: every alteration the rule rests on was there before the therapy.
        m.primary = !sequenceTriggers.isEmpty && sequenceTriggers.allSatisfy { $0.origin == .persistent }
        m.findingKeys = Array(Set(triggering.map(\.key))).sorted()
        m.fired = true
        return m
    }

    /// A combination needs every term in the one line; a single term needs one of the line's drugs.
    func covers(_ spec: TherapySpec, lineDrugs: [String]) -> Bool {
        spec.terms.allSatisfy { term in lineDrugs.contains { catalogue.drugs.drug($0, isCoveredBy: term) } }
    }

    // MARK: - Conditions

    func evaluate(_ c: BiomarkerCondition, effect: Effect = .retest) -> (ConditionStatus, [InterpretedFinding], [String], String?) {
        switch c.kind {
        case .allele, .proteinChange, .codon, .region, .geneClass:
            let hits = usable.filter { matches(c, $0, effect: effect) }
            if !hits.isEmpty, let phase = c.phase { return phased(c, phase: phase, hits: hits) }
            if !hits.isEmpty { return (.positive, hits, hits.map { describe($0) }, nil) }
            let weak = allSampleFindings.filter {
                !$0.used && ($0.notUsedReason ?? "").hasPrefix("not a detection") && matchesIgnoringClass(c, $0)
                    && (c.kind != .geneClass || $0.functionalClass == .oncogenic || $0.functionalClass == .lossOfFunction)
            }
            if !weak.isEmpty {
                return (.notTested, [], [], "\(weak.map { "\($0.finding.label): \($0.notUsedReason ?? "")" }.joined(separator: "; ")): weak evidence, neither detected nor excluded")
            }
            let vus = usable.filter { $0.finding.gene == c.gene && $0.functionalClass == .vus && matchesIgnoringClass(c, $0) }
            let negative = sequenceNegative(c)
            if !vus.isEmpty {
                // The gene was profiled; a VUS is not the alteration the rule is about.
                return (negative.0, [], [], "\(vus.map(\.finding.label).joined(separator: ", ")) is a variant of uncertain significance: it does not count as \(c.summary)")
            }
            return negative
        case .copyNumber:
            let want = c.state ?? ""
            let hits = usable.filter { f in
                guard f.finding.gene == c.gene, let call = f.copyNumberCall else { return false }
                switch want {
                case "amplification": return call.state == .amplification
                case "gain": return call.state.isGainSide
                case "loss", "deep_deletion": return call.state == .deepDeletion
                case "shallow_deletion": return call.state == .shallowDeletion
                default: return false
                }
            }
            if !hits.isEmpty { return (.positive, hits, hits.map { describe($0) }, nil) }
            if want == "amplification", let g = usable.first(where: { $0.finding.gene == c.gene && $0.copyNumberCall?.state == .gain }) {
                return (.notTested, [], [describe(g)], "\(describe(g)) is a gain below the amplification threshold (\(Classifier.format(settings.copyNumber.amplification)) copies): confirm \(c.gene) amplification with an orthogonal test (tissue FISH/ISH)")
            }
            if want == "loss" || want == "deep_deletion", let g = usable.first(where: { $0.finding.gene == c.gene && $0.copyNumberCall?.state == .shallowDeletion }) {
                return (.negative, [], [describe(g)], "\(describe(g)) is a single-copy (shallow) loss, not a deep deletion")
            }
            if let b = latestBiomarker(gene: c.gene, methods: ["ISH", "FISH", "NGS", "IHC", "other"]) {
                let positiveResults: Set<String> = c.state == "loss" ? ["negative", "not detected", "0"] : ["amplified"]
                let negativeResults: Set<String> = c.state == "loss" ? ["positive", "detected"] : ["not amplified"]
                if positiveResults.contains(b.result) { return (.positive, [], ["\(b.name) \(b.method) \(b.result)"], nil) }
                if negativeResults.contains(b.result) { return (.negative, [], ["\(b.name) \(b.method) \(b.result)"], nil) }
            }
            return (.notTested, [], [], "no copy-number result for \(c.gene)")
        case .expression:
            guard let b = latestBiomarker(gene: c.gene, methods: c.methods, isoform: false) else {
                return (.notTested, [], [], "no \(c.gene) expression result in the case")
            }
            return (expressionStatus(state: c.state ?? "positive", result: b.result), [], ["\(b.name) \(b.method) \(b.result)"], nil)
        case .isoform:
            let wanted = vocabularyKey(c.isoform ?? "")
            guard let b = patientCase.biomarkers.last(where: { vocabularyKey($0.isoform ?? $0.name) == wanted }) else {
                return (.notTested, [], [], "\(c.isoform ?? c.gene) not tested")
            }
            return (expressionStatus(state: c.state ?? "positive", result: b.result), [], ["\(b.name) \(b.method) \(b.result)"], nil)
        case .proteinLevel:
            // A change from baseline needs a progression result; a level (HER2-low, HER2 3+) takes the latest
            // result of any sample, progression first.
            let needsProgression = c.changeFromBaseline != nil
            guard let now = latestBiomarker(gene: c.gene, methods: c.methods, isoform: false, progressionOnly: needsProgression) else {
                return (.notTested, [], [], "no \(c.gene) \(c.methods.joined(separator: "/")) result\(needsProgression ? " from a progression sample" : "")")
            }
            let inList = c.results.isEmpty || c.results.contains(now.result)
            if !inList { return (.negative, [], ["\(now.name) \(now.method) \(now.result)"], nil) }
            if c.changeFromBaseline != nil {
                guard let before = baselineBiomarker(gene: c.gene, methods: c.methods) else {
                    return (.positive, [], ["\(now.name) \(now.method) \(now.result)"], "no baseline result to compare with")
                }
                let lower = Matcher.rank(now.result) < Matcher.rank(before.result)
                let higher = Matcher.rank(now.result) > Matcher.rank(before.result)
                let changed = c.changeFromBaseline == "loss" ? lower : higher
                return (changed ? .positive : .negative, [],
                        ["\(now.name) \(now.method) \(before.result) at baseline → \(now.result) at progression"], nil)
            }
            return (.positive, [], ["\(now.name) \(now.method) \(now.result)"], nil)
        case .fusion:
            let found = usable.filter { f in
                guard let partners = f.fusionPartners, partners.contains(c.gene) else { return false }
                return c.partner.map { p in partners.contains { vocabularyKey($0) == vocabularyKey(p) } } ?? true
            }
            if !found.isEmpty { return (.positive, found, found.map { describe($0) }, nil) }
            // A fusion result names both partners (`EML4-ALK`, `EML4::ALK`): either may be the rule's gene.
            let hits = patientCase.biomarkers.filter { b in
                let parts = Matcher.fusionParts(b.name).compactMap { catalogue.genes.resolve($0) }
                return parts.count == 2 && parts.contains(c.gene)
                    && (c.partner.map { p in parts.contains { vocabularyKey($0) == vocabularyKey(p) } || vocabularyKey(b.name).contains(vocabularyKey(p)) } ?? true)
            }
            guard let b = hits.last else { return (.notTested, [], [], "no fusion result for \(c.gene)") }
            return (expressionStatus(state: "positive", result: b.result), [], ["\(b.name) \(b.result)"], nil)
        }
    }

    /// A change required in cis or in trans with a partner change of the same gene: positive or negative
    /// only when both are phased heterozygous calls in one phase set; otherwise not tested.
    func phased(_ c: BiomarkerCondition, phase: String, hits: [InterpretedFinding]) -> (ConditionStatus, [InterpretedFinding], [String], String?) {
        let partners = usable.filter { f in
            f.finding.gene == c.gene && c.phasePartners.contains { $0.shortForm == f.finding.proteinChange?.shortForm }
        }
        guard !partners.isEmpty else {
            return (.negative, [], [], "\(c.phasePartners.map(\.oneLetter).joined(separator: "/")) not found")
        }
        var unknown: [String] = []
        var opposite: [String] = []
        for h in hits {
            for p in partners {
                let (mh, mp) = (h.finding.measurement, p.finding.measurement)
                if let hh = mh?.haplotype, let ph = mp?.haplotype, mh?.phaseSet == mp?.phaseSet {
                    if (phase == "cis") == (hh == ph) {
                        return (.positive, [h, p], ["\(describe(h)) in \(phase) with \(describe(p)) (phase set \(mh?.phaseSet ?? ""))"], nil)
                    }
                    opposite.append("phased genotypes (phase set \(mh?.phaseSet ?? ""))")
                    continue
                }
                // Read-level phase: fragments of the sample's reads that carry both, either or neither.
                let this = h.finding.proteinChange?.shortForm ?? h.finding.label
                if let partner = p.finding.proteinChange?.shortForm,
                   let r = h.finding.readPhases.first(where: { $0.partner == partner }) {
                    switch r.call {
                    case .cis, .trans:
                        if r.call.rawValue == phase {
                            return (.positive, [h, p], ["\(describe(h)) in \(phase) with \(describe(p)) from the reads: \(r.counts(this: this))"], nil)
                        }
                        opposite.append("the reads (\(r.counts(this: this)))")
                    case .unknown:
                        unknown.append("\(h.finding.label) and \(p.finding.label) (reads inconclusive: \(r.counts(this: this)))")
                    }
                    continue
                }
                unknown.append("\(h.finding.label) and \(p.finding.label) (not phased in one phase set, and no reads file (bam:/cram:) to phase them from fragments)")
            }
        }
        if !unknown.isEmpty {
            return (.notTested, [], [], "phase of \(unknown.joined(separator: "; ")) unknown")
        }
        return (.negative, [], [], "the changes are in \(phase == "cis" ? "trans" : "cis") (\(opposite.joined(separator: "; ")))")
    }

    func describe(_ f: InterpretedFinding) -> String {
        if let call = f.copyNumberCall {
            let level = call.adjusted.map { " \(Classifier.format($0)) copies" + (call.tumourFraction != nil ? " after TF adjustment" : "") } ?? ""
            return "\(f.finding.gene) \(call.state.rawValue.replacingOccurrences(of: "_", with: " "))\(level) (\(f.origin.rawValue))"
        }
        if let partners = f.fusionPartners { return partners.joined(separator: "::") + " fusion (\(f.origin.rawValue))" }
        var s = f.finding.label
        if let v = f.finding.measurement?.vaf { s += " (VAF \(Classifier.format(v))" + ", \(f.origin.rawValue))" }
        else { s += " (\(f.origin.rawValue))" }
        return s
    }

    /// Not found in the latest progression sample: negative only when that sample could have shown it.
    func sequenceNegative(_ c: BiomarkerCondition) -> (ConditionStatus, [InterpretedFinding], [String], String?) {
        guard let latest else { return (.notTested, [], [], "no progression sample") }
        if latestIsLowTF {
            // A progression tissue sample sequenced before the low-TF plasma still shows absence.
            if let tissue = patientCase.samples.last(where: { $0.role == .progression && $0.kind == .tissue && $0.isSequenced && $0.id != latest.sample.id }) {
                return (.negative, [], [], "not found in progression tissue \(tissue.id) (the later plasma's tumour fraction is too low to show anything)")
            }
            return (.notTested, [], [], lowTFNote)
        }
        if latest.notAssessable.contains(where: { $0.gene == c.gene }) {
            return (.notTested, [], [], "\(latest.sample.id) has \(c.gene) variants that could not be assessed")
        }
        if !latest.sample.isSequenced { return (.notTested, [], [], "no variant or reads file for \(latest.sample.id)") }
        return (.negative, [], [], nil)
    }

    /// Whether a finding satisfies a sequence condition, functional class included: a VUS triggers only
    /// rules naming its exact allele, protein change or codon (and region re-test rules); a
    /// polymorphism triggers nothing.
    func matches(_ c: BiomarkerCondition, _ f: InterpretedFinding, effect: Effect) -> Bool {
        guard f.finding.gene == c.gene, f.functionalClass != .polymorphism else { return false }
        switch c.kind {
        case .allele, .proteinChange, .codon:
            return matchesIgnoringClass(c, f)
        case .region:
            guard matchesIgnoringClass(c, f) else { return false }
            return f.functionalClass == .oncogenic || f.functionalClass == .lossOfFunction || effect == .retest
        case .geneClass:
            switch c.geneClass {
            case "truncating": return f.finding.isTruncating
            case "loss_of_function": return isLossOfFunction(f)
            case "activating_mutation": return f.functionalClass == .oncogenic
            case "any_mutation": return f.functionalClass == .oncogenic || isLossOfFunction(f)
            case "reversion": return isReversion(f)
            default: return false
            }
        default: return false
        }
    }

    /// Loss of function: truncating, a documented allele, a deep deletion, or a shallow deletion with a
    /// second hit (another loss-of-function change of the same gene).
    func isLossOfFunction(_ f: InterpretedFinding) -> Bool {
        if f.functionalClass == .lossOfFunction { return true }
        guard let call = f.copyNumberCall else { return false }
        if call.state == .deepDeletion { return true }
        if call.state == .shallowDeletion {
            return usable.contains { o in o.key != f.key && o.finding.gene == f.finding.gene && o.functionalClass == .lossOfFunction }
        }
        return false
    }

    /// A reversion: a secondary change in a gene that carries a known truncating variant (in any sample
    /// of the case, germline included, or as a case biomarker) which restores the reading frame: an
    /// in-frame indel, a frameshift whose length with the original's is a multiple of three, or a
    /// substitution at the original stop codon.
    func isReversion(_ f: InterpretedFinding) -> Bool {
        guard let a = f.finding.allele, !f.finding.isTruncating || f.finding.proteinChange?.kind == .frameshift else { return false }
        let primaries = allSampleFindings.filter { $0.finding.gene == f.finding.gene && $0.finding.isTruncating && $0.key != f.key }
        let biomarkerPrimary = patientCase.biomarkers.contains { $0.gene == f.finding.gene && ["positive", "detected"].contains($0.result) }
        guard !primaries.isEmpty || biomarkerPrimary else { return false }
        let delta = a.alternate.count - a.reference.count
        if delta != 0 && delta % 3 == 0 { return true }
        for p in primaries {
            guard let pa = p.finding.allele else { continue }
            let pd = pa.alternate.count - pa.reference.count
            if delta != 0 && pd != 0 && (delta + pd) % 3 == 0 { return true }
            if delta == 0, pd == 0, let x = f.finding.proteinChange?.position, x == p.finding.proteinChange?.position { return true }
        }
        return false
    }

    /// The allele, protein-change, codon or region part of a condition, ignoring functional class.
    func matchesIgnoringClass(_ c: BiomarkerCondition, _ i: InterpretedFinding) -> Bool {
        let f = i.finding
        guard f.gene == c.gene else { return false }
        let p = f.proteinChange
        switch c.kind {
        case .allele:
            guard let a = f.allele, let want = c.alleles[f.build] else { return false }
            return a == want
        case .proteinChange:
            guard let p, p.position != nil else { return false }
            return c.changes.contains { $0.shortForm == p.shortForm }
        case .codon:
            guard let p, let pos = p.position else { return false }
            let range = pos...(p.lastPosition ?? pos)
            guard c.codons.contains(where: { range.contains($0) }) else { return false }
            if !c.consequences.isEmpty { return consequenceMatches(c.consequences, f) }
            return [.missense, .deletion, .insertion, .delins, .duplication].contains(p.kind)
        case .region:
            guard let p, let pos = p.position else { return false }
            let end = p.lastPosition ?? pos
            var inside = false
            if let r = c.proteinRange { inside = r.contains(pos) || r.contains(end) }
            if let exons = catalogue.genes.genes[c.gene]?.exons {
                for e in c.exons { if let r = exons[e], r.contains(pos) || r.contains(end) { inside = true } }
            }
            guard inside else { return false }
            if !c.consequences.isEmpty { return consequenceMatches(c.consequences, f) }
            return f.consequence?.altersProtein ?? (p.kind != .synonymous && p.kind != .unknown)
        case .geneClass:
            return f.allele != nil && (f.consequence?.altersProtein ?? (p.map { $0.kind != .synonymous && $0.kind != .unknown } ?? false))
        default: return false
        }
    }

    func consequenceMatches(_ wanted: [String], _ f: Finding) -> Bool {
        if let c = f.consequence?.term, wanted.contains(c) { return true }
        guard let p = f.proteinChange else { return false }
        let implied: String
        switch p.kind {
        case .missense: implied = "missense_variant"
        case .nonsense: implied = "stop_gained"
        case .frameshift: implied = "frameshift_variant"
        case .deletion: implied = "inframe_deletion"
        case .insertion, .duplication: implied = "inframe_insertion"
        case .delins: implied = "protein_altering_variant"
        default: implied = ""
        }
        return wanted.contains(implied) || (p.kind == .delins && (wanted.contains("inframe_deletion") || wanted.contains("inframe_insertion")))
    }

    // MARK: - Case biomarkers

    func latestBiomarker(gene: String, methods: [String], isoform: Bool = false, progressionOnly: Bool = false) -> PatientCase.Biomarker? {
        let candidates = patientCase.biomarkers.filter { b in
            b.gene == gene && (b.isoform == nil) != isoform && (methods.isEmpty || methods.contains(b.method))
        }
        let roles = Dictionary(patientCase.samples.map { ($0.id, $0.role) }, uniquingKeysWith: { a, _ in a })
        let progression = candidates.filter { b in b.sample.map { roles[$0] == .progression } ?? true }
        if let b = progression.last(where: { $0.sample == latest?.sample.id }) ?? progression.last { return b }
        return progressionOnly ? nil : candidates.last
    }

    func baselineBiomarker(gene: String, methods: [String]) -> PatientCase.Biomarker? {
        let roles = Dictionary(patientCase.samples.map { ($0.id, $0.role) }, uniquingKeysWith: { a, _ in a })
        return patientCase.biomarkers.last { b in
            b.gene == gene && b.isoform == nil && (methods.isEmpty || methods.contains(b.method))
                && b.sample.map { roles[$0] == .baseline } == true
        }
    }

    /// The two partner names of a fusion written `A-B`, `A::B` or `A/B`, or nothing.
    static func fusionParts(_ name: String) -> [String] {
        let unified = name.replacingOccurrences(of: "::", with: "-").replacingOccurrences(of: "/", with: "-")
        let parts = unified.split(separator: "-").map(String.init)
        return parts.count == 2 ? parts : []
    }

    static func rank(_ result: String) -> Int {
        switch result {
        case "0", "negative", "not detected", "not amplified", "low": return 0
        case "1+": return 1
        case "2+", "equivocal": return 2
        case "3+", "amplified", "positive", "detected", "high": return 3
        default: return -1
        }
    }

    func expressionStatus(state: String, result: String) -> ConditionStatus {
        let high: Set<String> = ["high", "positive", "detected", "3+", "2+", "amplified"]
        let low: Set<String> = ["low", "negative", "not detected", "0", "not amplified"]
        switch state {
        case "high", "positive":
            if high.contains(result) || (state == "positive" && result == "1+") { return .positive }
            if low.contains(result) || result == "1+" { return .negative }
        case "low", "negative":
            if low.contains(result) || (state == "low" && result == "1+") { return .positive }
            if high.contains(result) { return .negative }
        default: break
        }
        return .notTested
    }
}
