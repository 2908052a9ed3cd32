public import VariantModel

/// What a user should be told about how VAFs could (not) be read from a file's header: numeric fields
/// declared as text, and no VAF at all although the header declares a field that looks like one.
public enum MeasurementAdvice {
    /// Fields used for VAF and depth that htslib reads as text because the header declares Type=String.
    public static func stringTypedFields(header: VCFHeaderSummary, path: String, vafField: String?) -> [String] {
        var warnings: [String] = []
        for (kind, table) in [("FORMAT", header.format), ("INFO", header.info)] {
            for key in ["AF", "DP", "AD", "VAF"] where table[key]?.type == "String" && vafField != key {
                warnings.append("\(path): \(kind)/\(key) is declared Type=String, so it is not read as a number"
                                + (key == "AF" || key == "VAF" ? "; pass --vaf-field \(key) to read its text as the VAF" : ""))
            }
        }
        return warnings
    }

    /// When records were kept but none gave a VAF: the plausible field the records use without declaring
    /// it (declare it), else the plausible field the header declares, and the option to use.
    public static func noVAF(header: VCFHeaderSummary, path: String, sample: String?, undeclared: [String] = []) -> String {
        let plausible = ["TVAF", "VAF", "FREQ", "FA", "AF", "VF", "ALLELE_FREQ", "ALT_FREQ", "TAF", "AFR", "FRACTION", "VAF_T"]
        if let used = undeclared.first(where: { plausible.contains(String($0.split(separator: "/").last ?? "")) }) {
            let kind = used.hasPrefix("FORMAT/") ? "FORMAT" : "INFO"
            let key = used.split(separator: "/").last.map(String.init) ?? used
            return "\(path): no VAF could be read for sample \(sample ?? "?") (VAFs are 'not reported'); the records carry \(used) "
                + "but the header does not declare it: add ##\(kind)=<ID=\(key),Number=A,Type=Float,Description=\"...\"> "
                + "(bcftools annotate -h) and run again"
        }
        let declared = plausible.filter { header.format[$0] != nil || header.info[$0] != nil }
        let hint = declared.isEmpty ? "the file declares no allele-fraction field; give AD/DP or --vaf-field NAME"
            : "the header declares " + declared.map { (header.format[$0] != nil ? "FORMAT/" : "INFO/") + $0 }.joined(separator: ", ")
                + ": pass --vaf-field \(declared[0])"
        return "\(path): no VAF could be read for sample \(sample ?? "?") (VAFs are 'not reported'); \(hint)"
    }
}
