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

    public init(header: VCFHeaderSummary, path: String, vafField: String? = nil, depthField: String? = nil) {
        self.header = header; self.path = path; self.vafField = vafField; self.depthField = depthField
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

    var isVarScan: Bool {
        header.metaValues("source").contains { $0.lowercased().contains("varscan") }
            || (header.format["AD"]?.number == "1" && header.format["RD"] != nil)
    }

    /// Measures ALT number `altIndex` (1-based) of `record` in `sample`.
    public func measure(_ record: VariantRecord, altIndex k: Int, sample: SampleFields?) throws(InputProblem) -> SampleMeasurement {
        let nAlt = record.alternates.count
        var m = SampleMeasurement(sample: sample?.name ?? "")
        var vafs: [(source: String, value: Double)] = []
        func perAllele(_ values: [Double?], number: String?, field: String) throws(InputProblem) -> Double? {
            switch number {
            case "A":
                guard values.count == nAlt else {
                    throw problem(record, field, "has \(values.count) value(s), but Number=A needs \(nAlt) (one per ALT)"
                                  + (values.count == nAlt + 1 ? "; a decimal comma (0,12 for 0.12) written by a non-English locale?" : ""))
                }
                return values[k - 1]
            case "R":
                guard values.count == nAlt + 1 else {
                    throw problem(record, field, "has \(values.count) value(s), but Number=R needs \(nAlt + 1) (REF and each ALT)")
                }
                return values[k]
            default:
                if values.count == 1 && nAlt == 1 { return values[0] }
                if values.count == nAlt { return values[k - 1] }
                m.notes.append("\(field) has \(values.count) value(s) for \(nAlt) ALT alleles and Number=\(number ?? "?"): not tied to this ALT, not used")
                return nil
            }
        }
        func checkVAF(_ v: Double?, _ field: String) throws(InputProblem) -> Double? {
            guard let v else { return nil }
            guard v.isFinite, v >= 0, v <= 1 else {
                throw problem(record, field, "VAF \(v) is outside 0–1 (a percentage? pass --vaf-field with a fraction)")
            }
            return v
        }
        func checkCount(_ v: Double?, _ field: String) throws(InputProblem) -> Int? {
            guard let v else { return nil }
            guard v.isFinite, v >= 0, v < 1e9 else { throw problem(record, field, "count \(v) is negative or impossible") }
            return Int(v)
        }
        let fields = sample?.fields ?? [:]
        let fmt = header.format

        // Depth: --depth-field > FORMAT/DP > (later) sums of allele counts > INFO/DP.
        if let d = depthField {
            if let v = fields[d]?.numbers?.first ?? nil { m.depth = try checkCount(v, "FORMAT/\(d)"); m.depthSource = "FORMAT/\(d)" }
            else if let v = record.info[d]?.numbers?.first ?? nil { m.depth = try checkCount(v, "INFO/\(d)"); m.depthSource = "INFO/\(d)" }
        }
        // A Number=1 count with several values is a count mismatch (often a thousands separator, DP=1,500).
        func single(_ values: [Double?]?, _ field: String, declared: String?) throws(InputProblem) -> Double? {
            guard let values else { return nil }
            if values.count > 1 && declared == "1" {
                throw problem(record, field, "has \(values.count) values but the header declares Number=1 (a thousands separator such as 1,500, or a decimal comma?)")
            }
            return values.first ?? nil
        }
        if m.depth == nil, let v = try single(fields["DP"]?.numbers, "FORMAT/DP", declared: fmt["DP"]?.number) {
            m.depth = try checkCount(v, "FORMAT/DP"); m.depthSource = "FORMAT/DP"
        }

        // 1. --vaf-field (FORMAT first, then INFO); a string like "12.5%" is read as a percentage.
        if let f = vafField {
            if let v = try valueOf(field: f, in: fields, record: record, decl: fmt[f], altIndex: k, perAllele: perAllele) {
                vafs.append(("FORMAT/\(f)", try checkVAF(v, "FORMAT/\(f)") ?? v))
            } else if let v = try valueOf(field: f, in: record.info, record: record, decl: header.info[f], altIndex: k, perAllele: perAllele) {
                vafs.append(("INFO/\(f)", try checkVAF(v, "INFO/\(f)") ?? v))
            }
        }
        // 2. FORMAT/AF
        if let values = fields["AF"]?.numbers, let v = try checkVAF(try perAllele(values, number: fmt["AF"]?.number, field: "FORMAT/AF"), "FORMAT/AF") {
            vafs.append(("FORMAT/AF", v))
        }
        // 3. FORMAT/AD (+DP)
        if let ad = fields["AD"]?.numbers {
            if isVarScan && fmt["AD"]?.number == "1" {
                let alt = try checkCount(ad.first ?? nil, "FORMAT/AD")
                let ref = try checkCount(fields["RD"]?.numbers?.first ?? nil, "FORMAT/RD")
                m.altReads = alt
                if m.depth == nil, let alt, let ref { m.depth = alt + ref; m.depthSource = "FORMAT/AD+RD" }
                if let alt, let ref, alt + ref > 0 { vafs.append(("FORMAT/AD+RD", Double(alt) / Double(alt + ref))) }
            } else if (fmt["AD"]?.number == "R" || ad.count == nAlt + 1) && nAlt == 1 && ad.count > 2 {
                // An already-split record that kept the original multi-allelic AD (older `bcftools norm
                // -m-`): the counts cannot be tied to this ALT, so AD is not trusted; other fields still are.
                m.notes.append("FORMAT/AD has \(ad.count) values on a record with one ALT (split from a multi-allelic record with its AD left whole?): AD not used for the VAF")
            } else if fmt["AD"]?.number == "R" || ad.count == nAlt + 1 {
                guard ad.count == nAlt + 1 else {
                    throw problem(record, "FORMAT/AD", "has \(ad.count) value(s), but Number=R needs \(nAlt + 1)")
                }
                let alt = try checkCount(ad[k], "FORMAT/AD")
                m.altReads = alt
                let total = ad.compactMap { $0 }.reduce(0, +)
                if m.depth == nil, ad.allSatisfy({ $0 != nil }) { m.depth = Int(total); m.depthSource = "sum of FORMAT/AD" }
                if let alt, let depth = m.depth, depth > 0 {
                    vafs.append((m.depthSource == "FORMAT/DP" ? "FORMAT/AD+DP" : "FORMAT/AD", Double(alt) / Double(depth)))
                }
            } else {
                throw problem(record, "FORMAT/AD", "declared Number=\(fmt["AD"]?.number ?? "?") with \(ad.count) value(s); expected Number=R (REF and each ALT)")
            }
        }
        // 4. Caller-specific counts.
        if let vd = fields["VD"]?.numbers?.first ?? nil {          // VarDict
            let alt = try checkCount(vd, "FORMAT/VD")
            if m.altReads == nil { m.altReads = alt }
            if let alt, let d = m.depth, d > 0 { vafs.append(("FORMAT/VD+DP", Double(alt) / Double(d))) }
        }
        // Ion Torrent: flow-corrected FAO/FDP replace the raw AO/DP counts (which the caller itself
        // does not use for its calls).
        var ionTorrent = false
        if let fao = fields["FAO"]?.numbers, let fdpValue = fields["FDP"]?.numbers?.first ?? nil {
            ionTorrent = true
            let alt = try checkCount(try perAllele(fao, number: fmt["FAO"]?.number ?? "A", field: "FORMAT/FAO"), "FORMAT/FAO")
            let fdp = try checkCount(fdpValue, "FORMAT/FDP")
            m.altReads = alt
            if let fdp { m.depth = fdp; m.depthSource = "FORMAT/FDP" }
            if let alt, let fdp, fdp > 0 { vafs.append(("FORMAT/FAO+FDP", Double(alt) / Double(fdp))) }
        }
        if !ionTorrent, let ao = fields["AO"]?.numbers {                          // FreeBayes
            let alt = try checkCount(try perAllele(ao, number: fmt["AO"]?.number ?? "A", field: "FORMAT/AO"), "FORMAT/AO")
            let ro = try checkCount(fields["RO"]?.numbers?.first ?? nil, "FORMAT/RO")
            if m.altReads == nil { m.altReads = alt }
            let allAlt = ao.compactMap { $0 }.reduce(0, +)
            if m.depth == nil, let ro { m.depth = ro + Int(allAlt); m.depthSource = "FORMAT/RO+AO" }
            if let alt, let ro, Double(ro) + allAlt > 0 { vafs.append(("FORMAT/AO+RO", Double(alt) / (Double(ro) + allAlt))) }
        }
        if let tir = fields["TIR"]?.numbers, let tar = fields["TAR"]?.numbers {   // Strelka2 indels (tier 1)
            let alt = try checkCount(tir.first ?? nil, "FORMAT/TIR")
            let ref = try checkCount(tar.first ?? nil, "FORMAT/TAR")
            if m.altReads == nil { m.altReads = alt }
            if let alt, let ref, alt + ref > 0 {
                vafs.append(("FORMAT/TIR+TAR", Double(alt) / Double(alt + ref)))
                if m.depth == nil || m.depthSource == "FORMAT/DP" { m.depth = alt + ref; m.depthSource = "FORMAT/TAR+TIR" }
            }
        }
        let baseFields = ["A": "AU", "C": "CU", "G": "GU", "T": "TU"]
        if let altField = baseFields[record.alternates[k - 1].uppercased()], baseFields[record.reference.uppercased()] != nil,
           let altCounts = fields[altField]?.numbers {                              // Strelka2 SNVs (tier 1)
            let alt = try checkCount(altCounts.first ?? nil, "FORMAT/\(altField)")
            var total = 0.0
            var complete = true
            for f in ["AU", "CU", "GU", "TU"] {
                if let v = fields[f]?.numbers?.first ?? nil { total += v } else { complete = false }
            }
            if m.altReads == nil { m.altReads = alt }
            if complete, let alt, total > 0 {
                vafs.append(("FORMAT/\(altField) of AU+CU+GU+TU", Double(alt) / total))
                if m.depth == nil || m.depthSource == "FORMAT/DP" { m.depth = Int(total); m.depthSource = "FORMAT/AU+CU+GU+TU" }
            }
        }
        if let values = fields["VAF"]?.numbers,                      // DeepVariant (Number=A)
           let v = try checkVAF(try perAllele(values, number: fmt["VAF"]?.number ?? "A", field: "FORMAT/VAF"), "FORMAT/VAF") {
            vafs.append(("FORMAT/VAF", v))
        }
        if let values = fields["VF"]?.numbers,                       // Illumina Pisces (Number=1)
           let v = try checkVAF(try perAllele(values, number: fmt["VF"]?.number, field: "FORMAT/VF"), "FORMAT/VF") {
            vafs.append(("FORMAT/VF", v))
        }
        if let nv = fields["NV"]?.numbers, let nr = fields["NR"]?.numbers {   // Platypus: NV alt reads, NR depth (per ALT)
            let alt = try checkCount(try perAllele(nv, number: fmt["NV"]?.number ?? "A", field: "FORMAT/NV"), "FORMAT/NV")
            let depth = try checkCount(try perAllele(nr, number: fmt["NR"]?.number ?? "A", field: "FORMAT/NR"), "FORMAT/NR")
            if m.altReads == nil { m.altReads = alt }
            if m.depth == nil, let depth { m.depth = depth; m.depthSource = "FORMAT/NR" }
            if let alt, let depth, depth > 0 { vafs.append(("FORMAT/NV+NR", Double(alt) / Double(depth))) }
        }
        if sample == nil || fields.isEmpty, let dp4 = record.info["DP4"]?.numbers, dp4.count == 4, nAlt == 1 {   // LoFreq/samtools INFO/DP4
            let c = dp4.map { $0 ?? 0 }
            let alt = Int(c[2] + c[3]), total = Int(c.reduce(0, +))
            if m.altReads == nil { m.altReads = alt }
            if m.depth == nil, total > 0 { m.depth = total; m.depthSource = "INFO/DP4" }
            if total > 0 { vafs.append(("INFO/DP4", Double(alt) / Double(total))) }
        }
        if let freq = fields["FREQ"]?.stringValue {                 // VarScan "12.5%"
            let text = freq.hasSuffix("%") ? String(freq.dropLast()) : freq
            let parts = text.split(separator: ",")
            let pick = parts.count == nAlt ? String(parts[k - 1]) : (parts.count == 1 && nAlt == 1 ? String(parts[0]) : nil)
            if let pick {
                guard let pct = Double(pick) else { throw problem(record, "FORMAT/FREQ", "'\(freq)' is not a percentage") }
                guard pct >= 0, pct <= 100 else { throw problem(record, "FORMAT/FREQ", "'\(freq)' is outside 0–100%") }
                vafs.append(("FORMAT/FREQ", pct / 100))
            }
        }
        // 5. INFO/AF, last resort, only when it is not a population frequency.
        if vafs.isEmpty, !infoAFIsPopulation, let values = record.info["AF"]?.numbers,
           let v = try checkVAF(try perAllele(values, number: header.info["AF"]?.number, field: "INFO/AF"), "INFO/AF") {
            vafs.append(("INFO/AF", v))
        }
        if m.depth == nil, let v = try single(record.info["DP"]?.numbers, "INFO/DP", declared: header.info["DP"]?.number) {
            m.depth = try checkCount(v, "INFO/DP"); m.depthSource = "INFO/DP"
        }
        if m.depth == 0, let v = vafs.first?.value, v > 0 {
            m.notes.append("depth 0 with a non-zero VAF (\(v) from \(vafs.first?.source ?? "?")): the depth field is not trustworthy here")
        }
        // Every source, counts included: a VAF above 1 is impossible (alt reads exceeding the depth).
        for v in vafs where !(v.value.isFinite && v.value >= 0 && v.value <= 1) {
            throw problem(record, v.source, "gives VAF \(v.value): the alt reads exceed the depth (\(m.altReads.map(String.init) ?? "?") alt reads, depth \(m.depth.map(String.init) ?? "?")); an impossible VAF rejects the file")
        }
        if let first = vafs.first {
            m.vaf = first.value
            m.vafSource = first.source
            for other in vafs.dropFirst() where abs(other.value - first.value) > 0.02 {
                if !m.disagreements.contains(where: { $0.source == other.source }) {
                    m.disagreements.append(VAFDisagreement(source: other.source, vaf: other.value))
                }
            }
        }
        // Genotype and detection: GT 0/0, zero alt reads or VAF 0 is a not-detected observation.
        if let gt = sample?.genotype {
            m.genotype = gt.map { $0.map(String.init) ?? "." }.joined(separator: sample?.phased == true ? "|" : "/")
            // A phased heterozygous call: which haplotype carries this ALT, within which phase set.
            if sample?.phased == true, gt.count == 2, gt.filter({ $0 == k }).count == 1, let h = gt.firstIndex(of: k) {
                m.haplotype = h
                m.phaseSet = sample?.fields["PS"].map { v in (v.numbers?.first ?? nil).map { String(Int($0)) } ?? v.stringValue ?? "" } ?? "(no PS: the record's own)"
            }
            if !gt.isEmpty, gt.allSatisfy({ $0 == 0 }) { m.detected = false }
            if !gt.isEmpty, gt.allSatisfy({ $0 != nil }), !gt.contains(k), gt.contains(where: { ($0 ?? 0) > 0 }) {
                // another ALT of a multi-allelic record is called here, not this one
                if m.altReads == 0 || m.vaf == 0 { m.detected = false }
            }
        }
        if m.altReads == 0 || m.vaf == 0 { m.detected = false }
        return m
    }

    private func valueOf(field: String, in values: [String: FieldValue], record: VariantRecord, decl: FieldDeclaration?,
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

    private func problem(_ record: VariantRecord, _ field: String, _ message: String) -> InputProblem {
        InputProblem(path: path, location: record.location, message: "\(field) \(message)")
    }
}
