public import Interpretation

/// The patient's records in the field names a MatchMiner deployment loads (`dfci/matchminer-api`
/// `matchminer/data_model.py` `genomic_schema` and `clinical_schema`): one clinical document and one
/// genomic document per alteration, as JSON (`mongoimport`-ready arrays under `clinical` and `genomic`).
/// No `WILDTYPE: true` records are written: a VCF's silence is not proof of a wild-type gene.
public enum MatchMinerRows {
    struct Output: Encodable {
        var schema = "nextline/matchminer/v1"
        var tool: ToolStamp
        var catalogue: CatalogueStamp
        var inputs: [InputRecord]
        var clinical: [Clinical]
        var genomic: [Genomic]
    }

    struct Clinical: Encodable {
        let SAMPLE_ID: String
        let ONCOTREE_PRIMARY_DIAGNOSIS: String
        let ONCOTREE_PRIMARY_DIAGNOSIS_NAME: String?
        let GENDER: String?
        let AGE: Int?
    }

    struct Genomic: Encodable {
        let SAMPLE_ID: String
        let TRUE_HUGO_SYMBOL: String
        let TRUE_PROTEIN_CHANGE: String?
        let TRUE_CDNA_CHANGE: String?
        let TRUE_VARIANT_CLASSIFICATION: String?
        let TRUE_TRANSCRIPT_ID: String?
        let VARIANT_CATEGORY: String
        let CNV_CALL: String?
        let WILDTYPE: Bool
        let CHROMOSOME: String
        let POSITION: Int
        let REFERENCE_ALLELE: String
        let ALTERNATE_ALLELE: String
        let ALLELE_FRACTION: Double?
        let TIER: Int?
        let REFERENCE_GENOME: String
        let LEFT_PARTNER_GENE: String?
        let RIGHT_PARTNER_GENE: String?
        /// nextline's own columns (not MatchMiner's): origin, flags, and whether the finding was used.
        let NEXTLINE_ORIGIN: String?
        let NEXTLINE_FLAGS: [String]
        let NEXTLINE_USED: Bool?
    }

    static let cnvCalls = ["amplification": "High level amplification", "gain": "Gain",
                           "shallow_deletion": "Heterozygous deletion", "deep_deletion": "Homozygous deletion"]

    public static func render(_ doc: InterpretationDocument) throws -> String {
        let c = doc.patientCase
        let sample = doc.latestProgressionSample ?? c.caseId
        let sex = c.sex.map { $0.lowercased().hasPrefix("f") ? "Female" : $0.lowercased().hasPrefix("m") ? "Male" : $0 }
        let clinical = Clinical(SAMPLE_ID: sample, ONCOTREE_PRIMARY_DIAGNOSIS: c.tumorType, ONCOTREE_PRIMARY_DIAGNOSIS_NAME: c.tumorTypeName,
                                GENDER: sex, AGE: c.age)
        let genomic = doc.findings.compactMap { f -> Genomic? in
            let state = f.cnState ?? f.copyNumber?.state
            let category = f.fusion != nil ? "SV" : state != nil ? "CNV" : "MUTATION"
            if category == "CNV", cnvCalls[state ?? ""] == nil { return nil }   // a neutral copy number is not an alteration
            let vaf = f.samples.first { $0.id == sample }?.vaf
            return Genomic(SAMPLE_ID: sample, TRUE_HUGO_SYMBOL: f.gene, TRUE_PROTEIN_CHANGE: category == "MUTATION" ? f.hgvsp : nil,
                           TRUE_CDNA_CHANGE: f.hgvsc,
                           TRUE_VARIANT_CLASSIFICATION: MAFTerms.variantClassification(consequence: f.consequence, ref: f.ref, alt: f.alt),
                           TRUE_TRANSCRIPT_ID: f.transcript, VARIANT_CATEGORY: category, CNV_CALL: state.flatMap { cnvCalls[$0] },
                           WILDTYPE: false, CHROMOSOME: f.chrom, POSITION: f.pos, REFERENCE_ALLELE: f.ref, ALTERNATE_ALLELE: f.alt,
                           ALLELE_FRACTION: category == "MUTATION" ? vaf : nil, TIER: f.tier, REFERENCE_GENOME: f.genomeBuild,
                           LEFT_PARTNER_GENE: f.fusion?.partners.first, RIGHT_PARTNER_GENE: f.fusion.flatMap { $0.partners.count > 1 ? $0.partners[1] : nil },
                           NEXTLINE_ORIGIN: f.origin, NEXTLINE_FLAGS: f.flags ?? [], NEXTLINE_USED: f.used)
        }
        return try DocumentJSON.encode(Output(tool: doc.tool, catalogue: doc.catalogue, inputs: doc.inputs, clinical: [clinical], genomic: genomic))
    }
}
