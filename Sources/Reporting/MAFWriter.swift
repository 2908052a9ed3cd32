public import Interpretation

/// The small-variant findings of the latest progression sample as a MAF (GDC/TCGA 2.4 columns, alleles and
/// positions converted as vcf2maf does), followed by the columns the OncoKB MafAnnotator adds and
/// nextline's own `NEXTLINE_*` columns (docs/formats.md). Of the OncoKB columns, `ANNOTATED`,
/// `MUTATION_EFFECT` and `ONCOGENIC` are filled from nextline's functional class; the `LEVEL_*` and
/// `HIGHEST_*` columns stay empty because nextline's evidence levels are not OncoKB levels — the verdicts
/// are in `NEXTLINE_RESISTANCE`, `NEXTLINE_REDUCED_EFFICACY` and `NEXTLINE_SENSITIVITY`. Copy-number and
/// fusion findings are not MAF rows. Cells a spreadsheet would run as formulas are prefixed with `'`.
public enum MAFWriter {
    static let standard = ["Hugo_Symbol", "Entrez_Gene_Id", "Center", "NCBI_Build", "Chromosome", "Start_Position", "End_Position",
                           "Strand", "Variant_Classification", "Variant_Type", "Reference_Allele", "Tumor_Seq_Allele1",
                           "Tumor_Seq_Allele2", "dbSNP_RS", "dbSNP_Val_Status", "Tumor_Sample_Barcode", "Matched_Norm_Sample_Barcode",
                           "Match_Norm_Seq_Allele1", "Match_Norm_Seq_Allele2", "Tumor_Validation_Allele1", "Tumor_Validation_Allele2",
                           "Match_Norm_Validation_Allele1", "Match_Norm_Validation_Allele2", "Verification_Status", "Validation_Status",
                           "Mutation_Status", "Sequencing_Phase", "Sequence_Source", "Validation_Method", "Score", "BAM_File",
                           "Sequencer", "Tumor_Sample_UUID", "Matched_Norm_Sample_UUID",
                           "HGVSc", "HGVSp", "HGVSp_Short", "Transcript_ID", "t_depth", "t_ref_count", "t_alt_count",
                           "n_depth", "n_ref_count", "n_alt_count", "ONCOTREE_CODE", "FILTER", "vcf_pos"]
    static let oncokb = ["ANNOTATED", "GENE_IN_ONCOKB", "VARIANT_IN_ONCOKB", "MUTATION_EFFECT", "MUTATION_EFFECT_CITATIONS", "ONCOGENIC",
                         "LEVEL_1", "LEVEL_2", "LEVEL_3A", "LEVEL_3B", "LEVEL_4", "LEVEL_R1", "LEVEL_R2", "HIGHEST_LEVEL",
                         "HIGHEST_SENSITIVE_LEVEL", "HIGHEST_RESISTANCE_LEVEL", "TX_CITATIONS"]
    static let own = ["NEXTLINE_ORIGIN", "NEXTLINE_CLASSIFICATION", "NEXTLINE_FLAGS", "NEXTLINE_USED", "NEXTLINE_RULES", "NEXTLINE_TIER",
                      "NEXTLINE_RESISTANCE", "NEXTLINE_REDUCED_EFFICACY", "NEXTLINE_SENSITIVITY", "NEXTLINE_VAF"]

    public static func render(_ doc: InterpretationDocument) -> String {
        var out = "#version 2.4\n#nextline_version \(cell(doc.tool.version))\n#catalogue \(cell(doc.catalogue.version)) sha256 \(cell(doc.catalogue.sha256))\n"
        for i in doc.inputs { out += "#input \(cell(i.id ?? "")) \(cell(i.path)) sha256 \(cell(i.sha256))\n" }
        out += (standard + oncokb + own).joined(separator: "\t") + "\n"
        let latest = doc.latestProgressionSample
        let normal = doc.patientCase.samples.first { $0.role == "normal" }?.id
        for f in doc.findings where f.copyNumber == nil && f.fusion == nil {
            guard let t = f.samples.first(where: { $0.id == latest }), t.status == "detected" || (t.status == nil && t.detected == true) else { continue }
            let n = normal.flatMap { id in f.samples.first { $0.id == id } }
            out += row(f, tumour: t, normal: n, doc: doc).map(cell).joined(separator: "\t") + "\n"
        }
        return out
    }

    static func row(_ f: DocumentFinding, tumour t: DocumentFinding.SampleEntry, normal n: DocumentFinding.SampleEntry?,
                    doc: InterpretationDocument) -> [String] {
        let (start, end, ref, alt, type) = alleles(pos: f.pos, ref: f.ref, alt: f.alt)
        let matched = Set(f.matches ?? [])
        func verdicts(_ v: String) -> String {
            let hits = doc.implications.filter { $0.verdict == v && !matched.isDisjoint(with: $0.rules) }
            let names: [String] = hits.map { $0.drugs.isEmpty ? $0.therapy : $0.drugs.joined(separator: "+") }
            return names.joined(separator: ",")
        }
        let (effect, oncogenic) = oncoKBTerms(f.classification)
        let classification: String = MAFTerms.variantClassification(consequence: f.consequence, ref: f.ref, alt: f.alt) ?? ""
        let normalBarcode: String = n.map { $0.sample ?? $0.id } ?? ""
        let status: String = (f.flags ?? []).contains("possible_germline") ? "Germline" : "Somatic"
        var standardCells: [String] = [f.gene, "", "nextline", f.genomeBuild, f.chrom, String(start), String(end), "+", classification, type,
                                       ref, ref, alt, "", "", t.sample ?? t.id, normalBarcode]
        standardCells += Array(repeating: "", count: 8) + [status] + Array(repeating: "", count: 8)
        standardCells += [f.hgvsc ?? "", f.hgvspLong ?? "", f.hgvsp ?? "", f.transcript ?? ""]
        standardCells += [t.depth.map(String.init) ?? "", refCount(t), t.altReads.map(String.init) ?? ""]
        let normalCells: [String] = [n?.depth.map(String.init) ?? "", n.map(refCount) ?? "", n?.altReads.map(String.init) ?? ""]
        standardCells += normalCells + [doc.patientCase.tumorType, f.filter.joined(separator: ";"), String(f.pos)]
        let oncokbCells: [String] = ["True", "", "", effect, "", oncogenic] + Array(repeating: "", count: oncokb.count - 6)
        let used: String = f.used.map { $0 ? "True" : "False" } ?? ""
        let tier: String = f.tier.map(String.init) ?? ""
        let vaf: String = t.vaf.map { "\($0)" } ?? ""
        var ownCells: [String] = [f.origin ?? "", f.classification ?? "", (f.flags ?? []).joined(separator: ";"), used]
        ownCells += [(f.matches ?? []).joined(separator: ";"), tier]
        ownCells += [verdicts("resistance"), verdicts("reduced_efficacy"), verdicts("sensitivity"), vaf]
        return standardCells + oncokbCells + ownCells
    }

    static func refCount(_ s: DocumentFinding.SampleEntry) -> String {
        guard let d = s.depth, let a = s.altReads, d >= a else { return "" }
        return String(d - a)
    }

    /// vcf2maf's conversion: drop the shared leading bases, `-` for an empty allele; an insertion spans the
    /// two flanking bases, a deletion the deleted ones.
    static func alleles(pos: Int, ref: String, alt: String) -> (Int, Int, String, String, String) {
        var r = Array(ref), a = Array(alt), p = pos
        while let x = r.first, let y = a.first, x == y, r != a { r.removeFirst(); a.removeFirst(); p += 1 }
        let rs = r.isEmpty ? "-" : String(r), al = a.isEmpty ? "-" : String(a)
        if r.count == a.count { return (p, p + a.count - 1, rs, al, MAFTerms.variantType(ref: rs, alt: al)) }
        if r.count < a.count { return r.isEmpty ? (p - 1, p, rs, al, "INS") : (p, p + r.count - 1, rs, al, "INS") }
        return (p, p + r.count - 1, rs, al, "DEL")
    }

    /// OncoKB's MUTATION_EFFECT and ONCOGENIC words for nextline's functional class.
    static func oncoKBTerms(_ classification: String?) -> (String, String) {
        switch classification {
        case "oncogenic": return ("Gain-of-function", "Oncogenic")
        case "loss_of_function": return ("Loss-of-function", "Likely Oncogenic")
        case "polymorphism": return ("Likely Neutral", "Likely Neutral")
        case "vus": return ("Unknown", "Unknown")
        default: return ("Inconclusive", "Inconclusive")
        }
    }

    /// A MAF cell: the spreadsheet-safe TSV cell, except a lone `-` (MAF's empty allele) stays as it is.
    static func cell(_ s: String) -> String { s == "-" ? s : FindingsTSV.cell(s) }
}
