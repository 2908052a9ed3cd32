public import Catalogue
import VariantModel

extension DocumentBuilder {
    static func verdict(_ imp: Implication, catalogue: Catalogue) -> TherapyVerdict {
        var refs: [String] = []
        for m in imp.rules { for r in m.rule.references where !refs.contains(r.label) { refs.append(r.label) } }
        let details = imp.rules.map(ruleEvidence)
        let top = imp.evidenceLevel
        let deciding = imp.rules.filter { $0.rule.evidence.level == top }
        let variantBased = imp.rules.contains { !$0.rule.biomarkers.isEmpty }
        return TherapyVerdict(
            therapy: imp.therapy, drugs: imp.drugs, therapyKind: kind(imp), verdict: imp.verdict.rawValue, because: imp.because,
            rules: imp.rules.map(\.rule.id), ruleDetails: details, conflicting: imp.conflicting, overridden: imp.overridden,
            evidenceLevel: top?.rawValue, ampTier: variantBased ? top?.ampTier : nil, preclinicalOnly: imp.preclinicalOnly,
            tentative: !deciding.isEmpty && deciding.allSatisfy(\.rule.evidence.tentative), primary: imp.primary,
            references: refs, components: imp.components, preclinicalSignals: imp.preclinicalSignals,
            originUncertain: imp.originUncertain, originNotes: imp.originNotes, restatedBy: [], differsFrom: [])
    }

    static func kind(_ imp: Implication) -> String {
        if imp.candidateTerms.count > 1 { return "regimen" }
        switch imp.candidateTerms.first {
        case .drugClass?: return "class"
        case .regimen?: return "regimen"
        case .drug?: return "drug"
        case nil: return imp.verdict == .notInCatalogue ? "unknown" : "drug"
        }
    }

    /// Strongest verdict first; within a verdict a drug or regimen before a class, then the stronger evidence;
    /// otherwise the order the candidates were given. Class verdicts note the drug verdicts they restate.
    static func orderedVerdicts(_ verdicts: [TherapyVerdict], catalogue: Catalogue, implications: [Implication]) -> [TherapyVerdict] {
        var out = verdicts
        for (n, imp) in implications.enumerated() where out[n].therapyKind == "class" {
            let classes = imp.candidateTerms
            let members = out.indices.filter { k in
                out[k].therapyKind != "class" && !out[k].drugs.isEmpty
                    && out[k].drugs.allSatisfy { d in classes.contains { catalogue.drugs.drug(d, isCoveredBy: $0) } }
            }
            out[n].restatedBy = members.filter { out[$0].verdict == out[n].verdict }.map { out[$0].therapy }
            out[n].differsFrom = members.filter { out[$0].verdict != out[n].verdict }.map { out[$0].therapy }
        }
        let rank: (TherapyVerdict) -> [Int] = { v in
            let verdictRank = ["resistance", "reduced_efficacy", "retest", "sensitivity", "no_known_effect", "not_in_catalogue"]
                .firstIndex(of: v.verdict) ?? 6
            let levels = EvidenceLevel.allCases.map(\.rawValue)
            let level = v.evidenceLevel.flatMap { levels.firstIndex(of: $0) } ?? -1
            return [verdictRank, v.therapyKind == "class" ? 1 : 0, -level]
        }
        return out.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra.lexicographicallyPrecedes(rb) : a.offset < b.offset
        }.map(\.element)
    }

    static func ruleEvidence(_ m: RuleMatch) -> TherapyVerdict.RuleEvidence {
        let r = m.rule
        let conditions = m.conditions.enumerated().map { n, c in
            TherapyVerdict.ConditionEntry(gene: c.gene, biomarker: c.summary, role: c.role.rawValue, status: c.status.rawValue, evidence: c.evidence,
                                          note: c.note,
                                          settledBy: c.status == .notTested && n < r.biomarkers.count ? settlingTest(r.biomarkers[n]) : nil)
        }
        return TherapyVerdict.RuleEvidence(
            id: r.id, title: r.title, effect: r.effect.rawValue, evidenceLevel: r.evidence.level.rawValue,
            studyTypes: r.evidence.studyTypes, tentative: r.evidence.tentative, mechanism: r.mechanism,
            references: r.references.map(reference), conditions: conditions, because: m.because, primary: m.primary,
            strengthened: m.strengthened, source: r.sourceKind, reviewFacts: r.reviewFacts, context: r.context.map(\.text),
            preference: r.preference, scope: r.scope.rawValue, originUncertain: m.originUncertain, originNote: m.originNote,
            contextChecked: r.contextChecked, evidenceNote: r.evidence.note, priorLine: m.priorLine)
    }

    static func reference(_ ref: Reference) -> TherapyVerdict.ReferenceEntry {
        let url = ref.pmid.map { "https://pubmed.ncbi.nlm.nih.gov/\(percentEncoded($0))/" }
            ?? ref.doi.map { "https://doi.org/\(percentEncoded($0))" }
        return .init(pmid: ref.pmid, doi: ref.doi, firstAuthor: ref.firstAuthor, year: ref.year, title: ref.title,
                     label: ref.label, url: url)
    }

    /// Percent-encodes everything but the characters DOIs and PMIDs use safely in a URL path.
    static func percentEncoded(_ s: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:;".utf8)
        var out = ""
        for b in s.utf8 {
            if safe.contains(b) { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2) }
        }
        return out
    }

    /// The test that would settle a condition not tested in this case.
    static func settlingTest(_ c: BiomarkerCondition) -> String {
        switch c.kind {
        case .allele, .proteinChange, .codon, .region, .geneClass:
            return c.phase == nil ? "sequencing that covers \(c.gene) (tissue or plasma NGS)"
                : "phased sequencing of \(c.gene) (reads spanning both positions, or a caller that reports phase)"
        case .copyNumber: return "\(c.gene) copy-number testing (tissue NGS or ISH; plasma only at an adequate tumour fraction)"
        case .expression: return "\(c.gene) expression testing on tumour tissue"
        case .isoform: return "\(c.isoform ?? c.gene) testing (e.g. a circulating-tumour-cell mRNA assay)"
        case .proteinLevel:
            return "\(c.gene) \(c.methods.isEmpty ? "IHC/ISH" : c.methods.joined(separator: "/")) on a progression tissue biopsy"
        case .fusion: return "\(c.gene) fusion testing (RNA NGS or FISH)"
        }
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
