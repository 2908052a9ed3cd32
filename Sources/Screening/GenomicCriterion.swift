import Catalogue
import Interpretation
import VariantModel

/// One CTML `genomic` node: an alteration with every named property must exist (a leading `!` negates
/// that property's value for the same alteration), or, with `wildtype: true`, no alteration of the gene.
struct GenomicCriterion {
    var fields: [String: String]
    let profile: PatientProfile
    var negation: Negation = .variant
    static let supported: Set<String> = ["hugo_symbol", "protein_change", "wildcard_protein_change", "variant_category", "cnv_call",
                                          "wildtype", "variant_classification", "exon", "fusion_partner_hugo_symbol", "display_name"]

    var text: String { "genomic " + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") }

    func evaluate() -> Outcome {
        let unsupported = fields.keys.filter { !GenomicCriterion.supported.contains($0) }.sorted()
        if !unsupported.isEmpty {
            return Outcome(value: .unknown, criterion: text, evidence: ["unsupported genomic field(s) \(unsupported.joined(separator: ", ")): review by hand"])
        }
        if ["true", "yes"].contains(fields["wildtype"]?.lowercased() ?? "") { return wildtype() }
        if negation == .leaf, fields.values.contains(where: { $0.hasPrefix("!") }) { return excluded() }
        var unknownReasons: [String] = []
        var matches: [PatientProfile.Alteration] = []
        for a in profile.alterations {
            switch matchesAll(a) {
            case .yes: matches.append(a)
            case .unknown(let why): unknownReasons.append("\(a.label): \(why)")
            case .no: continue
            }
        }
        let clean = matches.filter { $0.uncertainty == nil }
        if !clean.isEmpty { return Outcome(value: .yes, criterion: text, evidence: clean.map { "\($0.label) satisfies it" }) }
        let uncertain = matches.map { "\($0.label) would satisfy it but is \($0.uncertainty ?? "")" }
        if !uncertain.isEmpty || !unknownReasons.isEmpty {
            return Outcome(value: .unknown, criterion: text, evidence: uncertain + unknownReasons)
        }
        if let why = absenceUncertain() { return Outcome(value: .unknown, criterion: text, evidence: ["no such alteration found, but \(why)"]) }
        return Outcome(value: .no, criterion: text, evidence: ["no such alteration among the findings"])
    }

    /// MatchMiner's engines: a leaf with any `!` value holds when the patient has no alteration matching the
    /// leaf with every `!` removed.
    func excluded() -> Outcome {
        var positive = self
        positive.negation = .variant
        positive.fields = fields.mapValues { $0.hasPrefix("!") ? String($0.dropFirst()) : $0 }
        let p = positive.evaluate()
        switch p.value {
        case .yes: return Outcome(value: .no, criterion: text, evidence: p.evidence.map { "excluded: " + $0 })
        case .no: return Outcome(value: .yes, criterion: text, evidence: ["no alteration matches the excluded leaf"])
        case .unknown: return Outcome(value: .unknown, criterion: text, evidence: p.evidence)
        }
    }

    /// `wildtype: true`: the gene must carry no alteration, and its absence must be informative.
    func wildtype() -> Outcome {
        guard let gene = fields["hugo_symbol"], !gene.hasPrefix("!") else {
            return Outcome(value: .unknown, criterion: text, evidence: ["wildtype needs one hugo_symbol"])
        }
        let found = profile.alterations.filter { $0.gene == gene }
        if let clean = found.first(where: { $0.uncertainty == nil }) {
            return Outcome(value: .no, criterion: text, evidence: ["\(clean.label) found: \(gene) is not wild type"])
        }
        if !found.isEmpty {
            return Outcome(value: .unknown, criterion: text, evidence: found.map { "\($0.label) is \($0.uncertainty ?? "uncertain"): is \(gene) wild type?" })
        }
        if let why = absenceUncertain(gene: gene) { return Outcome(value: .unknown, criterion: text, evidence: ["no \(gene) alteration found, but \(why)"]) }
        return Outcome(value: .yes, criterion: text, evidence: ["no \(gene) alteration in the findings (\(gene) is read in full)"])
    }

    /// Why an absence cannot be trusted for this criterion's gene, if it cannot.
    func absenceUncertain(gene: String? = nil) -> String? {
        if let why = profile.negativesInconclusive { return why }
        let category = fields["variant_category"].map { $0.hasPrefix("!") ? String($0.dropFirst()) : $0 }?.lowercased()
        if category == "cnv" || category == "copy number variation" || fields["cnv_call"] != nil, !profile.hasCopyNumberData {
            return "the case's files report no copy-number calls, so an absent CNV is not shown"
        }
        if category == "sv" || category == "structural variation" || fields["fusion_partner_hugo_symbol"] != nil, !profile.hasStructuralData {
            return "the case's files report no structural variants, so an absent fusion is not shown"
        }
        guard let g = gene ?? fields["hugo_symbol"], !g.hasPrefix("!") else { return nil }
        if !profile.watchedGenes.contains(g) { return "\(g) is not among the genes nextline reads" }
        if !profile.genesReadInFull.contains(g) { return "nextline reads only \(g)'s annotated records and hotspots, not its whole span" }
        return nil
    }

    enum Match { case yes, no, unknown(String) }

    /// Whether one alteration has every property the node names.
    func matchesAll(_ a: PatientProfile.Alteration) -> Match {
        var pending: String? = nil
        for (key, raw) in fields where key != "wildtype" && key != "display_name" {
            let negated = raw.hasPrefix("!")
            let value = negated ? String(raw.dropFirst()) : raw
            switch property(key, of: a, equals: value) {
            case true?: if negated { return .no }
            case false?: if !negated { return .no }
            case nil: pending = pending ?? "\(key) \(value) cannot be told from the finding"
            }
        }
        if fields["variant_category"] == nil {
            // No category named: the fields decide (a protein change implies a mutation, a CNV call a CNV).
            if (fields["protein_change"] != nil || fields["wildcard_protein_change"] != nil), a.category != "Mutation" { return .no }
            if fields["cnv_call"] != nil, a.category != "CNV" { return .no }
        }
        if let pending { return .unknown(pending) }
        return .yes
    }

    /// true/false when the alteration's property can be compared, nil when it cannot be told.
    func property(_ key: String, of a: PatientProfile.Alteration, equals value: String) -> Bool? {
        switch key {
        case "hugo_symbol":
            // A fusion matches by either partner (MatchMiner's structured SV query).
            return a.gene.uppercased() == value.uppercased() || (a.category == "SV" && a.fusionPartners.contains { $0.uppercased() == value.uppercased() })
        case "protein_change":
            guard let p = a.proteinChange else { return a.category == "Mutation" ? nil : false }
            return GenomicCriterion.normalised(p) == GenomicCriterion.normalised(value)
        case "wildcard_protein_change":
            guard let p = a.proteinChange else { return a.category == "Mutation" ? nil : false }
            // As MatchMiner's engine: a one-letter substitution at that codon (p.V600E, p.V600K), not an indel or stop.
            let prefix = GenomicCriterion.normalised(value), have = GenomicCriterion.normalised(p)
            let rest = have.dropFirst(prefix.count)
            return have.hasPrefix(prefix) && rest.count == 1 && "ACDEFGHIKLMNPQRSTVWY".contains(rest.first ?? "*")
        case "variant_category":
            let v = value.lowercased()
            // MatchMiner maps "Any Variation" to mutations and copy-number variants (not structural variants).
            if v.hasPrefix("any") { return a.category != "SV" }
            let wanted = ["copy number variation": "cnv", "structural variation": "sv", "fusion": "sv"][v] ?? v
            return a.category.lowercased() == wanted
        case "cnv_call":
            guard a.category == "CNV", let state = a.cnvState else { return false }
            return GenomicCriterion.cnvCalls[value.lowercased()].map { $0.contains(state) }
        case "variant_classification":
            guard a.category == "Mutation" else { return false }
            return a.classification.map { $0.lowercased() == value.lowercased() }
        case "exon":
            guard let n = Int(value) else { return nil }
            guard let pos = a.proteinPosition, let range = profile.catalogue.genes.genes[a.gene]?.exons[n] else { return nil }
            return range.contains(pos)
        case "fusion_partner_hugo_symbol":
            guard a.category == "SV" else { return false }
            return a.fusionPartners.contains { $0.uppercased() == value.uppercased() }
        default: return nil
        }
    }

    /// MatchMiner CNV calls → nextline's tumour-fraction-adjusted copy-number states.
    static let cnvCalls: [String: Set<String>] = [
        "high amplification": ["amplification"], "high level amplification": ["amplification"], "amplification": ["amplification"],
        "low amplification": ["gain"], "gain": ["gain"],
        "homozygous deletion": ["deep_deletion"], "heterozygous deletion": ["shallow_deletion"],
    ]

    /// `p.V600E`, `V600E`, `p.(V600E)` → `V600E`.
    static func normalised(_ p: String) -> String {
        var s = p.stripping(" ")
        if s.hasPrefix("p.") { s = String(s.dropFirst(2)) }
        return s.filter { $0 != "(" && $0 != ")" }.uppercased()
    }
}

extension StringProtocol {
    func stripping(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// How a `!` value in a genomic leaf is read (docs/screening.md).
public enum Negation: String, Sendable, CaseIterable {
    /// The field's value is negated for the matching alteration: `BRAF` + `!p.V600E` = a BRAF mutation other than V600E.
    case variant
    /// MatchMiner's engines: the leaf excludes patients with an alteration matching it without the `!`.
    case leaf
}
