public import VariantModel

/// nextline's own consequence engine: consequence class, HGVS c. and HGVS p. of a genomic allele on every
/// overlapping transcript, from transcript models (``TranscriptModels``) and reference sequence
/// (``ReferenceSequence``).
///
/// Each allele stands alone (bcftools csq `-l` semantics): two records in one codon are never combined.
/// Consequence classes follow bcftools csq's rules (splice donor/acceptor: the first/last two intronic
/// bases; splice region: exonic bases 1–3 and intronic bases 3–8 at internal exon boundaries;
/// consequences judged on the allele as given, i.e. left-aligned). HGVS c. shifts indels to their most
/// 3' position in transcript orientation within their exon or intron, and writes an insertion that
/// repeats the preceding bases as `dup`. HGVS p. is derived by translation: frameshifts translate
/// through the shifted frame (into the 3' UTR) to the new stop.
///
/// Sequence of a transcript is fetched once and cached, so the engine is a class and not `Sendable`:
/// use one engine per task.
public final class ConsequenceEngine {
    /// The `source` written into ``TranscriptAnnotation``s.
    public static let sourceName = TranscriptAnnotation.consequenceEngineSource

    public let models: TranscriptModels
    private let reference: any ReferenceSequence
    /// gene → transcript identifier that ``preferred(_:)`` picks over MANE Select.
    public var preferredTranscripts: [String: String]
    /// Prepared transcripts and why a transcript could not be prepared, by index into `models.transcripts`
    /// (an array look-up per allele and transcript, not a string hash).
    private var cache: [PreparedTranscript?]
    private var failed: [String?]
    /// Coding length per transcript identifier, for ``preferred(_:)``.
    private let codingLengths: [String: Int]
    /// The last contig seen and its canonical key (VCFs are sorted: one resolution per contig).
    private var lastContig = "", lastContigKey = ""

    /// - Parameters:
    ///   - preferredTranscripts: gene symbol → transcript identifier (with or without version) to
    ///     prefer over the MANE Select transcript (`--transcript GENE=ID`).
    public init(models: TranscriptModels, reference: any ReferenceSequence, preferredTranscripts: [String: String] = [:]) {
        self.models = models
        self.reference = reference
        self.preferredTranscripts = preferredTranscripts
        cache = Array(repeating: nil, count: models.transcripts.count)
        failed = Array(repeating: nil, count: models.transcripts.count)
        codingLengths = Dictionary(models.transcripts.map { ($0.id, $0.codingLength) }, uniquingKeysWith: max)
    }

    /// Consequences of one allele on every usable transcript it overlaps, in model order. An allele
    /// outside every transcript gives an empty list; `REF == ALT` too.
    public func annotate(_ allele: Allele) -> [TranscriptConsequence] {
        let a = allele.normalised()
        guard a.reference != a.alternate, !a.reference.isEmpty, !a.alternate.isEmpty,
              let event = Event(a) else { return [] }
        if a.chromosome != lastContig {
            lastContig = a.chromosome
            lastContigKey = TranscriptModels.canonicalContig(a.chromosome)
        }
        var out: [TranscriptConsequence] = []
        for i in models.overlappingIndices(lastContigKey, start: event.overlapStart, end: event.overlapEnd) {
            let t = models.transcripts[i]
            guard event.overlaps(t) else { continue }
            out.append(annotate(event, allele: a, recordStart: allele.position, on: t, index: i))
        }
        return out
    }

    /// The transcript to report: the ``preferredTranscripts`` choice for the gene, else MANE Select, else
    /// the coding transcript with the longest CDS, else the first.
    public func preferred(_ results: [TranscriptConsequence]) -> TranscriptConsequence? {
        preferredIndex(results).map { results[$0] }
    }

    private func preferredIndex(_ results: [TranscriptConsequence]) -> Int? {
        if !preferredTranscripts.isEmpty {
            for (i, r) in results.enumerated() {
                if let want = preferredTranscripts[r.gene],
                   want == r.transcript || TranscriptModels.unversioned(want) == TranscriptModels.unversioned(r.transcript) {
                    return i
                }
            }
        }
        if let mane = results.firstIndex(where: { $0.isMANESelect && $0.notAssessable == nil }) { return mane }
        var best: Int? = nil, bestLength = -1
        for (i, r) in results.enumerated() where r.notAssessable == nil {
            let length = codingLengths[r.transcript] ?? 0
            if length > bestLength { best = i; bestLength = length }
        }
        return best ?? (results.isEmpty ? nil : 0)
    }

    /// ``annotate(_:)`` as ``TranscriptAnnotation``s, the preferred transcript first.
    public func annotations(_ allele: Allele) -> [TranscriptAnnotation] {
        let all = annotate(allele)
        guard let best = preferredIndex(all) else { return [] }
        var out: [TranscriptAnnotation] = []
        out.reserveCapacity(all.count)
        out.append(all[best].annotation)
        for (i, r) in all.enumerated() where i != best && r != all[best] { out.append(r.annotation) }
        return out
    }

    /// The translated reference protein of a transcript (one-letter, `*` stop), nil when the transcript
    /// is unknown, non-coding or its sequence is unavailable.
    public func referenceProtein(_ transcript: String) -> String? {
        guard let t = models.transcript(transcript),
              let i = models.transcripts.firstIndex(where: { $0.id == t.id }),
              let p = try? prepared(t, index: i), p.isCoding else { return nil }
        return String(decoding: p.protein, as: UTF8.self)
    }

    private func prepared(_ t: TranscriptModel, index i: Int) throws(EngineProblem) -> PreparedTranscript {
        if let p = cache[i] { return p }
        if let reason = failed[i] { throw .missingSequence(reason) }
        do {
            let p = try PreparedTranscript(t, reference: reference)
            cache[i] = p
            return p
        } catch {
            if case .missingSequence(let reason) = error { failed[i] = reason }
            throw error
        }
    }

    // MARK: - One transcript

    private func annotate(_ event: Event, allele: Allele, recordStart: Int, on t: TranscriptModel, index: Int) -> TranscriptConsequence {
        var result = TranscriptConsequence(transcript: t.id, gene: t.gene, strand: t.strand, biotype: t.biotype,
                                           isMANESelect: t.isMANESelect, consequences: [])
        let p: PreparedTranscript
        do { p = try prepared(t, index: index) } catch {
            if case .missingSequence(let reason) = error { result.notAssessable = reason }
            return result
        }
        // REF check against the cached window (or the reference itself for long alleles).
        let refBytes = Array(allele.reference.utf8)
        let observed = p.bases(allele.position, allele.position + refBytes.count - 1)
            ?? PreparedTranscript.contigSpellings(t.contig).lazy
                .compactMap { self.reference.bases($0, start: allele.position, end: allele.position + refBytes.count - 1) }
                .first.map { Array($0.utf8) }
        guard let observed else {
            result.notAssessable = "the reference has no sequence at \(t.contig):\(allele.position)"
            return result
        }
        if observed != refBytes {
            result.notAssessable = "REF \(allele.reference) does not match the reference (\(String(decoding: observed, as: UTF8.self))) at \(t.contig):\(allele.position)"
            return result
        }
        if refBytes.contains(where: { DNA.code($0) == nil }) || allele.alternate.utf8.contains(where: { DNA.code($0) == nil }) {
            result.notAssessable = "allele \(allele.reference)>\(allele.alternate) has bases other than A/C/G/T"
            return result
        }

        // Consequences are judged on the leftmost placement of an indel within the record's REF span (as
        // bcftools csq does; for a left-aligned VCF this is the allele as written). A deletion that then
        // straddles an exon boundary is moved to an equivalent placement wholly inside the exon (or wholly
        // inside the intron) when one exists: the splice site is then intact.
        var event = event
        var placements: [Event] = []
        if event.kind == .insertion || event.kind == .deletion {
            placements = equivalentPlacements(event, p)
            if let chosen = placements.first(where: { $0.start - ($0.isInsertion ? 1 : 0) >= recordStart - ($0.isInsertion ? 1 : 0) }) {
                event = chosen
            }
            if event.kind == .deletion && !event.exonicExons(t).isEmpty && event.hasIntronicPart(t),
               let inside = placements.first(where: { $0.exonicExons(t).count == 1 && !$0.hasIntronicPart(t) })
                ?? placements.first(where: { $0.exonicExons(t).isEmpty }) {
                event = inside
            }
        }

        var terms = TermSet()
        splice(event, p, into: &terms)
        result.hgvsc = hgvsc(event, p)

        let exonic = event.exonicExons(t)
        if exonic.isEmpty {
            terms.insert(.intron)
        } else if !p.isCoding {
            terms.insert(.nonCodingExon)
            if event.hasIntronicPart(t) { terms.insert(.intron) }
        } else if exonic.count == 1 && !event.hasIntronicPart(t) {
            exonicCoding(event, p, terms: &terms, result: &result)
        } else {
            boundarySpanning(event, p, terms: &terms, result: &result)
        }
        // A deletion that touches the start codon in one placement and lies wholly in the 5' UTR in
        // another keeps the start codon (bcftools: start_retained).
        if event.kind == .deletion, let cs = p.codingStart, p.protein.first == UInt8(ascii: "M"), placements.contains(where: { pl in
            guard pl.exonicExons(t).count == 1, !pl.hasIntronicPart(t), let (_, hi) = pl.cdnaInterval(p) else { return false }
            return pl.isInsertion ? hi <= cs : hi < cs
        }), placements.contains(where: { pl in
            guard let (lo, hi) = pl.cdnaInterval(p) else { return false }
            return pl.isInsertion ? (lo >= cs && lo <= cs + 2) : (lo <= cs + 2 && hi >= cs)
        }) {
            terms = TermSet([.startRetained])
            result.proteinChange = ProteinChange(kind: .synonymous, firstResidue: "M", position: 1)
            result.peptide = nil
        }
        if (t.biotype == "nonsense_mediated_decay" || t.biotype == "NMD") && !terms.isDisjoint(with: TermSet.coding) {
            terms.insert(.nmd)
        }
        result.consequences = terms.consequences
        return result
    }

    /// Every placement of an insertion or deletion that gives the same sequence, leftmost first
    /// (bounded by the cached sequence window, at most 1000).
    private func equivalentPlacements(_ e: Event, _ p: PreparedTranscript) -> [Event] {
        var out: [Event] = []
        if e.kind == .deletion {
            var s = e.start, t = e.end
            while s - 1 > p.genomicStart, p.base(s - 1) == p.base(t), p.base(t) != DNA.n, out.count < 1000 { s -= 1; t -= 1 }
            var x = e
            while out.count < 1000 {
                x.start = s; x.end = t
                out.append(x)
                guard p.base(t + 1) == p.base(s), p.base(s) != DNA.n, t + 1 < p.genomicStart + p.genomic.count else { break }
                s += 1; t += 1
            }
        } else if e.kind == .insertion {
            var a = e.start - 1, ins = e.inserted, steps = 0
            while a > p.genomicStart, let l = ins.last, p.base(a) == l, l != DNA.n, steps < 1000 {
                ins.removeLast(); ins.insert(l, at: 0); a -= 1; steps += 1
            }
            var x = e
            while out.count < 1000 {
                x.start = a + 1; x.end = a; x.inserted = ins
                out.append(x)
                guard let f = ins.first, p.base(a + 1) == f, f != DNA.n, a + 2 < p.genomicStart + p.genomic.count else { break }
                ins.removeFirst(); ins.append(f); a += 1
            }
        }
        return out
    }

    // MARK: Splice sites and regions (bcftools csq rules)

    private func splice(_ e: Event, _ p: PreparedTranscript, into terms: inout TermSet) {
        let exons = p.model.exons
        let plus = p.model.strand == .plus
        // As bcftools: a donor/acceptor hit at a boundary is not also reported as splice region there.
        for (k, ex) in exons.enumerated() {
            // Every site and region below lies within 8 bases of the exon: skip exons farther away.
            if ex.upperBound + 10 < e.start || ex.lowerBound - 10 > e.end { continue }
            if k > 0 {   // intron before this exon: its last two bases are the acceptor (+) / donor (−)
                let lb = ex.lowerBound
                let hitSite: Bool, hitRegion: Bool
                if e.isInsertion {
                    let a = e.start - 1
                    hitSite = a == lb - 2
                    hitRegion = (lb - 8...lb - 3).contains(a) || (lb - 1...lb + 2).contains(a)
                } else {
                    hitSite = e.intersects(lb - 2, lb - 1)
                    hitRegion = e.intersects(lb - 8, lb - 3) || e.intersects(lb, min(lb + 2, ex.upperBound))
                }
                if hitSite { terms.insert(plus ? .spliceAcceptor : .spliceDonor) }
                else if hitRegion { terms.insert(.spliceRegion) }
            }
            if k < exons.count - 1 {   // intron after this exon: its first two bases are the donor (+) / acceptor (−)
                let ub = ex.upperBound
                let hitSite: Bool, hitRegion: Bool
                if e.isInsertion {
                    let a = e.start - 1
                    hitSite = a == ub || a == ub + 1
                    hitRegion = (ub + 2...ub + 7).contains(a) || (ub - 2...ub - 1).contains(a)
                } else {
                    hitSite = e.intersects(ub + 1, ub + 2)
                    hitRegion = e.intersects(ub + 3, ub + 8) || e.intersects(max(ub - 2, ex.lowerBound), ub)
                }
                if hitSite { terms.insert(plus ? .spliceDonor : .spliceAcceptor) }
                else if hitRegion { terms.insert(.spliceRegion) }
            }
        }
    }

    // MARK: Exonic alleles of coding transcripts

    /// The allele lies inside one exon: UTR, coding, or across the UTR/CDS border.
    private func exonicCoding(_ e: Event, _ p: PreparedTranscript, terms: inout TermSet, result: inout TranscriptConsequence) {
        guard let cs = p.codingStart, let ce = p.codingEnd, let (lo, hi) = e.cdnaInterval(p) else { return }
        // For an insertion (lo, hi) are its flanks; for other alleles the first and last affected base.
        if e.isInsertion {
            if hi <= cs { terms.insert(.utr5); return }
            if lo >= ce { terms.insert(.utr3); return }
        } else {
            if hi < cs { terms.insert(.utr5); return }
            if lo > ce { terms.insert(.utr3); return }
            if lo < cs || hi > ce {
                if lo < cs { terms.insert(.utr5) }
                if hi > ce { terms.insert(.utr3) }
                if lo <= cs + 2 && hi >= cs, p.protein.first == UInt8(ascii: "M") {
                    terms.insert(.startLost); result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
                } else if hi >= ce - 2 && lo <= ce {
                    terms.insert(.stopLost); result.proteinChange = ProteinChange(kind: .unknown, firstResidue: nil, position: nil)
                } else {
                    terms.insert(.codingSequence)
                }
                return
            }
        }
        coding(e, p, codingStart: cs, terms: &terms, result: &result)
    }

    /// The allele touches an exon boundary or several exons (large deletions): splice terms from
    /// ``splice(_:_:into:)``, plus the coding effect judged by length as bcftools does; no p. beyond `p.?`.
    private func boundarySpanning(_ e: Event, _ p: PreparedTranscript, terms: inout TermSet, result: inout TranscriptConsequence) {
        guard let cs = p.codingStart, let ce = p.codingEnd else { return }
        var codingBases = 0, utr5 = false, utr3 = false, touchesStart = false, touchesStop = false
        if !e.isInsertion {
            for g in e.start...e.end {
                guard let i = p.cdnaIndex(g) else { continue }
                if i < cs { utr5 = true } else if i > ce { utr3 = true } else {
                    codingBases += 1
                    if i <= cs + 2 { touchesStart = true }
                    if i >= ce - 2 { touchesStop = true }
                }
            }
        }
        if utr5 { terms.insert(.utr5) }
        if utr3 { terms.insert(.utr3) }
        let startLost = touchesStart && p.protein.first == UInt8(ascii: "M")
        if startLost { terms.insert(.startLost) }
        if touchesStop { terms.insert(.stopLost) }
        if codingBases > 0 && startLost {
            result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
        } else if codingBases > 0 {
            let net = codingBases - (e.kind == .delins ? e.inserted.count : 0)
            if e.kind == .substitution { terms.insert(.codingSequence) }
            else { terms.insert(net % 3 == 0 ? .inframeDeletion : .frameshift) }
            result.proteinChange = .unknownChange
        }
        if !e.hasIntronicPart(p.model) { return }
        if terms.isDisjoint(with: TermSet.splice) && codingBases == 0 && !utr5 && !utr3 { terms.insert(.intron) }
    }

    // MARK: Coding alleles

    private func coding(_ e: Event, _ p: PreparedTranscript, codingStart cs: Int, terms: inout TermSet,
                        result: inout TranscriptConsequence) {
        guard let (lo, hi) = e.cdnaInterval(p) else { return }
        let plus = p.model.strand == .plus
        // Change in coding coordinates (0-based from c.1), transcript orientation.
        let cStart = e.isInsertion ? hi - cs : lo - cs
        let refLen = e.isInsertion ? 0 : hi - lo + 1
        let alt: [UInt8] = plus ? e.inserted : DNA.reverseComplement(e.inserted)
        let cds = p.cdna[cs...]            // coding sequence followed by the 3' UTR
        let codingLength = p.protein.count * 3
        let diff = alt.count - refLen

        // Window start: the codon of the first changed base (for an insertion at a codon boundary, the
        // codon before, so the reference window is never empty).
        var codonIndex = cStart / 3
        if refLen == 0 && cStart % 3 == 0 && codonIndex > 0 { codonIndex -= 1 }
        let winStart = codonIndex * 3
        let prefix = Array(cds[(cs + winStart)..<(cs + cStart)])
        let afterRef = cs + cStart + refLen      // cDNA index of the first base after the replaced bases

        if diff % 3 == 0 {
            let winEnd = max(((cStart + refLen + 2) / 3) * 3, winStart + 3)
            guard winEnd <= codingLength else {
                terms.insert(.codingSequence); result.proteinChange = .unknownChange; return
            }
            let refWin = cds[(cs + winStart)..<(cs + winEnd)]
            let altWin = prefix + alt + Array(cds[afterRef..<(cs + winEnd)])
            let refPep = DNA.translate(refWin)
            var altPep = DNA.translate(altWin[...])
            if let stop = altPep.firstIndex(of: UInt8(ascii: "*")) { altPep.removeSubrange((stop + 1)...) }
            result.peptide = PeptideChange(position: codonIndex + 1, reference: String(decoding: refPep, as: UTF8.self),
                                           alternate: String(decoding: altPep, as: UTF8.self))
            // Only the terminal stop can be lost (a stop inside a broken model is an ordinary residue here).
            let stopLost = winEnd == codingLength && refPep.last == UInt8(ascii: "*") && !altPep.contains(UInt8(ascii: "*"))
            var extended: [UInt8]? = nil
            if stopLost {
                // Translate on through the 3' UTR to find the new stop.
                let tail = altWin + Array(p.cdna[(cs + winEnd)...])
                extended = DNA.translate(tail[...], untilStop: true)
            }
            classifyInFrame(refPep: refPep, altPep: altPep, diff: diff, codon: codonIndex + 1, firstChanged: cStart / 3 + 1,
                            p: p, stopLost: stopLost, extended: extended, terms: &terms, result: &result)
        } else {
            terms.insert(.frameshift)
            let altSeq = prefix + alt + Array(p.cdna[afterRef...])
            let altPep = DNA.translate(altSeq[...], untilStop: true)
            let refPep = Array(p.protein[codonIndex...])
            result.peptide = PeptideChange(position: codonIndex + 1, reference: String(decoding: refPep, as: UTF8.self),
                                           alternate: String(decoding: altPep, as: UTF8.self))
            if refPep.first == UInt8(ascii: "*") { terms.insert(.stopLost) }
            result.proteinChange = HGVSProtein.frameshift(refPep: refPep, altPep: altPep, codon: codonIndex + 1)
            if codonIndex == 0 && p.protein.first == UInt8(ascii: "M") && altPep.first != UInt8(ascii: "M") {
                // The start codon is gone: no protein from this frame (bcftools reports start_lost alone).
                terms.remove(.frameshift)
                terms.insert(.startLost)
                result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
            }
        }
    }

    private func classifyInFrame(refPep: [UInt8], altPep: [UInt8], diff: Int, codon: Int, firstChanged: Int,
                                 p: PreparedTranscript, stopLost: Bool, extended: [UInt8]?, terms: inout TermSet,
                                 result: inout TranscriptConsequence) {
        let star = UInt8(ascii: "*"), met = UInt8(ascii: "M"), x = UInt8(ascii: "X")
        let refStop = refPep.firstIndex(of: star), altStop = altPep.firstIndex(of: star)
        let startCodonChanged = codon == 1 && p.protein.first == met && altPep.first != met
        if diff == 0 {
            var changed = false
            for (r, a) in zip(refPep, altPep) where r != a {
                changed = true
                if a == star { terms.insert(.stopGained) } else if r == star { terms.insert(.stopLost) }
                else { terms.insert(.missense) }
            }
            if altPep.count < refPep.count { terms.insert(.stopGained); changed = true }
            if !changed { terms.insert(refStop != nil && altStop != nil && refPep.last == star ? .stopRetained : .synonymous) }
        } else {
            terms.insert(diff < 0 ? .inframeDeletion : .inframeInsertion)
            if let a = altStop, refStop.map({ a < $0 }) ?? true, a < altPep.count { terms.insert(.stopGained) }
            if stopLost { terms.insert(.stopLost) }
        }
        if startCodonChanged { terms.insert(.startLost) }
        // As bcftools: a start/stop change is not also called missense.
        if terms.contains(.stopGained) || terms.contains(.stopLost) || terms.contains(.startLost) { terms.remove(.missense) }
        if (refPep + altPep).contains(x) {
            // An N in a changed codon: the residue is unknown.
            result.proteinChange = .unknownChange
            if terms.contains(.missense) || terms.contains(.synonymous) {
                terms.remove(.missense); terms.remove(.synonymous); terms.insert(.codingSequence)
            }
            return
        }
        if startCodonChanged {
            result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
            return
        }
        result.proteinChange = HGVSProtein.inFrame(refPep: refPep, altPep: altPep, codon: codon, firstChanged: firstChanged,
                                                   protein: p.protein, extended: extended)
    }

    // MARK: HGVS c.

    private func hgvsc(_ e: Event, _ p: PreparedTranscript) -> String {
        let plus = p.model.strand == .plus
        let prefix = p.isCoding ? "c." : "n."
        func tx(_ s: [UInt8]) -> String { String(decoding: plus ? s : DNA.reverseComplement(s), as: UTF8.self) }
        func range(_ a: Int, _ b: Int) -> String {   // genomic a <= b, written in transcript order
            let (x, y) = plus ? (a, b) : (b, a)
            return a == b ? p.positionText(genomic: x) : p.positionText(genomic: x) + "_" + p.positionText(genomic: y)
        }
        switch e.kind {
        case .substitution:
            if e.start == e.end {
                let r = tx([p.base(e.start)]), a = tx(e.inserted)
                return prefix + p.positionText(genomic: e.start) + r + ">" + a
            }
            return prefix + range(e.start, e.end) + "delins" + tx(e.inserted)
        case .delins:
            return prefix + range(e.start, e.end) + "delins" + tx(e.inserted)
        case .deletion:
            var s = e.start, t = e.end
            if let lim = p.featureRange(s, t) {
                if plus { while t + 1 <= lim.upperBound && p.base(t + 1) == p.base(s) && p.base(s) != DNA.n { s += 1; t += 1 } }
                else { while s - 1 >= lim.lowerBound && p.base(s - 1) == p.base(t) && p.base(t) != DNA.n { s -= 1; t -= 1 } }
            }
            return prefix + range(s, t) + "del"
        case .insertion:
            var a = e.start - 1          // insertion between genomic a and a + 1
            var ins = e.inserted
            if let lim = p.featureRange(a, a + 1) {
                if plus {
                    while a + 2 <= lim.upperBound, let f = ins.first, p.base(a + 1) == f, f != DNA.n {
                        ins.removeFirst(); ins.append(f); a += 1
                    }
                } else {
                    while a - 1 >= lim.lowerBound, let l = ins.last, p.base(a) == l, l != DNA.n {
                        ins.removeLast(); ins.insert(l, at: 0); a -= 1
                    }
                }
            }
            let n = ins.count
            if plus, let before = p.bases(a - n + 1, a), before == ins { return prefix + range(a - n + 1, a) + "dup" }
            if !plus, let after = p.bases(a + 1, a + n), after == ins { return prefix + range(a + 1, a + n) + "dup" }
            return prefix + range(a, a + 1) + "ins" + tx(ins)
        }
    }
}

extension ProteinChange {
    /// `p.?`
    static let unknownChange = ProteinChange(kind: .unknown, firstResidue: nil, position: nil)
}
