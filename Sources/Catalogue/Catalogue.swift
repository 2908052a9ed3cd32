public import VariantModel

/// The validated resistance catalogue with its vocabularies and tables: the product's knowledge.
///
/// Built from the files of `Annotations/` (embedded in the binary, see ``EmbeddedAnnotations``) plus
/// any user rule files. ``version`` and ``sha256`` go into every output.
public struct Catalogue: Sendable, Codable, Equatable {
    public var name: String = "nextline resistance catalogue"
    public var version: String = ""
    /// SHA-256 over every loaded file (path and contents, in path order).
    public var sha256: String = ""
    public var drugs = DrugVocabulary()
    public var tumourTypes = TumourTypes()
    public var genes = GeneVocabulary()
    public var rules: [Rule] = []
    public var hotspots: [Hotspot] = []
    /// Reference proteins (and residues named by curated lists) that rules are checked against.
    public var proteins = ReferenceProteins()
    public var geneSpans: [GeneSpan] = []
    /// Review facts with their kinds (Annotations/review_facts.tsv).
    public var reviewFacts: [ReviewFact] = []
    /// Fact id → reason it is not encoded (Annotations/NOT_ENCODED.md).
    public var notEncoded: [String: String] = [:]
    /// Loaded files in load order.
    public var files: [String] = []

    /// Fact kinds that must be covered by a rule or listed in NOT_ENCODED.md.
    public static let coveredKinds: Set<String> = ["cross_resistance", "collateral_sensitivity", "retained_sensitivity",
                                                   "sequencing_preference", "retest_recommendation", "biomarker_loss"]

    /// A fact of the source review and its kind.
    public struct ReviewFact: Sendable, Codable, Hashable {
        public var id: String
        public var kind: String
    }

    public init() {}

    /// The built-in catalogue compiled into the binary.
    public static func builtIn() throws(CatalogueError) -> Catalogue {
        if let compiled = CatalogueSnapshot.load() { return compiled }
        return try parsedBuiltIn()
    }

    /// The built-in catalogue parsed and validated from its embedded files (what the compiled form is made from).
    public static func parsedBuiltIn() throws(CatalogueError) -> Catalogue {
        try load(files: EmbeddedAnnotations.files.map { (path: $0.path, contents: $0.contents) })
    }

    /// The built-in catalogue plus user rule files (paths and their contents).
    public static func builtIn(adding userFiles: [(path: String, contents: String)]) throws(CatalogueError) -> Catalogue {
        if userFiles.isEmpty { return try builtIn() }
        return try load(files: EmbeddedAnnotations.files.map { (path: $0.path, contents: $0.contents) } + userFiles)
    }

    /// Loads and validates a set of catalogue files, reporting every problem at once.
    public static func load(files: [(path: String, contents: String)]) throws(CatalogueError) -> Catalogue {
        let loader = CatalogueLoader()
        let catalogue = loader.load(files)
        if !loader.sink.problems.isEmpty { throw CatalogueError(problems: loader.sink.problems) }
        return catalogue
    }

    /// Rules indexed by id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// Every gene the catalogue names in a rule's biomarker condition.
    public var ruleGenes: Set<String> { Set(rules.flatMap { $0.biomarkers.map(\.gene) }) }

    /// Span of a gene in a build, when Annotations/gene_spans.tsv has it.
    public func span(of gene: String, build: GenomeBuild) -> GeneSpan? {
        geneSpans.first { $0.gene == gene && $0.build == build }
    }

    /// Coverage of the review's facts: fact id → covering rule ids (empty when none).
    public func coverage() -> [(id: String, kind: String, rules: [String], notEncoded: String?)] {
        var byFact: [String: [String]] = [:]
        for r in rules { for f in r.reviewFacts { byFact[f, default: []].append(r.id) } }
        return reviewFacts.map { ($0.id, $0.kind, (byFact[$0.id] ?? []).sorted(), notEncoded[$0.id]) }
    }
}
