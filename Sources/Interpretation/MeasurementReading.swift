public import VariantModel

/// One measurement being read (``Measurer/measure(_:altIndex:sample:)``): the record, the ALT, the sample's
/// fields, and what has been found so far. Each `read…` step adds the sources of one family; VAFs are
/// collected in order of precedence and settled at the end (the first wins, the others are checked).
struct MeasurementReading {
    let measurer: Measurer
    let record: VariantRecord
    /// 1-based ALT index.
    let k: Int
    let nAlt: Int
    let sample: SampleFields?
    let fields: [String: FieldValue]
    let format: [String: FieldDeclaration]
    var m: SampleMeasurement
    var vafs: [(source: String, value: Double)] = []
    var ionTorrent = false

    init(measurer: Measurer, record: VariantRecord, altIndex: Int, sample: SampleFields?) {
        self.measurer = measurer; self.record = record; k = altIndex; nAlt = record.alternates.count
        self.sample = sample; fields = sample?.fields ?? [:]; format = measurer.header.format
        m = SampleMeasurement(sample: sample?.name ?? "")
    }

    func problem(_ field: String, _ message: String) -> InputProblem { measurer.problem(record, field, message) }

    // MARK: reading values by their declared Number

    /// The value of this ALT from a per-allele field, by its declared Number.
    mutating func perAllele(_ values: [Double?], number: String?, field: String) throws(InputProblem) -> Double? {
        switch number {
        case "A":
            guard values.count == nAlt else {
                throw problem(field, "has \(values.count) value(s), but Number=A needs \(nAlt) (one per ALT)"
                              + (values.count == nAlt + 1 ? "; a decimal comma (0,12 for 0.12) written by a non-English locale?" : ""))
            }
            return values[k - 1]
        case "R":
            guard values.count == nAlt + 1 else {
                throw problem(field, "has \(values.count) value(s), but Number=R needs \(nAlt + 1) (REF and each ALT)")
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
            throw problem(field, "VAF \(v) is outside 0–1 (a percentage? pass --vaf-field with a fraction)")
        }
        return v
    }

    func checkCount(_ v: Double?, _ field: String) throws(InputProblem) -> Int? {
        guard let v else { return nil }
        guard v.isFinite, v >= 0, v < 1e9 else { throw problem(field, "count \(v) is negative or impossible") }
        return Int(v)
    }

    /// A Number=1 count with several values is a count mismatch (often a thousands separator, DP=1,500).
    func single(_ values: [Double?]?, _ field: String, declared: String?) throws(InputProblem) -> Double? {
        guard let values else { return nil }
        if values.count > 1 && declared == "1" {
            throw problem(field, "has \(values.count) values but the header declares Number=1 (a thousands separator such as 1,500, or a decimal comma?)")
        }
        return values.first ?? nil
    }

    // MARK: sources, in order of precedence

    /// Depth: --depth-field > FORMAT/DP (sums of allele counts and INFO/DP come later, when still missing).
    mutating func readDepth() throws(InputProblem) {
        if let d = measurer.depthField {
            if let v = fields[d]?.numbers?.first ?? nil { m.depth = try checkCount(v, "FORMAT/\(d)"); m.depthSource = "FORMAT/\(d)" }
            else if let v = record.info[d]?.numbers?.first ?? nil { m.depth = try checkCount(v, "INFO/\(d)"); m.depthSource = "INFO/\(d)" }
        }
        if m.depth == nil, let v = try single(fields["DP"]?.numbers, "FORMAT/DP", declared: format["DP"]?.number) {
            m.depth = try checkCount(v, "FORMAT/DP"); m.depthSource = "FORMAT/DP"
        }
    }

    /// 1. --vaf-field (FORMAT first, then INFO); a string like "12.5%" is read as a percentage.
    mutating func readRequestedField() throws(InputProblem) {
        guard let f = measurer.vafField else { return }
        var copy = self
        let read: ([Double?], String?, String) throws(InputProblem) -> Double? = { v, n, field throws(InputProblem) in
            try copy.perAllele(v, number: n, field: field)
        }
        if let v = try measurer.valueOf(field: f, in: fields, record: record, decl: format[f], altIndex: k, perAllele: read) {
            vafs.append(("FORMAT/\(f)", try checkVAF(v, "FORMAT/\(f)") ?? v))
        } else if let v = try measurer.valueOf(field: f, in: record.info, record: record, decl: measurer.header.info[f], altIndex: k, perAllele: read) {
            vafs.append(("INFO/\(f)", try checkVAF(v, "INFO/\(f)") ?? v))
        }
        m.notes = copy.m.notes
    }

    /// 2. FORMAT/AF
    mutating func readFormatAF() throws(InputProblem) {
        if let values = fields["AF"]?.numbers, let v = try checkVAF(try perAllele(values, number: format["AF"]?.number, field: "FORMAT/AF"), "FORMAT/AF") {
            vafs.append(("FORMAT/AF", v))
        }
    }

    /// 3. FORMAT/AD (+DP), or VarScan's AD+RD (AD Number=1 is its alt depth).
    mutating func readAlleleDepths() throws(InputProblem) {
        guard let ad = fields["AD"]?.numbers else { return }
        if measurer.isVarScan && format["AD"]?.number == "1" {
            let alt = try checkCount(ad.first ?? nil, "FORMAT/AD")
            let ref = try checkCount(fields["RD"]?.numbers?.first ?? nil, "FORMAT/RD")
            m.altReads = alt
            if m.depth == nil, let alt, let ref { m.depth = alt + ref; m.depthSource = "FORMAT/AD+RD" }
            if let alt, let ref, alt + ref > 0 { vafs.append(("FORMAT/AD+RD", Double(alt) / Double(alt + ref))) }
        } else if (format["AD"]?.number == "R" || ad.count == nAlt + 1) && nAlt == 1 && ad.count > 2 {
            // An already-split record that kept the original multi-allelic AD (older `bcftools norm
            // -m-`): the counts cannot be tied to this ALT, so AD is not trusted; other fields still are.
            m.notes.append("FORMAT/AD has \(ad.count) values on a record with one ALT (split from a multi-allelic record with its AD left whole?): AD not used for the VAF")
        } else if format["AD"]?.number == "R" || ad.count == nAlt + 1 {
            guard ad.count == nAlt + 1 else {
                throw problem("FORMAT/AD", "has \(ad.count) value(s), but Number=R needs \(nAlt + 1)")
            }
            let alt = try checkCount(ad[k], "FORMAT/AD")
            m.altReads = alt
            let total = ad.compactMap { $0 }.reduce(0, +)
            if m.depth == nil, ad.allSatisfy({ $0 != nil }) { m.depth = Int(total); m.depthSource = "sum of FORMAT/AD" }
            if let alt, let depth = m.depth, depth > 0 {
                vafs.append((m.depthSource == "FORMAT/DP" ? "FORMAT/AD+DP" : "FORMAT/AD", Double(alt) / Double(depth)))
            }
        } else {
            throw problem("FORMAT/AD", "declared Number=\(format["AD"]?.number ?? "?") with \(ad.count) value(s); expected Number=R (REF and each ALT)")
        }
    }

    /// 4a. VarDict VD, Ion Torrent FAO/FDP (flow-corrected; they replace the raw AO/DP), FreeBayes AO/RO.
    mutating func readCallerCounts() throws(InputProblem) {
        if let vd = fields["VD"]?.numbers?.first ?? nil {
            let alt = try checkCount(vd, "FORMAT/VD")
            if m.altReads == nil { m.altReads = alt }
            if let alt, let d = m.depth, d > 0 { vafs.append(("FORMAT/VD+DP", Double(alt) / Double(d))) }
        }
        if let fao = fields["FAO"]?.numbers, let fdpValue = fields["FDP"]?.numbers?.first ?? nil {
            ionTorrent = true
            let alt = try checkCount(try perAllele(fao, number: format["FAO"]?.number ?? "A", field: "FORMAT/FAO"), "FORMAT/FAO")
            let fdp = try checkCount(fdpValue, "FORMAT/FDP")
            m.altReads = alt
            if let fdp { m.depth = fdp; m.depthSource = "FORMAT/FDP" }
            if let alt, let fdp, fdp > 0 { vafs.append(("FORMAT/FAO+FDP", Double(alt) / Double(fdp))) }
        }
        if !ionTorrent, let ao = fields["AO"]?.numbers {
            let alt = try checkCount(try perAllele(ao, number: format["AO"]?.number ?? "A", field: "FORMAT/AO"), "FORMAT/AO")
            let ro = try checkCount(fields["RO"]?.numbers?.first ?? nil, "FORMAT/RO")
            if m.altReads == nil { m.altReads = alt }
            let allAlt = ao.compactMap { $0 }.reduce(0, +)
            if m.depth == nil, let ro { m.depth = ro + Int(allAlt); m.depthSource = "FORMAT/RO+AO" }
            if let alt, let ro, Double(ro) + allAlt > 0 { vafs.append(("FORMAT/AO+RO", Double(alt) / (Double(ro) + allAlt))) }
        }
    }

    /// 4b. Strelka2 tier-1 counts: TIR/TAR for indels, AU/CU/GU/TU for SNVs.
    mutating func readStrelkaCounts() throws(InputProblem) {
        if let tir = fields["TIR"]?.numbers, let tar = fields["TAR"]?.numbers {
            let alt = try checkCount(tir.first ?? nil, "FORMAT/TIR")
            let ref = try checkCount(tar.first ?? nil, "FORMAT/TAR")
            if m.altReads == nil { m.altReads = alt }
            if let alt, let ref, alt + ref > 0 {
                vafs.append(("FORMAT/TIR+TAR", Double(alt) / Double(alt + ref)))
                if m.depth == nil || m.depthSource == "FORMAT/DP" { m.depth = alt + ref; m.depthSource = "FORMAT/TAR+TIR" }
            }
        }
        // Strelka2 SNV counts: one field per base; an SNV only.
        func baseField(_ allele: String) -> String? {
            guard allele.utf8.count == 1, let b = allele.utf8.first else { return nil }
            switch b | 0x20 {
            case UInt8(ascii: "a"): return "AU"
            case UInt8(ascii: "c"): return "CU"
            case UInt8(ascii: "g"): return "GU"
            case UInt8(ascii: "t"): return "TU"
            default: return nil
            }
        }
        guard let altField = baseField(record.alternates[k - 1]), baseField(record.reference) != nil,
              let altCounts = fields[altField]?.numbers else { return }
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

    /// 4c. Fractions and counts other callers write: DeepVariant VAF, Pisces VF, Platypus NV/NR, VarScan FREQ.
    mutating func readCallerFractions() throws(InputProblem) {
        if let values = fields["VAF"]?.numbers,
           let v = try checkVAF(try perAllele(values, number: format["VAF"]?.number ?? "A", field: "FORMAT/VAF"), "FORMAT/VAF") {
            vafs.append(("FORMAT/VAF", v))
        }
        if let values = fields["VF"]?.numbers,
           let v = try checkVAF(try perAllele(values, number: format["VF"]?.number, field: "FORMAT/VF"), "FORMAT/VF") {
            vafs.append(("FORMAT/VF", v))
        }
        if let nv = fields["NV"]?.numbers, let nr = fields["NR"]?.numbers {
            let alt = try checkCount(try perAllele(nv, number: format["NV"]?.number ?? "A", field: "FORMAT/NV"), "FORMAT/NV")
            let depth = try checkCount(try perAllele(nr, number: format["NR"]?.number ?? "A", field: "FORMAT/NR"), "FORMAT/NR")
            if m.altReads == nil { m.altReads = alt }
            if m.depth == nil, let depth { m.depth = depth; m.depthSource = "FORMAT/NR" }
            if let alt, let depth, depth > 0 { vafs.append(("FORMAT/NV+NR", Double(alt) / Double(depth))) }
        }
        if let freq = fields["FREQ"]?.stringValue {
            let text = freq.hasSuffix("%") ? String(freq.dropLast()) : freq
            let parts = text.split(separator: ",")
            let pick = parts.count == nAlt ? String(parts[k - 1]) : (parts.count == 1 && nAlt == 1 ? String(parts[0]) : nil)
            if let pick {
                guard let pct = Double(pick) else { throw problem("FORMAT/FREQ", "'\(freq)' is not a percentage") }
                guard pct >= 0, pct <= 100 else { throw problem("FORMAT/FREQ", "'\(freq)' is outside 0–100%") }
                vafs.append(("FORMAT/FREQ", pct / 100))
            }
        }
    }

    /// 5. Sites-only files: LoFreq/samtools INFO/DP4; INFO/AF when it is not a population frequency; INFO/DP.
    mutating func readLastResorts() throws(InputProblem) {
        if sample == nil || fields.isEmpty, let dp4 = record.info["DP4"]?.numbers, dp4.count == 4, nAlt == 1 {
            let c = dp4.map { $0 ?? 0 }
            let alt = Int(c[2] + c[3]), total = Int(c.reduce(0, +))
            if m.altReads == nil { m.altReads = alt }
            if m.depth == nil, total > 0 { m.depth = total; m.depthSource = "INFO/DP4" }
            if total > 0 { vafs.append(("INFO/DP4", Double(alt) / Double(total))) }
        }
        if vafs.isEmpty, !measurer.infoAFIsPopulation, let values = record.info["AF"]?.numbers,
           let v = try checkVAF(try perAllele(values, number: measurer.header.info["AF"]?.number, field: "INFO/AF"), "INFO/AF") {
            vafs.append(("INFO/AF", v))
        }
        if m.depth == nil, let v = try single(record.info["DP"]?.numbers, "INFO/DP", declared: measurer.header.info["DP"]?.number) {
            m.depth = try checkCount(v, "INFO/DP"); m.depthSource = "INFO/DP"
        }
    }

    /// The first VAF by precedence; the others are kept when they disagree. A VAF above 1 from any source
    /// (alt reads exceeding the depth) rejects the file.
    mutating func settleVAF() throws(InputProblem) {
        if m.depth == 0, let v = vafs.first?.value, v > 0 {
            m.notes.append("depth 0 with a non-zero VAF (\(v) from \(vafs.first?.source ?? "?")): the depth field is not trustworthy here")
        }
        for v in vafs where !(v.value.isFinite && v.value >= 0 && v.value <= 1) {
            throw problem(v.source, "gives VAF \(v.value): the alt reads exceed the depth (\(m.altReads.map(String.init) ?? "?") alt reads, depth \(m.depth.map(String.init) ?? "?")); an impossible VAF rejects the file")
        }
        guard let first = vafs.first else { return }
        m.vaf = first.value
        m.vafSource = first.source
        for other in vafs.dropFirst() where abs(other.value - first.value) > 0.02 {
            if !m.disagreements.contains(where: { $0.source == other.source }) {
                m.disagreements.append(VAFDisagreement(source: other.source, vaf: other.value))
            }
        }
    }

    /// Genotype, phase and detection: GT 0/0, zero alt reads or VAF 0 is a not-detected observation.
    mutating func readGenotype() {
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
    }
}
