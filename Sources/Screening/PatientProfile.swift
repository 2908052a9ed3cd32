import Foundation
import Catalogue
import Interpretation
import VariantModel

/// What screening knows about the patient, from the interpretation document: alterations with the
/// attributes CTML criteria name, tumour type, age, sex, biomarker results, therapy history, and whether a
/// negative result can be trusted (tumour fraction of the latest sample, genes read in full).
struct PatientProfile: Sendable {
    struct Alteration: Sendable {
        var label: String
        var gene: String
        /// `Mutation`, `CNV` or `SV` (MatchMiner's variant categories).
        var category: String
        var proteinChange: String?
        var proteinPosition: Int?
        var cnvState: String?
        var classification: String?
        var fusionPartners: [String]
        /// Why the finding cannot satisfy a criterion on its own (nil for a confident, interpretable finding).
        var uncertainty: String?
    }

    var alterations: [Alteration]
    var tumourType: String
    var age: Int?
    var sex: String?
    var biomarkers: [CaseSummary.Biomarker]
    var therapyDrugs: [[String]]
    /// Set when negatives of the latest sample are inconclusive (low-tumour-fraction plasma).
    var negativesInconclusive: String?
    /// Genes whose whole span nextline reads (absence there is informative).
    var genesReadInFull: Set<String>
    var watchedGenes: Set<String>
    /// Whether the case's files report copy number / structural variants at all (else their absence says nothing).
    var hasCopyNumberData: Bool
    var hasStructuralData: Bool
    let catalogue: Catalogue

    init(document doc: InterpretationDocument, catalogue: Catalogue) {
        self.catalogue = catalogue
        alterations = doc.findings.compactMap(PatientProfile.alteration)
        tumourType = doc.patientCase.tumorType
        age = doc.patientCase.age
        sex = doc.patientCase.sex
        biomarkers = doc.patientCase.biomarkers
        therapyDrugs = doc.patientCase.therapyLines.map(\.drugs)
        genesReadInFull = Set(catalogue.geneSpans.map(\.gene))
        watchedGenes = WatchedGenes.of(catalogue)
        hasCopyNumberData = doc.findings.contains { $0.copyNumber != nil && $0.fusion == nil }
        // A fusion test given as a case biomarker (EML4-ALK by RT-PCR, FISH, RNA NGS) is structural-variant
        // evidence: a positive one is an alteration, a negative one shows absence.
        let fusionTests = doc.patientCase.biomarkers.filter { PatientProfile.fusionPartners($0.name).count == 2 }
        hasStructuralData = doc.findings.contains { $0.fusion != nil } || !fusionTests.isEmpty
        for b in fusionTests where ["positive", "detected"].contains(b.result.lowercased()) {
            let partners = PatientProfile.fusionPartners(b.name).map { catalogue.genes.resolve($0) ?? $0 }
            alterations.append(Alteration(label: "\(b.name) fusion (\(b.method), \(b.result))", gene: b.gene ?? partners[1], category: "SV",
                                          proteinChange: nil, proteinPosition: nil, cnvState: nil, classification: nil,
                                          fusionPartners: partners, uncertainty: nil))
        }
        if let latest = doc.latestProgressionSample,
           doc.patientCase.samples.first(where: { $0.id == latest })?.kind == "plasma" {
            let tf = doc.tumorFractions.first { $0.sample == latest }?.value
            if let tf, tf < doc.settings.lowTumorFraction {
                negativesInconclusive = "the latest sample \(latest) is plasma at tumour fraction \(tf), below \(doc.settings.lowTumorFraction): a negative is inconclusive"
            } else if tf == nil {
                negativesInconclusive = "the latest sample \(latest) is plasma of unknown tumour fraction: a negative may be inconclusive"
            }
        }
    }

    /// `EML4-ALK`, `EML4::ALK`, `EML4/ALK` → both gene names (else fewer).
    static func fusionPartners(_ name: String) -> [String] {
        for sep in ["::", "-", "/"] where name.contains(sep) {
            let parts = name.components(separatedBy: sep).filter { !$0.isEmpty }
            if parts.count == 2, !name.uppercased().hasPrefix("AR-V") { return parts }
        }
        return []
    }

    static func alteration(_ f: DocumentFinding) -> Alteration? {
        let category = f.fusion != nil ? "SV" : (f.cnState ?? f.copyNumber?.state) != nil ? "CNV" : "Mutation"
        let state = f.cnState ?? f.copyNumber?.state
        if category == "CNV", state == nil || state == "neutral" { return nil }
        var why: [String] = []
        let flags = f.flags ?? []
        if flags.contains("possible_clonal_hematopoiesis") { why.append("flagged possible clonal haematopoiesis") }
        if flags.contains("possible_germline") { why.append("flagged possible germline") }
        if f.classification == "vus" { why.append("a variant of uncertain significance") }
        if f.origin == "indeterminate" { why.append("its origin is indeterminate (the baseline could not rule it out)") }
        if f.used == false, why.isEmpty { why.append("not a confident detection (\(f.notUsedReason ?? "not used"))") }
        return Alteration(label: f.label, gene: f.gene, category: category, proteinChange: f.hgvsp,
                          proteinPosition: f.hgvsp.flatMap { ProteinChange(hgvs: $0)?.position }, cnvState: category == "CNV" ? state : nil,
                          classification: MAFTerms.variantClassification(consequence: f.consequence, ref: f.ref, alt: f.alt),
                          fusionPartners: f.fusion?.partners ?? [], uncertainty: why.isEmpty ? nil : why.joined(separator: "; "))
    }
}
