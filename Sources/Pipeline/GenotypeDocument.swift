public import VariantModel
public import Interpretation

/// The `nextline/genotype/v1` document (DESIGN §4b, schemas/genotype.v1.schema.json): per-allele read
/// counts of one sample of one BAM/CRAM, the phase of allele pairs, and what they were computed from.
public struct GenotypeDocument: Codable, Sendable, Hashable {
    public static let schemaID = "nextline/genotype/v1"

    /// One file the counts rest on: the reads, the reference, the sites.
    public struct Input: Codable, Sendable, Hashable {
        /// `reads`, `reference` or `sites`.
        public var role: String
        public var path: String
        public var sha256: String
        /// What the digest covers: `header+index+regions` (reads), `fai_index` (reference), `whole_file`
        /// (a sites VCF), `catalogue_content` (the built-in hotspot table).
        public var checksumScope: String
        /// Reads only: `BAM` or `CRAM`, its index, and the regions read (1-based, in reading order).
        public var container: String?
        public var index: String?
        public var regions: [String]?

        public init(role: String, path: String, sha256: String, checksumScope: String, container: String? = nil,
                    index: String? = nil, regions: [String]? = nil) {
            self.role = role; self.path = path; self.sha256 = sha256; self.checksumScope = checksumScope
            self.container = container; self.index = index; self.regions = regions
        }
        enum CodingKeys: String, CodingKey {
            case role, path, sha256, checksumScope = "checksum_scope", container, index, regions
        }
    }

    /// The sample counted and how it was chosen (`@RG SM`, `--sample …`, the file name).
    public struct Sample: Codable, Sendable, Hashable {
        public var name: String
        public var source: String
        public init(name: String, source: String) { self.name = name; self.source = source }
    }

    /// The settings printed: the read filters and the counting unit actually applied.
    public struct Settings: Codable, Sendable, Hashable {
        public var filters: GenotypingSettings
        /// `fragment`, or `umi_family` when reads carrying `MI` were counted as families.
        public var counting: String
        public init(filters: GenotypingSettings, counting: String) { self.filters = filters; self.counting = counting }
        public func encode(to encoder: any Encoder) throws {
            try filters.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(counting, forKey: .counting)
        }
        public init(from decoder: any Decoder) throws {
            filters = try GenotypingSettings(from: decoder)
            counting = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .counting)
        }
        enum Key: String, CodingKey { case counting }
    }

    public var schema = GenotypeDocument.schemaID
    public var tool: ToolStamp = .current
    public var inputs: [Input]
    public var genomeBuild: String
    public var buildEvidence: String
    public var sample: Sample
    public var settings: Settings
    public var sites: [SiteGenotype]
    public var phases: [PhaseResult]
    public var warnings: [String]

    public init(inputs: [Input], genomeBuild: String, buildEvidence: String, sample: Sample, settings: Settings,
                sites: [SiteGenotype], phases: [PhaseResult], warnings: [String]) {
        self.inputs = inputs; self.genomeBuild = genomeBuild; self.buildEvidence = buildEvidence; self.sample = sample
        self.settings = settings; self.sites = sites; self.phases = phases; self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case schema, tool, inputs, genomeBuild = "genome_build", buildEvidence = "build_evidence", sample, settings
        case sites, phases, warnings
    }
}
