public import Catalogue
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
            let (status, findings, evidence, note) = evaluate(condition)
            m.conditions.append(ConditionResult(summary: condition.summary, role: condition.role, status: status,
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
        // Origin.
        let sequenceTriggers = triggering.filter { $0.finding.allele != nil || $0.finding.structural != nil }
        if rule.requiresOrigin == .acquired && !sequenceTriggers.isEmpty {
            let acquired = sequenceTriggers.filter { $0.origin == .acquired }
            if acquired.isEmpty {
                let origins = Set(sequenceTriggers.map(\.origin.rawValue)).sorted().joined(separator: "/")
                m.notFiredReason = "the rule needs an alteration acquired under therapy; \(sequenceTriggers.map(\.finding.label).joined(separator: ", ")) is \(origins)"
                return m
            }
            triggering = acquired + triggering.filter { $0.finding.allele == nil && $0.finding.structural == nil }
        }
        m.primary = sequenceTriggers.contains { $0.origin == .persistent }
        m.findingKeys = Array(Set(triggering.map(\.key))).sorted()
        m.fired = true
        return m
    }

    /// A combination needs every term in the one line; a single term needs one of the line's drugs.
    func covers(_ spec: TherapySpec, lineDrugs: [String]) -> Bool {
        spec.terms.allSatisfy { term in lineDrugs.contains { catalogue.drugs.drug($0, isCoveredBy: term) } }
    }

    // MARK: - Conditions

    func evaluate(_ c: BiomarkerCondition) -> (ConditionStatus, [InterpretedFinding], [String], String?) {
        switch c.kind {
        case .allele, .proteinChange, .codon, .region, .geneClass:
            let hits = usable.filter { matches(c, $0.finding) }
            if !hits.isEmpty { return (.positive, hits, hits.map { describe($0) }, nil) }
            return sequenceNegative(c)
        case .copyNumber:
            let hits = usable.filter { f in
                guard f.finding.gene == c.gene, let cn = f.finding.copyNumber else { return false }
                return cn.rawValue == c.state || (c.state == "amplification" && cn == .gain)
            }
            if !hits.isEmpty {
                let note = hits.contains { $0.finding.copyNumber == .gain } ? "a duplication without copy number counts as an amplification candidate" : nil
                return (.positive, hits, hits.map { describe($0) }, note)
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
            guard let now = latestBiomarker(gene: c.gene, methods: c.methods, isoform: false, progressionOnly: true) else {
                return (.notTested, [], [], "no \(c.gene) \(c.methods.joined(separator: "/")) result from a progression sample")
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
            let hits = patientCase.biomarkers.filter { b in
                b.gene == c.gene && b.name.contains("-") && (c.partner.map { p in vocabularyKey(b.name).contains(vocabularyKey(p)) } ?? true)
            }
            guard let b = hits.last else { return (.notTested, [], [], "no fusion result for \(c.gene)") }
            return (expressionStatus(state: "positive", result: b.result), [], ["\(b.name) \(b.result)"], nil)
        }
    }

    func describe(_ f: InterpretedFinding) -> String {
        var s = f.finding.label
        if let v = f.finding.measurement?.vaf { s += " (VAF \(Classifier.format(v))" + ", \(f.origin.rawValue))" }
        else { s += " (\(f.origin.rawValue))" }
        return s
    }

    /// Not found in the latest progression sample: negative only when that sample could have shown it.
    func sequenceNegative(_ c: BiomarkerCondition) -> (ConditionStatus, [InterpretedFinding], [String], String?) {
        guard let latest else { return (.notTested, [], [], "no progression sample") }
        if latestIsLowTF { return (.notTested, [], [], lowTFNote) }
        if latest.notAssessable.contains(where: { $0.gene == c.gene }) {
            return (.notTested, [], [], "\(latest.sample.id) has \(c.gene) variants that could not be assessed")
        }
        if latest.sample.vcf == nil { return (.notTested, [], [], "no variant file for \(latest.sample.id)") }
        return (.negative, [], [], nil)
    }

    func matches(_ c: BiomarkerCondition, _ f: Finding) -> Bool {
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
            switch c.geneClass {
            case "truncating": return f.isTruncating
            case "loss_of_function": return f.isTruncating || f.copyNumber == .loss
            case "activating_mutation":
                guard !f.isTruncating, f.allele != nil else { return false }
                return f.consequence.map { $0.isMissense || $0.isInFrame } ?? (p.map { [.missense, .deletion, .insertion, .delins, .duplication].contains($0.kind) } ?? false)
            case "any_mutation":
                return f.consequence?.altersProtein ?? (p.map { $0.kind != .synonymous && $0.kind != .unknown } ?? (f.copyNumber != nil))
            default: return false
            }
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
