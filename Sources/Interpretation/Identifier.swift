public import VariantModel
public import Catalogue

/// Turns records into findings: normalise (split ALTs, trim, route symbolic alleles), identify (the
/// file's annotations, then the built-in hotspot table, then gene spans), measure (``Measurer``).
///
/// Sources in order (docs/interpretation.md): the consequence engine (not in this version), the file's own
/// annotations (VEP CSQ, SnpEff ANN/EFF, bcftools BCSQ; MANE Select transcript preferred), the
/// built-in hotspot table. A record inside a watched gene's span that none of them places is
/// listed as not assessable with the reason, never dropped.
public final class Identifier {
    public let catalogue: Catalogue
    /// nextline's own consequence engine (first identification source) when `--reference/--gff` are given.
    public var predictor: ((Allele) -> [TranscriptAnnotation])?
    public let build: GenomeBuild
    public let watchedGenes: Set<String>
    let parser: AnnotationParser
    let measurer: Measurer
    let hotspotsByAllele: [Allele: [Hotspot]]
    let manes: [String: Set<String>]   // gene → MANE transcript ids without version (ENST and NM)

    public init(catalogue: Catalogue, build: GenomeBuild, header: VCFHeaderSummary, measurer: Measurer) {
        self.catalogue = catalogue
        self.build = build
        self.watchedGenes = WatchedGenes.of(catalogue)
        self.parser = AnnotationParser(header: header)
        self.measurer = measurer
        var index: [Allele: [Hotspot]] = [:]
        for h in catalogue.hotspots { if let a = h.alleles[build] { index[a, default: []].append(h) } }
        hotspotsByAllele = index
        var m: [String: Set<String>] = [:]
        for s in catalogue.geneSpans { m[s.gene, default: []].insert(transcriptBase(s.transcript)) }
        for h in catalogue.hotspots {
            for t in [h.transcript, h.refseq].compactMap({ $0 }) { m[h.gene, default: []].insert(transcriptBase(t)) }
        }
        manes = m
        var spans: [String: [(start: Int, end: Int, gene: String)]] = [:]
        for s in catalogue.geneSpans where s.build == build && watchedGenes.contains(s.gene) {
            spans[s.chromosome, default: []].append((s.start, s.end, s.gene))
        }
        for h in catalogue.hotspots {
            if let r = h.regions[build] { spans[r.chromosome, default: []].append((r.start, r.end, h.gene)) }
        }
        spansByChromosome = spans
    }

    /// Watched-gene spans (and hotspot regions) of this build per chromosome, for overlap tests.
    let spansByChromosome: [String: [(start: Int, end: Int, gene: String)]]

    /// Intervals of the watched genes with a known span in this build, for the reader's pre-filter.
    public var regions: [String: [ClosedRange<Int>]] {
        var out: [String: [ClosedRange<Int>]] = [:]
        for s in catalogue.geneSpans where s.build == build && watchedGenes.contains(s.gene) {
            out[s.chromosome, default: []].append(s.start...s.end)
        }
        for h in catalogue.hotspots {
            if let a = h.alleles[build] { out[a.chromosome, default: []].append(a.position...a.end) }
            if let r = h.regions[build] { out[r.chromosome, default: []].append(r.start...r.end) }
        }
        return out
    }

    /// Watched genes without a span in this build: only the file's annotations can place them.
    public var genesWithoutSpan: [String] {
        let spanned = Set(catalogue.geneSpans.filter { $0.build == build }.map(\.gene))
        return watchedGenes.subtracting(spanned).sorted()
    }

    func genesAt(chromosome: String, start: Int, end: Int) -> [String] {
        guard let spans = spansByChromosome[chromosome] else { return [] }
        var out: [String] = []
        for s in spans where start <= s.end && end >= s.start && !out.contains(s.gene) { out.append(s.gene) }
        return out.sorted()
    }

    /// Identifies and measures every ALT of a record in the chosen sample.
    private var transcriptBaseCache: [String: String] = [:]
    /// ``transcriptBase(_:)`` remembered per transcript id (the same few ids recur for every allele).
    func base(_ transcript: String) -> String {
        if let b = transcriptBaseCache[transcript] { return b }
        let b = transcriptBase(transcript)
        transcriptBaseCache[transcript] = b
        return b
    }

    private var contigCache: [String: String?] = [:]
    /// ``ContigName/canonical(_:)`` remembered per contig name (called for every record).
    public func canonical(_ contig: String) -> String? {
        if let c = contigCache[contig] { return c }
        let c = ContigName.canonical(contig)
        contigCache[contig] = c
        return c
    }

    /// Identifies every ALT of a record in a watched gene (findings), a record nothing can place
    /// (not assessable), or a reference call with depth (evidence of absence); counts what is skipped.
    public func identify(_ record: VariantRecord, sample: String?, source: String, into result: inout ScanResult) throws(InputProblem) {
        guard let chrom = canonical(record.contig) else { result.skipped["non_primary_contig", default: 0] += 1; return }
        let sampleFields = sample.flatMap { s in record.samples.first { $0.name == s } }
        let onlyReference = record.alternates.allSatisfy { $0 == "<NON_REF>" || $0 == "<*>" }
        if record.alternates.isEmpty || onlyReference {
            result.referenceBlocks.append(referenceBlock(record, chrom: chrom, fields: sampleFields?.fields ?? [:]))
            result.skipped[record.alternates.isEmpty ? "no_alt_allele (ALT '.')" : "reference_block (<NON_REF>/<*>)", default: 0] += 1
            return
        }
        for (i, alt) in record.alternates.enumerated() {
            if alt == "*" { result.skipped["star_allele (spanning deletion)", default: 0] += 1; continue }
            if alt == "." || alt.isEmpty { result.skipped["no_alt_allele (ALT '.')", default: 0] += 1; continue }
            if alt == "<NON_REF>" || alt == "<*>" { result.skipped["reference_block (<NON_REF>/<*>)", default: 0] += 1; continue }
            try identify(record, altIndex: i + 1, chrom: chrom, sampleFields: sampleFields, source: source, into: &result)
        }
    }

    /// A reference call with depth (gVCF block, ALT '.'): evidence of absence for origin calls.
    func referenceBlock(_ record: VariantRecord, chrom: String, fields: [String: FieldValue]) -> ReferenceBlock {
        let depth = (fields["MIN_DP"]?.numbers?.first ?? nil) ?? (fields["DP"]?.numbers?.first ?? nil)
        let end = record.info["END"]?.numbers?.first.flatMap { $0 }.map { Int($0) } ?? (record.position + max(record.reference.count, 1) - 1)
        var block = ReferenceBlock(chromosome: chrom, start: record.position, end: max(end, record.position), depth: depth.map { Int($0) })
        block.copyNumberMeasured = record.alternates.isEmpty
            && (fields["FC"] != nil || fields["CN"] != nil || record.info["SVTYPE"]?.stringValue?.uppercased() == "CNV"
                || record.info["FOLD_CHANGE"] != nil || record.info["FOLD_CHANGE_LOG"] != nil)
        return block
    }

    /// One ALT of a record: measured, then placed by annotation, engine or hotspot table, or listed.
    func identify(_ record: VariantRecord, altIndex k: Int, chrom: String, sampleFields: SampleFields?, source: String,
                  into result: inout ScanResult) throws(InputProblem) {
        let alt = record.alternates[k - 1]
        var measurement = try sampleFields.map { s throws(InputProblem) in try measurer.measure(record, altIndex: k, sample: s) }
        if sampleFields == nil {
            // Sites-only file (LoFreq and others): INFO/AF, INFO/DP4 and INFO/DP describe the one sample.
            let m = try measurer.measure(record, altIndex: k, sample: nil)
            if m.vaf != nil || m.altReads != nil { measurement = m; measurement?.sample = "INFO" }
        }
        if alt.hasPrefix("<") || alt.contains("[") || alt.contains("]") {
            identifyStructural(record, chrom: chrom, alt: alt, measurement: measurement, source: source, into: &result)
            return
        }
        let altIsSequence = alt.utf8.allSatisfy(Identifier.isSequenceBase)
        guard altIsSequence, record.reference.utf8.allSatisfy(Identifier.isSequenceBase) else {
            result.skipped["unsupported_allele_text", default: 0] += 1
            let which = altIsSequence
                ? "REF '\(record.reference.prefix(40))' holds a base other than A, C, G, T or N (an IUPAC code?)"
                : "ALT '\(alt.prefix(40))' is not a sequence or a known symbolic allele"
            result.warnings.append("\(source): \(record.location): \(which); not evaluated")
            return
        }
        if alt.utf8.elementsEqual(record.reference.utf8, by: { $0 & 0xDF == $1 & 0xDF }) {   // A/C/G/T/N, either case
            result.skipped["alt_equals_ref", default: 0] += 1; return
        }
        let allele = Allele(chromosome: chrom, position: record.position, reference: record.reference, alternate: alt).normalised()
        let predicted = (predictor?(allele) ?? []).filter { watchedGenes.contains($0.gene) }
        let annotations = parser.annotations(of: record, altIndex: k)
        let hotspots = hotspotsByAllele[allele] ?? []
        let watchedAnnotations = annotations.filter { watchedGenes.contains($0.gene) }

        var finding = Finding(gene: "", contig: record.contig, position: allele.position, reference: allele.reference,
                              alternate: allele.alternate, build: build, source: source)
        if parser.hasPopulationFields, let (af, field) = parser.populationFrequency(of: record, altIndex: k) {
            finding.populationFrequency = af
            finding.populationFrequencySource = field
        }
        finding.allele = allele
        finding.measurement = measurement
        finding.filters = record.filters
        finding.line = record.line
        for c in annotations where c.source.contains("compound") {
            if let w = c.hgvspAsWritten { finding.disagreements.append("bcftools BCSQ: consequence combined with the record at \(w.dropFirst())") }
        }
        if let chosen = choose(predicted, hotspots: hotspots) ?? choose(watchedAnnotations, hotspots: hotspots) {
            apply(chosen, others: watchedAnnotations, hotspots: hotspots, to: &finding)
        } else if let h = hotspots.first {
            Identifier.apply(hotspot: h, to: &finding)
        } else if let gene = genesAt(chromosome: chrom, start: allele.position, end: allele.end).first {
            result.notAssessable.append(NotAssessable(gene: gene, contig: record.contig, position: allele.position,
                                                      reference: allele.reference, alternate: allele.alternate,
                                                      reason: notAssessableReason(gene, predicted: predictor != nil),
                                                      line: record.line))
            return
        } else {
            result.skipped["outside_watched_genes", default: 0] += 1
            return
        }
        for note in measurement?.notes ?? [] {
            result.warnings.append("\(source): \(record.location): \(note)")
        }
        if let m = measurement {
            for d in m.disagreements {
                result.warnings.append("\(source): \(record.location): VAF \(m.vaf.map { String($0) } ?? "?") from \(m.vafSource ?? "?") disagrees with \(d.vaf) from \(d.source)")
            }
        }
        result.findings.append(finding)
    }

    /// The chosen annotation (the engine's, or the file's MANE-first choice) names the finding; the
    /// hotspot table and the other annotations of the same transcript are checked against it.
    func apply(_ chosen: TranscriptAnnotation, others watchedAnnotations: [TranscriptAnnotation], hotspots: [Hotspot],
               to finding: inout Finding) {
        if chosen.source != parser.sourceName(of: chosen) {
            // Compare the engine with the file's own annotation on the same transcript.
            for other in watchedAnnotations where other.gene == chosen.gene
                && other.transcript.map(transcriptBase) == chosen.transcript.map(transcriptBase)
                && other.proteinChange != nil && other.proteinChange?.shortForm != chosen.proteinChange?.shortForm {
                finding.disagreements.append("nextline's consequence engine gives \(chosen.proteinChange?.oneLetter ?? "no protein change"), \(other.source) \(other.proteinChange?.oneLetter ?? "?") on \(chosen.transcript ?? "?") (a transcript or build mismatch?)")
            }
            let agreeing = watchedAnnotations.filter { $0.gene == chosen.gene && chosen.proteinChange != nil && $0.proteinChange?.shortForm == chosen.proteinChange?.shortForm }
            finding.identifiedBy.append(contentsOf: Set(agreeing.map(\.source)).sorted())
        }
        finding.gene = chosen.gene
        finding.transcript = chosen.transcript
        finding.hgvsc = chosen.hgvsc
        finding.proteinChange = chosen.proteinChange
        finding.hgvspAsWritten = chosen.hgvspAsWritten
        finding.consequence = chosen.mostSevere
        finding.identifiedBy.append(chosen.source)
        if let h = hotspots.first(where: { $0.gene == chosen.gene }) {
            finding.identifiedBy.append("hotspot_table")
            if let p = chosen.proteinChange, let hp = ProteinChange(hgvs: h.proteinChange), p.shortForm != hp.shortForm {
                finding.disagreements.append("\(chosen.source) gives \(p.oneLetter) on \(chosen.transcript ?? "?"), the hotspot table \(hp.oneLetter) on \(h.transcript ?? "?") (check transcript and build)")
            }
            if finding.proteinChange == nil { finding.proteinChange = ProteinChange(hgvs: h.proteinChange) }
        }
        // Other watched-gene annotations that disagree on the same transcript.
        for other in watchedAnnotations where other.source != chosen.source && other.gene == chosen.gene
            && other.transcript.map(transcriptBase) == chosen.transcript.map(transcriptBase)
            && other.proteinChange != nil && chosen.proteinChange != nil
            && other.proteinChange?.shortForm != chosen.proteinChange?.shortForm {
            finding.disagreements.append("\(other.source) gives \(other.proteinChange?.oneLetter ?? "?"), \(chosen.source) \(chosen.proteinChange?.oneLetter ?? "?") on \(chosen.transcript ?? "?")")
        }
    }

    /// An unannotated record the hotspot table knows: named from the table, with the consequence its
    /// protein change implies. (Also how read-level evidence names a hotspot allele counted in reads.)
    public static func apply(hotspot h: Hotspot, to finding: inout Finding) {
        finding.gene = h.gene
        finding.proteinChange = ProteinChange(hgvs: h.proteinChange)
        finding.hgvsc = h.hgvsc
        finding.transcript = h.refseq ?? h.transcript
        switch finding.proteinChange?.kind {
        case .missense?: finding.consequence = Consequence(term: "missense_variant")
        case .nonsense?: finding.consequence = Consequence(term: "stop_gained")
        case .deletion?: finding.consequence = Consequence(term: "inframe_deletion")
        case .insertion?, .duplication?: finding.consequence = Consequence(term: "inframe_insertion")
        case .frameshift?: finding.consequence = Consequence(term: "frameshift_variant")
        default: break
        }
        finding.identifiedBy.append("hotspot_table")
    }

    func notAssessableReason(_ gene: String, predicted: Bool) -> String {
        if predicted {
            return "inside \(gene) but outside its usable transcript models (intergenic to the models, or the model is unusable), and not in the hotspot table"
        }
        return parser.isAnnotated
            ? "inside \(gene) but the file's annotation gives no consequence for it, and it is not in the hotspot table"
            : "inside \(gene) but the file has no CSQ/ANN/BCSQ annotation and the allele is not in the hotspot table; annotate the file (VEP, SnpEff, bcftools csq) or pass --reference and --gff"
    }

    /// A, C, G, T or N in either case (the bases an allele may be written with).
    static func isSequenceBase(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "t"), UInt8(ascii: "n"): true
        default: false
        }
    }

    /// Prefers the MANE Select transcript, then the transcript of the gene-span/hotspot tables, then a
    /// canonical one, then any with a protein change.
    func choose(_ list: [TranscriptAnnotation], hotspots: [Hotspot]) -> TranscriptAnnotation? {
        guard !list.isEmpty else { return nil }
        func score(_ a: TranscriptAnnotation) -> Int {
            var s = 0
            if a.isMANESelect { s += 100 }
            if let t = a.transcript, manes[a.gene]?.contains(base(t)) == true { s += 50 }
            if a.isCanonical { s += 20 }
            if a.proteinChange != nil { s += 10 }
            if a.mostSevere?.altersProtein == true { s += 5 }
            return s
        }
        if list.count == 1 { return list[0] }
        let scores = list.map(score)
        var best = 0
        for i in 1..<list.count where scores[i] > scores[best] { best = i }
        return list[best]
    }

    func identifyStructural(_ record: VariantRecord, chrom: String, alt: String, measurement: SampleMeasurement?,
                            source: String, into result: inout ScanResult) {
        let svtype = record.info["SVTYPE"]?.stringValue?.uppercased()
        let upper = alt.uppercased()
        let kind: StructuralChange.Kind
        if alt.contains("[") || alt.contains("]") || svtype == "BND" { kind = .breakend }
        else if upper.hasPrefix("<DEL") || svtype == "DEL" { kind = .deletion }
        else if upper.hasPrefix("<AMP") { kind = .amplification }
        else if upper.hasPrefix("<DUP") || svtype == "DUP" { kind = .duplication }
        else if upper.hasPrefix("<CNV") || svtype == "CNV" { kind = .copyNumberVariant }
        else if upper.hasPrefix("<INS") { kind = .insertion }
        else if upper.hasPrefix("<INV") { kind = .inversion }
        else {
            result.skipped["symbolic_allele_not_evaluated (\(alt))", default: 0] += 1
            return
        }
        let start = record.position + 1
        var end = record.info["END"]?.numbers?.first.flatMap { $0 }.map { Int($0) } ?? start
        if end < start, let len = record.info["SVLEN"]?.numbers?.first.flatMap({ $0 }) { end = start + abs(Int(len)) - 1 }
        if end < start {
            if record.info["END"] != nil {
                result.warnings.append("\(source): \(record.location): END is before POS; the change is taken as one base long")
            }
            end = start
        }
        let sampleFields = record.samples.first(where: { $0.name == measurement?.sample })?.fields
        let sampleCN = sampleFields?["CN"]?.numbers?.first.flatMap { $0 }
        let cn = sampleCN ?? record.info["CN"]?.numbers?.first.flatMap { $0 }
        var change = StructuralChange(kind: kind, chromosome: chrom, start: start, end: end, copyNumber: cn, alternate: alt)
        change.foldChange = sampleFields?["FC"]?.numbers?.first.flatMap { $0 } ?? record.info["FOLD_CHANGE"]?.numbers?.first.flatMap { $0 }
        change.log2Ratio = sampleFields?["LOG2R"]?.numbers?.first.flatMap { $0 } ?? record.info["FOLD_CHANGE_LOG"]?.numbers?.first.flatMap { $0 }
            ?? record.info["LOG2R"]?.numbers?.first.flatMap { $0 }
        var genes = genesAt(chromosome: chrom, start: start, end: kind == .breakend ? start : end)
        // A breakend whose mate lands in a watched gene is a fusion of that gene too.
        if let mate = change.mate, let mateChrom = ContigName.canonical(mate.chromosome) {
            genes += genesAt(chromosome: mateChrom, start: mate.position, end: mate.position)
        }
        let annotatedAll = parser.annotations(of: record, altIndex: record.alternates.firstIndex(of: alt).map { $0 + 1 } ?? 1)
            .flatMap { $0.gene.split(whereSeparator: { $0 == "&" }).map(String.init) }
        let annotatedGenes = annotatedAll.filter { watchedGenes.contains($0) }
        let all = Array(Set(genes + annotatedGenes)).sorted()
        if all.isEmpty { result.skipped["outside_watched_genes", default: 0] += 1; return }
        for gene in all {
            var f = Finding(gene: gene, contig: record.contig, position: record.position, reference: record.reference,
                            alternate: alt, build: build, source: source)
            f.structural = change
            f.copyNumber = change.copyNumberState
            f.measurement = measurement
            f.filters = record.filters
            f.line = record.line
            f.identifiedBy = [kind == .breakend ? "breakend_record" : "copy_number_record"]
            if kind == .breakend { f.fusionPartnerNames = Array(Set(annotatedAll)).sorted() }
            f.consequence = kind == .deletion ? Consequence(term: "transcript_ablation")
                : (kind == .amplification || kind == .duplication ? Consequence(term: "transcript_amplification") : nil)
            if f.copyNumber == nil && kind != .breakend && kind != .inversion && kind != .insertion {
                result.warnings.append("\(source): \(record.location): \(alt) over \(gene) without a copy number; direction unknown")
            }
            result.findings.append(f)
        }
    }
}

/// The genes `scan` reports (docs/formats.md): the panel genes with known spans, the CH genes, TP53, and
/// every gene a catalogue rule names.
public enum WatchedGenes {
    public static let clonalHaematopoiesis: Set<String> = ["DNMT3A", "TET2", "ASXL1", "PPM1D", "JAK2", "SF3B1", "SRSF2", "CHEK2", "TP53"]

    public static func of(_ catalogue: Catalogue) -> Set<String> {
        var genes = Set(catalogue.geneSpans.map(\.gene))
        genes.formUnion(clonalHaematopoiesis)
        genes.formUnion(catalogue.ruleGenes)
        genes.formUnion(catalogue.hotspots.map(\.gene))
        return genes
    }
}
