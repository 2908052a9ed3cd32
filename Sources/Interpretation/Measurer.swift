public import VariantModel

/// Reads VAF, alt reads and depth of one ALT allele in one sample from whatever the caller wrote.
///
/// Precedence (docs/interpretation.md, issue 2): `--vaf-field` > tumour `FORMAT/AF` > `FORMAT/AD` with `DP` >
/// caller-specific counts (VarDict `VD`, FreeBayes `AO/RO`, Ion Torrent `FAO/FDP`, Strelka2 `TAR/TIR`
/// and `AU/CU/GU/TU`, DeepVariant `VAF`, Pisces `VF`, Platypus `NV/NR`, LoFreq `INFO/DP4`, VarScan
/// `FREQ`/`AD`+`RD`) > `INFO/AF` when its Description does not call it a population frequency. Every field is read by its declared Number (`A`, `R`, `1`): VarScan's `AD`
/// (Number=1, beside `RD`) is the alt depth, not an allele list. Values the file does not report stay
/// `nil` ("not reported"), never 0. Two VAF sources more than 0.02 apart are both kept.
public struct Measurer: Sendable {
    public var vafField: String?
    public var depthField: String?
    public let header: VCFHeaderSummary
    public let path: String

    /// VarScan's conventions (AD = alt only, RD = ref), read from the header once, not per record.
    let isVarScan: Bool

    public init(header: VCFHeaderSummary, path: String, vafField: String? = nil, depthField: String? = nil) {
        self.header = header; self.path = path; self.vafField = vafField; self.depthField = depthField
        isVarScan = header.metaValues("source").contains { $0.lowercased().contains("varscan") }
            || (header.format["AD"]?.number == "1" && header.format["RD"] != nil)
    }

    /// FORMAT fields the measurer may read (the reader decodes only these).
    public var formatFields: [String] {
        var f = ["AF", "AD", "DP", "VD", "AO", "RO", "AU", "CU", "GU", "TU", "TAR", "TIR", "FREQ", "RD", "FAO", "FDP", "CN", "FC", "LOG2R", "MIN_DP", "VAF", "VF", "NR", "NV", "PS"]
        if let v = vafField { f.append(v) }
        if let d = depthField { f.append(d) }
        return f.filter { header.format[$0] != nil }
    }

    /// INFO fields used as a last resort or for structural records.
    public var infoFields: [String] {
        var f = ["AF", "DP", "DP4", "END", "SVTYPE", "SVLEN", "CN", "FOLD_CHANGE", "FOLD_CHANGE_LOG", "LOG2R", "CSQ", "ANN", "EFF", "BCSQ"] + AnnotationParser.populationInfoFields
        if let v = vafField { f.append(v) }
        if let d = depthField { f.append(d) }
        return f.filter { header.info[$0] != nil }
    }

    /// Whether INFO/AF is described as a population frequency (gnomAD, 1000 Genomes, ExAC, …).
    public var infoAFIsPopulation: Bool {
        guard let d = header.info["AF"]?.description.lowercased() else { return false }
        return ["population", "gnomad", "1000 genomes", "1000g", "exac", "dbsnp", "cohort", "esp", "topmed"].contains { d.contains($0) }
    }


    /// Measures ALT number `altIndex` (1-based) of `record` in `sample`, source by source in the order of
    /// precedence (``MeasurementReading``).
    public func measure(_ record: VariantRecord, altIndex k: Int, sample: SampleFields?) throws(InputProblem) -> SampleMeasurement {
        var r = MeasurementReading(measurer: self, record: record, altIndex: k, sample: sample)
        try r.readDepth()
        try r.readRequestedField()
        try r.readFormatAF()
        try r.readAlleleDepths()
        try r.readCallerCounts()
        try r.readStrelkaCounts()
        try r.readCallerFractions()
        try r.readLastResorts()
        try r.settleVAF()
        r.readGenotype()
        return r.m
    }

    func valueOf(field: String, in values: [String: FieldValue], record: VariantRecord, decl: FieldDeclaration?,
                         altIndex k: Int,
                         perAllele: ([Double?], String?, String) throws(InputProblem) -> Double?) throws(InputProblem) -> Double? {
        guard let v = values[field] else { return nil }
        if let numbers = v.numbers { return try perAllele(numbers, decl?.number, field) }
        if let s = v.stringValue {
            let parts = s.split(separator: ",").map(String.init)
            guard let pick = parts.count == record.alternates.count ? parts[k - 1] : (parts.count == 1 ? parts[0] : nil)
            else { return nil }
            var text = pick
            var scale = 1.0
            if text.hasSuffix("%") { text.removeLast(); scale = 100 }
            guard let d = Double(text) else { throw problem(record, field, "'\(s)' is not a number") }
            return d / scale
        }
        return nil
    }

    func problem(_ record: VariantRecord, _ field: String, _ message: String) -> InputProblem {
        InputProblem(path: path, location: record.location, message: "\(field) \(message)")
    }
}
