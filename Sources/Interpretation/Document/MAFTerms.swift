/// Sequence Ontology consequences as MAF `Variant_Classification` / `Variant_Type` values (GDC MAF), used
/// by the MAF and MatchMiner outputs and by trial screening's `variant_classification`.
public enum MAFTerms {
    /// The MAF classification of a finding's consequence; `ref`/`alt` decide Del/Ins for frameshifts.
    public static func variantClassification(consequence: String?, ref: String, alt: String) -> String? {
        guard let c = consequence else { return nil }
        let del = ref.count > alt.count
        switch c {
        case "missense_variant": return "Missense_Mutation"
        case "stop_gained": return "Nonsense_Mutation"
        case "frameshift_variant": return del ? "Frame_Shift_Del" : "Frame_Shift_Ins"
        case "inframe_deletion": return "In_Frame_Del"
        case "inframe_insertion": return "In_Frame_Ins"
        case "protein_altering_variant": return del ? "In_Frame_Del" : "In_Frame_Ins"
        case "splice_acceptor_variant", "splice_donor_variant": return "Splice_Site"
        case "splice_region_variant": return "Splice_Region"
        case "synonymous_variant", "stop_retained_variant": return "Silent"
        case "start_lost": return "Translation_Start_Site"
        case "stop_lost": return "Nonstop_Mutation"
        case "5_prime_UTR_variant": return "5'UTR"
        case "3_prime_UTR_variant": return "3'UTR"
        case "intron_variant": return "Intron"
        case "upstream_gene_variant": return "5'Flank"
        case "downstream_gene_variant": return "3'Flank"
        default: return nil
        }
    }

    /// SNP, DNP, TNP, ONP, INS or DEL from the alleles (MAF `Variant_Type`).
    public static func variantType(ref: String, alt: String) -> String {
        if ref.count == alt.count { return ["SNP", "DNP", "TNP"].indices.contains(ref.count - 1) ? ["SNP", "DNP", "TNP"][ref.count - 1] : "ONP" }
        return ref.count > alt.count ? "DEL" : "INS"
    }
}
