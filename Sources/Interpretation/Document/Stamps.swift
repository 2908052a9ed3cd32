public import VariantModel

/// The tool that wrote a document (every output carries it).
public struct ToolStamp: Codable, Sendable, Hashable {
    public var name: String
    public var version: String
    public static let current = ToolStamp(name: ToolInfo.name, version: ToolInfo.version)
}

/// The catalogue a document was computed with: its version and the SHA-256 of its content.
public struct CatalogueStamp: Codable, Sendable, Hashable {
    public var version: String
    public var sha256: String
    public init(version: String, sha256: String) { self.version = version; self.sha256 = sha256 }
}

/// A file read whole (the case file): its path as given and its SHA-256.
public struct FileStamp: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    public init(path: String, sha256: String) { self.path = path; self.sha256 = sha256 }
}

/// `--reference` and `--gff` provenance.
public struct ReferenceInputs: Codable, Sendable, Hashable {
    public struct FASTA: Codable, Sendable, Hashable {
        public var path: String
        public var faiSHA256: String
        public var checksumScope: String
        @Nullable public var genomeBuild: String?
        enum CodingKeys: String, CodingKey {
            case path, faiSHA256 = "fai_sha256", checksumScope = "checksum_scope", genomeBuild = "genome_build"
        }
        public init(path: String, faiSHA256: String, checksumScope: String, genomeBuild: String?) {
            self.path = path; self.faiSHA256 = faiSHA256; self.checksumScope = checksumScope; self.genomeBuild = genomeBuild
        }
    }
    public struct TranscriptModels: Codable, Sendable, Hashable {
        public var path: String
        public var sha256: String
        public var checksumScope: String
        enum CodingKeys: String, CodingKey { case path, sha256, checksumScope = "checksum_scope" }
        public init(path: String, sha256: String, checksumScope: String) {
            self.path = path; self.sha256 = sha256; self.checksumScope = checksumScope
        }
    }
    public var fasta: FASTA?
    public var transcriptModels: TranscriptModels?
    enum CodingKeys: String, CodingKey { case fasta, transcriptModels = "transcript_models" }
    public init(fasta: FASTA?, transcriptModels: TranscriptModels?) { self.fasta = fasta; self.transcriptModels = transcriptModels }
}
