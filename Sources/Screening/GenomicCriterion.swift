import Catalogue
import Interpretation
import VariantModel

/// One CTML `genomic` node: an alteration with every named property must exist (a leading `!` negates
/// that property's value for the same alteration), or, with `wildtype: true`, no alteration of the gene.
struct GenomicCriterion {
    let fields: [String: String]
    let profile: PatientProfile
    static let supported: Set<String> = ["hugo_symbol", "protein_change", "wildcard_protein_change", "variant_category", "cnv_call",
                                          "wildtype", "variant_classification", "exon", "fusion_partner_hugo_symbol"]

    var text: String { "genomic " + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") }

    func evaluate() -> Outcome {
        let unsupported = fields.keys.filter { !GenomicCriterion.supported.contains($0) }.sorted()
        if !unsupported.isEmpty {
            return Outcome(value: .unknown, criterion: text, evidence: ["unsupported genomic field(s) \(unsupported.joined(separator: ", ")): review by hand"])
        }
        if ["true", "yes"].contains(fields["wildtype"]?.lowercased() ?? "") { return wildtype() }
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
        guard let g = gene ?? fields["hugo_symbol"], !g.hasPrefix("!") else { return nil }
        if !profile.watchedGenes.contains(g) { return "\(g) is not among the genes nextline reads" }
        if !profile.genesReadInFull.contains(g) { return "nextline reads only \(g)'s annotated records and hotspots, not its whole span" }
        return nil
    }

    enum Match { case yes, no, unknown(String) }

    /// Whether one alteration has every property the node names.
    func matchesAll(_ a: PatientProfile.Alteration) -> Match {
        var pending: String? = nil
        for (key, raw) in fields where key != "wildtype" {
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
        case "hugo_symbol": return a.gene.uppercased() == value.uppercased()
        case "protein_change":
            guard let p = a.proteinChange else { return a.category == "Mutation" ? nil : false }
            return GenomicCriterion.normalised(p) == GenomicCriterion.normalised(value)
        case "wildcard_protein_change":
            guard let p = a.proteinChange else { return a.category == "Mutation" ? nil : false }
            let prefix = GenomicCriterion.normalised(value), have = GenomicCriterion.normalised(p)
            return have.hasPrefix(prefix) && !(have.dropFirst(prefix.count).first?.isNumber ?? false)
        case "variant_category":
            let v = value.lowercased()
            if v.hasPrefix("any") { return true }
            return a.category.lowercased() == (v == "fusion" ? "sv" : v)
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
        "high amplification": ["amplification"], "amplification": ["amplification"], "gain": ["gain"],
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
