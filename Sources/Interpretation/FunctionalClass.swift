public import Catalogue
public import VariantModel

/// What an alteration is, functionally (docs/interpretation.md step 1): the class decides which rules it can
/// trigger. A known oncogenic allele activates; a truncating change, a documented allele or a deep
/// deletion of a tumour suppressor is a loss of function; any other protein change is a variant of
/// uncertain significance (VUS), listed but never a trigger for class or region rules; a common germline
/// polymorphism never triggers anything.
public enum FunctionalClass: String, Sendable, Hashable, Codable {
    case oncogenic, lossOfFunction = "loss_of_function", vus, polymorphism,
         notProteinAltering = "not_protein_altering", copyNumber = "copy_number", fusion,
         /// A secondary change restoring the reading frame of a known truncating variant (BRCA1/2).
         reversion

    /// Classifies one finding against the gene vocabulary's curated lists and the hotspot table.
    public static func of(_ f: Finding, catalogue: Catalogue) -> (FunctionalClass, String) {
        if let s = f.structural {
            return s.kind == .breakend ? (.fusion, "structural breakend") : (.copyNumber, "copy-number record")
        }
        if f.copyNumber != nil { return (.copyNumber, "copy-number record") }
        let gene = catalogue.genes.genes[f.gene]
        let role = gene?.role ?? "other"
        guard let p = f.proteinChange, let pos = p.position else {
            if f.isTruncating { return truncating(role: role) }
            return f.consequence?.altersProtein == true
                ? (.vus, "protein change not given; not a known oncogenic allele")
                : (.notProteinAltering, "does not change the protein")
        }
        if let poly = gene?.polymorphism(p.shortForm) {
            return (.polymorphism, "common germline polymorphism \(poly.rsid) (population allele frequency \(poly.populationAlleleFrequency); \(poly.source))")
        }
        if f.isTruncating { return truncating(role: role) }
        if p.kind == .synonymous || p.kind == .unknown { return (.notProteinAltering, "does not change the protein") }
        let last = p.lastPosition ?? pos
        let inFrameIndel = [.deletion, .insertion, .delins, .duplication].contains(p.kind)
        func listed(_ list: GeneVocabulary.AlleleList?) -> Bool {
            guard let list else { return false }
            if list.changes.contains(p.shortForm) { return true }
            // A listed codon: any missense there, or an in-frame change of that one residue.
            if list.codons.contains(pos) && (p.kind == .missense || (inFrameIndel && pos == last)) { return true }
            return inFrameIndel && list.inframeRanges.contains { $0.overlaps(pos...last) }
        }
        if listed(gene?.lossOfFunction) { return (.lossOfFunction, "documented loss-of-function allele (\(gene?.lossOfFunction?.source ?? ""))") }
        if listed(gene?.oncogenic) {
            return role == "oncogene" || role == "other"
                ? (.oncogenic, "known oncogenic allele (\(gene?.oncogenic?.source ?? ""))")
                : (.lossOfFunction, "known hotspot of a tumour suppressor (\(gene?.oncogenic?.source ?? ""))")
        }
        if catalogue.hotspots.contains(where: { $0.gene == f.gene && $0.proteinChange == p.shortForm }) {
            return role == "tumour_suppressor" || role == "tumor_suppressor"
                ? (.lossOfFunction, "hotspot of a tumour suppressor (Annotations/hotspots.tsv)")
                : (.oncogenic, "hotspot allele (Annotations/hotspots.tsv)")
        }
        return (.vus, "\(p.kind == .missense ? "missense" : "in-frame") change not listed as oncogenic or loss of function for \(f.gene): variant of uncertain significance")
    }

    static func truncating(role: String) -> (FunctionalClass, String) {
        role == "oncogene" ? (.vus, "truncating change in an oncogene: not an activating allele")
            : (.lossOfFunction, "truncating change (stop, frameshift, canonical splice or start loss)")
    }
}
