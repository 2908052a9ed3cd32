import VariantModel
/// A transcript with its layout in spliced coordinates and its sequence, built once per transcript.
final class PreparedTranscript {
    let model: TranscriptModel
    /// Exons in transcript order (5' → 3').
    let exonsTx: [ClosedRange<Int>]
    /// 0-based spliced (cDNA) index of the 5'-most base of each exon in ``exonsTx``.
    let exonCdnaStart: [Int]
    let cdnaLength: Int
    /// 0-based cDNA index of c.1 (after the start phase) and of the last coding base; nil when non-coding.
    let codingStart: Int?
    let codingEnd: Int?
    /// Genomic sequence from ``genomicStart`` (transcript span plus padding), plus strand.
    let genomicStart: Int
    let genomic: [UInt8]
    /// Spliced transcript, transcript orientation.
    let cdna: [UInt8]
    /// Translation of the CDS (`*` at the end for complete models).
    let protein: [UInt8]

    static let padding = 200

    /// Fails with a reason when the sequence cannot be fetched.
    init(_ model: TranscriptModel, reference: any ReferenceSequence) throws(EngineProblem) {
        self.model = model
        let plus = model.strand == .plus
        exonsTx = plus ? model.exons : model.exons.reversed()
        var starts: [Int] = [], total = 0
        for e in exonsTx { starts.append(total); total += e.count }
        exonCdnaStart = starts
        cdnaLength = total

        let from = max(1, model.start - PreparedTranscript.padding)
        let to = model.end + PreparedTranscript.padding
        guard let seq = PreparedTranscript.fetch(reference, model.contig, from, to)
                ?? PreparedTranscript.fetch(reference, model.contig, model.start, model.end).map({ ($0.0, $0.1) }) else {
            throw .missingSequence("the reference has no sequence for \(model.contig):\(model.start)-\(model.end) (transcript \(model.id))")
        }
        genomicStart = seq.0
        genomic = seq.1

        var spliced: [UInt8] = []
        spliced.reserveCapacity(total)
        for e in exonsTx {
            let slice = genomic[(e.lowerBound - seq.0)...(e.upperBound - seq.0)]
            if plus { spliced.append(contentsOf: slice) } else { spliced.append(contentsOf: DNA.reverseComplement(slice)) }
        }
        cdna = spliced

        if model.isCoding, let first = plus ? model.cds.first : model.cds.last, let last = plus ? model.cds.last : model.cds.first {
            let startGenomic = plus ? first.lowerBound : first.upperBound
            let endGenomic = plus ? last.upperBound : last.lowerBound
            var cs: Int? = nil, ce: Int? = nil
            for (k, e) in exonsTx.enumerated() {
                if e.contains(startGenomic) { cs = starts[k] + (plus ? startGenomic - e.lowerBound : e.upperBound - startGenomic) }
                if e.contains(endGenomic) { ce = starts[k] + (plus ? endGenomic - e.lowerBound : e.upperBound - endGenomic) }
            }
            if let s = cs, let e = ce, s + model.startPhase + 2 <= e {
                // A trailing partial codon (accepted 3'-incomplete model) stays untranslated.
                let first = s + model.startPhase
                let last = first + ((e - first + 1) / 3) * 3 - 1
                codingStart = first
                codingEnd = last
                protein = DNA.translate(spliced[first...last])
            } else {
                codingStart = nil; codingEnd = nil; protein = []
            }
        } else {
            codingStart = nil; codingEnd = nil; protein = []
        }
    }

    private static func fetch(_ ref: any ReferenceSequence, _ contig: String, _ start: Int, _ end: Int) -> (Int, [UInt8])? {
        for name in contigSpellings(contig) {
            if let s = ref.bases(name, start: start, end: end) { return (start, Array(s.uppercased().utf8)) }
        }
        return nil
    }

    /// `chr7` → [`chr7`, `7`]; `7` → [`7`, `chr7`]; `MT` also `chrM`.
    static func contigSpellings(_ contig: String) -> [String] {
        var out = [contig]
        if contig.lowercased().hasPrefix("chr") { out.append(String(contig.dropFirst(3))) } else { out.append("chr" + contig) }
        if contig == "MT" || contig == "chrMT" { out.append("chrM") }
        if contig == "chrM" { out.append("MT") }
        return out
    }

    var isCoding: Bool { codingStart != nil }

    /// Base at a genomic position ('N' outside the cached window).
    @inline(__always) func base(_ g: Int) -> UInt8 {
        let i = g - genomicStart
        return i >= 0 && i < genomic.count ? genomic[i] : DNA.n
    }

    func bases(_ from: Int, _ to: Int) -> [UInt8]? {
        guard from >= genomicStart, to < genomicStart + genomic.count, to >= from - 1 else { return nil }
        return Array(genomic[(from - genomicStart)..<(to + 1 - genomicStart)])
    }

    /// 0-based cDNA index of an exonic genomic position, nil when intronic or outside.
    func cdnaIndex(_ g: Int) -> Int? {
        for (k, e) in exonsTx.enumerated() where e.contains(g) {
            return exonCdnaStart[k] + (model.strand == .plus ? g - e.lowerBound : e.upperBound - g)
        }
        return nil
    }

    /// The exon (genomic order index) containing `g`.
    func exonIndex(_ g: Int) -> Int? { model.exons.firstIndex { $0.contains(g) } }

    /// HGVS position text of a cDNA index (`123`, `-14`, `*5`; `n.` numbering when non-coding).
    func positionText(cdna i: Int) -> String {
        guard let cs = codingStart, let ce = codingEnd else { return String(i + 1) }
        if i < cs { return "-\(cs - i)" }
        if i > ce { return "*\(i - ce)" }
        return String(i - cs + 1)
    }

    /// HGVS position of any genomic position: exonic, intronic (`1879+2`, `1880-12`), or beyond the
    /// transcript ends (`-120`, `*300`).
    func positionText(genomic g: Int) -> String {
        if let i = cdnaIndex(g) { return positionText(cdna: i) }
        let plus = model.strand == .plus
        // Beyond the transcript ends.
        if g < model.start || g > model.end {
            let upstream = plus ? g < model.start : g > model.end
            let d = plus ? (upstream ? model.start - g : g - model.end) : (upstream ? g - model.end : model.start - g)
            return upstream ? positionText(cdna: -d) : positionText(cdna: cdnaLength - 1 + d)
        }
        // Intronic: between transcript-order exons k and k+1.
        for k in 0..<(exonsTx.count - 1) {
            let a = exonsTx[k], b = exonsTx[k + 1]
            let inside = plus ? (g > a.upperBound && g < b.lowerBound) : (g < a.lowerBound && g > b.upperBound)
            guard inside else { continue }
            let d5 = plus ? g - a.upperBound : a.lowerBound - g
            let d3 = plus ? b.lowerBound - g : g - b.upperBound
            if d5 <= d3 { return positionText(cdna: exonCdnaStart[k] + a.count - 1) + "+\(d5)" }
            return positionText(cdna: exonCdnaStart[k + 1]) + "-\(d3)"
        }
        return "?"
    }

    /// The exon or intron containing the genomic range, for 3' shifting (nil when it spans a boundary).
    func featureRange(_ from: Int, _ to: Int) -> ClosedRange<Int>? {
        for e in model.exons where e.contains(from) && e.contains(to) { return e }
        for (a, b) in zip(model.exons, model.exons.dropFirst()) {
            let intron = (a.upperBound + 1)...(b.lowerBound - 1)
            if intron.contains(from) && intron.contains(to) { return intron }
        }
        return nil
    }
}

/// Why an allele cannot be assessed on a transcript.
enum EngineProblem: Error {
    case missingSequence(String)
}
