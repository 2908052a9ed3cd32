/// The drug vocabulary: classes (with parents), drugs (generic names, brands, abbreviations),
/// regimens (FOLFIRINOX → its drugs) and non-drug modalities. Names match case- and
/// punctuation-insensitively (``vocabularyKey(_:)``).
public struct DrugVocabulary: Sendable, Codable, Equatable {
    public struct DrugClass: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var parents: [String]
        public var aliases: [String] = []
    }
    public struct Drug: Sendable, Hashable, Codable {
        public var name: String
        public var classes: [String]
        public var aliases: [String]
        /// `drug`, `modality` or `investigational`.
        public var kind: String
        /// The alterations that select patients for this drug (alternatives): a drug given only for a
        /// biomarker. A low-tumour-fraction negative that cannot exclude it makes the verdict `retest`.
        public var selectedBy: [BiomarkerCondition] = []
        /// Alterations whose presence rules the drug out (RAS/BRAF for an anti-EGFR antibody): a
        /// low-tumour-fraction negative that cannot exclude them makes the verdict `retest` too.
        public var deselectedBy: [BiomarkerCondition] = []
    }
    public struct Regimen: Sendable, Hashable, Codable {
        public var name: String
        public var drugs: [String]
    }

    public private(set) var classes: [String: DrugClass] = [:]
    public private(set) var drugs: [String: Drug] = [:]          // by generic name
    public private(set) var regimens: [String: Regimen] = [:]    // by key
    private var drugKeys: [String: String] = [:]                 // key → generic name
    private var classKeys: [String: String] = [:]                // key → class id

    public init() {}

    mutating func add(_ c: DrugClass) {
        classes[c.id] = c
        classKeys[vocabularyKey(c.id)] = c.id
        classKeys[vocabularyKey(c.name)] = c.id
        for a in c.aliases { classKeys[vocabularyKey(a)] = c.id }
    }
    mutating func add(_ d: Drug) {
        drugs[d.name] = d
        drugKeys[vocabularyKey(d.name)] = d.name
        for a in d.aliases { drugKeys[vocabularyKey(a)] = d.name }
    }
    mutating func add(_ r: Regimen) { regimens[vocabularyKey(r.name)] = r }

    /// A term of a therapy: one drug, a class, or a named regimen.
    public enum Term: Sendable, Hashable, Codable, CustomStringConvertible {
        case drug(String)
        case drugClass(String)
        case regimen(String, [String])
        public var description: String {
            switch self {
            case .drug(let d): return d
            case .drugClass(let c): return c
            case .regimen(let r, _): return r
            }
        }
    }

    /// Resolves a name to a drug (generic name), a class id or a regimen.
    public func resolve(_ name: String) -> Term? {
        let k = vocabularyKey(name)
        if let d = drugKeys[k] { return .drug(d) }
        if let c = classKeys[k] { return .drugClass(c) }
        if let r = regimens[k] { return .regimen(r.name, r.drugs) }
        return nil
    }

    /// The closest known spelling, for "did you mean".
    public func suggestion(for name: String) -> String? {
        var all = Array(drugs.keys) + Array(classes.keys)
        for d in drugs.values { all += d.aliases }
        all += regimens.values.map(\.name)
        return Suggest.closest(to: name, in: all)
    }

    /// Every class the drug belongs to, including ancestors.
    public func classes(of drug: String) -> Set<String> {
        var out = Set<String>()
        var queue = drugs[drug]?.classes ?? []
        while let c = queue.popLast() {
            guard out.insert(c).inserted else { continue }
            queue += classes[c]?.parents ?? []
        }
        return out
    }

    /// Whether `drug` is covered by `term` (the drug itself, a class it belongs to, or a regimen member).
    public func drug(_ drug: String, isCoveredBy term: Term) -> Bool {
        switch term {
        case .drug(let d): return d == drug
        case .drugClass(let c): return classes(of: drug).contains(c)
        case .regimen(_, let ds): return ds.contains(drug)
        }
    }

    /// Drugs a term stands for (a class → every drug of the class).
    public func drugs(of term: Term) -> [String] {
        switch term {
        case .drug(let d): return [d]
        case .regimen(_, let ds): return ds
        case .drugClass(let c): return drugs.keys.filter { classes(of: $0).contains(c) }.sorted()
        }
    }
}

/// OncoTree subset: codes with parents, so a rule for NSCLC applies to LUAD.
public struct TumourTypes: Sendable, Codable, Equatable {
    public struct TumourType: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var parent: String?
        public var aliases: [String]
    }
    public private(set) var types: [String: TumourType] = [:]
    public var release: String = ""
    private var keys: [String: String] = [:]

    public init() {}

    mutating func add(_ t: TumourType) {
        types[t.code] = t
        keys[vocabularyKey(t.code)] = t.code
        keys[vocabularyKey(t.name)] = t.code
        for a in t.aliases where keys[vocabularyKey(a)] == nil { keys[vocabularyKey(a)] = t.code }
    }

    /// The OncoTree code for a code, name or alias.
    public func resolve(_ name: String) -> String? { keys[vocabularyKey(name)] }

    public func suggestion(for name: String) -> String? {
        var all = Array(types.keys)
        for t in types.values { all.append(t.name); all += t.aliases }
        return Suggest.closest(to: name, in: all)
    }

    /// Whether `code` is `ancestor` or lies below it.
    public func code(_ code: String, isWithin ancestor: String) -> Bool {
        var current: String? = code
        var steps = 0
        while let c = current, steps < 50 {
            if c == ancestor { return true }
            current = types[c]?.parent
            steps += 1
        }
        return false
    }
}

/// Gene vocabulary: HGNC symbols, aliases (HER2 → ERBB2), isoforms (AR-V7), protein regions.
public struct GeneVocabulary: Sendable, Codable, Equatable {
    public struct ProteinRegion: Sendable, Hashable, Codable {
        public var name: String
        public var start: Int
        public var end: Int
        public var source: String
    }
    public struct Gene: Sendable, Hashable, Codable {
        public var symbol: String
        public var aliases: [String]
        public var role: String
        public var regions: [ProteinRegion]
        public var isoforms: [String]
        /// Coding exons of the MANE Select transcript as protein residue ranges (exon number → range).
        public var exons: [Int: ClosedRange<Int>]
        /// Known oncogenic (activating) alleles of an oncogene, with their source.
        public var oncogenic: AlleleList? = nil
        /// Documented loss-of-function alleles of a tumour suppressor beyond truncating changes.
        public var lossOfFunction: AlleleList? = nil
        /// Common germline polymorphisms: never a somatic driver, flagged possible_germline.
        public var polymorphisms: [Polymorphism] = []

        /// The curated polymorphism with this one-letter protein change (`P72R`), if any.
        public func polymorphism(_ change: String) -> Polymorphism? { polymorphisms.first { $0.change == change } }
    }
    /// A curated list of alleles: exact protein changes, whole codons (any missense or in-frame change
    /// there) and residue ranges where in-frame insertions/deletions count (EGFR exon 19/20).
    public struct AlleleList: Sendable, Hashable, Codable {
        public var changes: Set<String> = []
        public var codons: Set<Int> = []
        public var inframeRanges: [ClosedRange<Int>] = []
        public var source: String = ""
        public init() {}
    }
    public struct Polymorphism: Sendable, Hashable, Codable {
        public var change: String
        public var rsid: String
        public var populationAlleleFrequency: Double
        public var source: String
    }
    public private(set) var genes: [String: Gene] = [:]
    private var keys: [String: String] = [:]
    private var isoformKeys: [String: String] = [:]

    public init() {}

    mutating func add(_ g: Gene) {
        genes[g.symbol] = g
        keys[vocabularyKey(g.symbol)] = g.symbol
        for a in g.aliases where keys[vocabularyKey(a)] == nil { keys[vocabularyKey(a)] = g.symbol }
        for i in g.isoforms { isoformKeys[vocabularyKey(i)] = g.symbol }
    }

    /// The HGNC symbol for a symbol or alias.
    public func resolve(_ name: String) -> String? { keys[vocabularyKey(name)] }
    /// The gene whose isoform this is (`AR-V7` → `AR`).
    public func geneOfIsoform(_ name: String) -> String? { isoformKeys[vocabularyKey(name)] }
    public func suggestion(for name: String) -> String? {
        var all = Array(genes.keys)
        for g in genes.values { all += g.aliases }
        return Suggest.closest(to: name, in: all)
    }
}
