/// Provenance of one variant file as every output reports it: path, checksum (streamed while reading),
/// build and its evidence, the sample read and how it was chosen, and the VAF fields used.
public struct InputRecord: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var checksumScope: String
    public var build: String
    public var buildEvidence: String
    @Nullable public var sample: String?
    public var sampleChoice: String
    public var container: String
    public var readMode: String
    public var recordsRead: Int
    public var vafSources: [String]
    /// The case sample's role and id (interpretation documents only).
    public var role: String?
    public var id: String?

    enum CodingKeys: String, CodingKey {
        case path, sha256, checksumScope = "checksum_scope", build = "genome_build", buildEvidence = "build_evidence", sample
        case sampleChoice = "sample_choice", container, readMode = "read_mode", recordsRead = "records_read"
        case vafSources = "vaf_sources", role, id
    }

    public init(path: String, sha256: String, checksumScope: String, build: String, buildEvidence: String, sample: String?,
                sampleChoice: String, container: String, readMode: String, recordsRead: Int, vafSources: [String],
                role: String? = nil, id: String? = nil) {
        self.path = path; self.sha256 = sha256; self.checksumScope = checksumScope; self.build = build
        self.buildEvidence = buildEvidence; self.sample = sample; self.sampleChoice = sampleChoice
        self.container = container; self.readMode = readMode; self.recordsRead = recordsRead; self.vafSources = vafSources
        self.role = role; self.id = id
    }
}
