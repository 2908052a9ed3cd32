/// The `nextline/scan/v1` document (schemas/scan.v1.schema.json): every alteration in the watched genes of
/// one file, with the file's provenance. `nextline scan` streams ``findings`` and ``notAssessable`` one
/// at a time (``DocumentJSON``), byte for byte what encoding the whole value gives.
public struct ScanDocument: Codable, Sendable, Hashable {
    public static let schemaID = "nextline/scan/v1"
    public var schema: String = ScanDocument.schemaID
    public var tool: ToolStamp = .current
    public var catalogue: CatalogueStamp
    public var inputs: [InputRecord]
    @Nullable public var referenceInputs: ReferenceInputs?
    public var findings: [DocumentFinding]
    public var notAssessable: [NotAssessableEntry]
    /// Records not examined, by reason (other genes, alt contigs, `*` alleles …).
    public var skipped: [String: Int]
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case schema, tool, catalogue, inputs, referenceInputs = "reference_inputs", findings
        case notAssessable = "not_assessable", skipped, warnings
    }

    public init(catalogue: CatalogueStamp, input: InputRecord, referenceInputs: ReferenceInputs?, findings: [DocumentFinding],
                notAssessable: [NotAssessableEntry], skipped: [String: Int], warnings: [String]) {
        self.catalogue = catalogue; inputs = [input]; self.referenceInputs = referenceInputs; self.findings = findings
        self.notAssessable = notAssessable; self.skipped = skipped; self.warnings = warnings
    }
}
