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
    private var cache: [String: PreparedTranscript] = [:]
    private var failed: [String: String] = [:]

    /// - Parameters:
    ///   - preferredTranscripts: gene symbol → transcript identifier (with or without version) to
    ///     prefer over the MANE Select transcript (`--transcript GENE=ID`).
    public init(models: TranscriptModels, reference: any ReferenceSequence, preferredTranscripts: [String: String] = [:]) {
        self.models = models
        self.reference = reference
        self.preferredTranscripts = preferredTranscripts
    }

    /// Consequences of one allele on every usable transcript it overlaps, in model order. An allele
    /// outside every transcript gives an empty list; `REF == ALT` too.
    public func annotate(_ allele: Allele) -> [TranscriptConsequence] {
        let a = allele.normalised()
        guard a.reference != a.alternate, !a.reference.isEmpty, !a.alternate.isEmpty,
              let event = Event(a) else { return [] }
        var out: [TranscriptConsequence] = []
        for t in models.overlapping(a.chromosome, start: event.overlapStart, end: event.overlapEnd)
        where event.overlaps(t) {
            out.append(annotate(event, allele: a, recordStart: allele.position, on: t))
        }
        return out
    }

    /// The transcript to report: the ``preferredTranscripts`` choice for the gene, else MANE Select, else
    /// the coding transcript with the longest CDS, else the first.
    public func preferred(_ results: [TranscriptConsequence]) -> TranscriptConsequence? {
        for r in results {
            if let want = preferredTranscripts[r.gene],
               want == r.transcript || TranscriptModels.unversioned(want) == TranscriptModels.unversioned(r.transcript) {
                return r
            }
        }
        if let mane = results.first(where: { $0.isMANESelect && $0.notAssessable == nil }) { return mane }
        let lengths = Dictionary(models.transcripts.map { ($0.id, $0.codingLength) }, uniquingKeysWith: max)
        return results.filter { $0.notAssessable == nil }.max { (lengths[$0.transcript] ?? 0) < (lengths[$1.transcript] ?? 0) }
            ?? results.first
    }

    /// ``annotate(_:)`` as ``TranscriptAnnotation``s, the preferred transcript first.
    public func annotations(_ allele: Allele) -> [TranscriptAnnotation] {
        let all = annotate(allele)
        guard let best = preferred(all) else { return [] }
        return [best.annotation] + all.filter { $0 != best }.map(\.annotation)
    }

    /// The translated reference protein of a transcript (one-letter, `*` stop), nil when the transcript
    /// is unknown, non-coding or its sequence is unavailable.
    public func referenceProtein(_ transcript: String) -> String? {
        guard let t = models.transcript(transcript), let p = try? prepared(t), p.isCoding else { return nil }
        return String(decoding: p.protein, as: UTF8.self)
    }

    private func prepared(_ t: TranscriptModel) throws(EngineProblem) -> PreparedTranscript {
        if let p = cache[t.id] { return p }
        if let reason = failed[t.id] { throw .missingSequence(reason) }
        do {
            let p = try PreparedTranscript(t, reference: reference)
            cache[t.id] = p
            return p
        } catch {
            if case .missingSequence(let reason) = error { failed[t.id] = reason }
            throw error
        }
    }

    // MARK: - One transcript

    private func annotate(_ event: Event, allele: Allele, recordStart: Int, on t: TranscriptModel) -> TranscriptConsequence {
        var result = TranscriptConsequence(transcript: t.id, gene: t.gene, strand: t.strand, biotype: t.biotype,
                                           isMANESelect: t.isMANESelect, consequences: [])
        let p: PreparedTranscript
        do { p = try prepared(t) } catch {
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

        var terms = Set<String>()
        splice(event, p, into: &terms)
        result.hgvsc = hgvsc(event, p)

        let exonic = event.exonicExons(t)
        if exonic.isEmpty {
            terms.insert("intron_variant")
        } else if !p.isCoding {
            terms.insert("non_coding_transcript_exon_variant")
            if event.hasIntronicPart(t) { terms.insert("intron_variant") }
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
            terms = ["start_retained_variant"]
            result.proteinChange = ProteinChange(kind: .synonymous, firstResidue: "M", position: 1)
            result.peptide = nil
        }
        if (t.biotype == "nonsense_mediated_decay" || t.biotype == "NMD") && !terms.isDisjoint(with: ConsequenceEngine.codingTerms) {
            terms.insert("NMD_transcript_variant")
        }
        result.consequences = terms.map { Consequence(term: $0) }.sorted { a, b in
            a == b ? false : (a < b || (!(b < a) && a.term < b.term))
        }
        return result
    }

    static let codingTerms: Set<String> = ["missense_variant", "synonymous_variant", "stop_gained", "stop_lost",
                                           "stop_retained_variant", "start_lost", "start_retained_variant",
                                           "frameshift_variant", "inframe_insertion", "inframe_deletion",
                                           "protein_altering_variant", "coding_sequence_variant"]

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

    private func splice(_ e: Event, _ p: PreparedTranscript, into terms: inout Set<String>) {
        let exons = p.model.exons
        let plus = p.model.strand == .plus
        // As bcftools: a donor/acceptor hit at a boundary is not also reported as splice region there.
        for (k, ex) in exons.enumerated() {
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
                if hitSite { terms.insert(plus ? "splice_acceptor_variant" : "splice_donor_variant") }
                else if hitRegion { terms.insert("splice_region_variant") }
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
                if hitSite { terms.insert(plus ? "splice_donor_variant" : "splice_acceptor_variant") }
                else if hitRegion { terms.insert("splice_region_variant") }
            }
        }
    }

    // MARK: Exonic alleles of coding transcripts

    /// The allele lies inside one exon: UTR, coding, or across the UTR/CDS border.
    private func exonicCoding(_ e: Event, _ p: PreparedTranscript, terms: inout Set<String>, result: inout TranscriptConsequence) {
        guard let cs = p.codingStart, let ce = p.codingEnd, let (lo, hi) = e.cdnaInterval(p) else { return }
        // For an insertion (lo, hi) are its flanks; for other alleles the first and last affected base.
        if e.isInsertion {
            if hi <= cs { terms.insert("5_prime_UTR_variant"); return }
            if lo >= ce { terms.insert("3_prime_UTR_variant"); return }
        } else {
            if hi < cs { terms.insert("5_prime_UTR_variant"); return }
            if lo > ce { terms.insert("3_prime_UTR_variant"); return }
            if lo < cs || hi > ce {
                if lo < cs { terms.insert("5_prime_UTR_variant") }
                if hi > ce { terms.insert("3_prime_UTR_variant") }
                if lo <= cs + 2 && hi >= cs, p.protein.first == UInt8(ascii: "M") {
                    terms.insert("start_lost"); result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
                } else if hi >= ce - 2 && lo <= ce {
                    terms.insert("stop_lost"); result.proteinChange = ProteinChange(kind: .unknown, firstResidue: nil, position: nil)
                } else {
                    terms.insert("coding_sequence_variant")
                }
                return
            }
        }
        coding(e, p, codingStart: cs, terms: &terms, result: &result)
    }

    /// The allele touches an exon boundary or several exons (large deletions): splice terms from
    /// ``splice(_:_:into:)``, plus the coding effect judged by length as bcftools does; no p. beyond `p.?`.
    private func boundarySpanning(_ e: Event, _ p: PreparedTranscript, terms: inout Set<String>, result: inout TranscriptConsequence) {
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
        if utr5 { terms.insert("5_prime_UTR_variant") }
        if utr3 { terms.insert("3_prime_UTR_variant") }
        let startLost = touchesStart && p.protein.first == UInt8(ascii: "M")
        if startLost { terms.insert("start_lost") }
        if touchesStop { terms.insert("stop_lost") }
        if codingBases > 0 && startLost {
            result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
        } else if codingBases > 0 {
            let net = codingBases - (e.kind == .delins ? e.inserted.count : 0)
            if e.kind == .substitution { terms.insert("coding_sequence_variant") }
            else { terms.insert(net % 3 == 0 ? "inframe_deletion" : "frameshift_variant") }
            result.proteinChange = .unknownChange
        }
        if !e.hasIntronicPart(p.model) { return }
        if !terms.contains(where: { $0.hasPrefix("splice_") }) && codingBases == 0 && !utr5 && !utr3 { terms.insert("intron_variant") }
    }

    // MARK: Coding alleles

    private func coding(_ e: Event, _ p: PreparedTranscript, codingStart cs: Int, terms: inout Set<String>,
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
                terms.insert("coding_sequence_variant"); result.proteinChange = .unknownChange; return
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
            terms.insert("frameshift_variant")
            let altSeq = prefix + alt + Array(p.cdna[afterRef...])
            let altPep = DNA.translate(altSeq[...], untilStop: true)
            let refPep = Array(p.protein[codonIndex...])
            result.peptide = PeptideChange(position: codonIndex + 1, reference: String(decoding: refPep, as: UTF8.self),
                                           alternate: String(decoding: altPep, as: UTF8.self))
            if refPep.first == UInt8(ascii: "*") { terms.insert("stop_lost") }
            result.proteinChange = HGVSProtein.frameshift(refPep: refPep, altPep: altPep, codon: codonIndex + 1)
            if codonIndex == 0 && p.protein.first == UInt8(ascii: "M") && altPep.first != UInt8(ascii: "M") {
                // The start codon is gone: no protein from this frame (bcftools reports start_lost alone).
                terms.remove("frameshift_variant")
                terms.insert("start_lost")
                result.proteinChange = ProteinChange(kind: .startLoss, firstResidue: "M", position: 1)
            }
        }
    }

    private func classifyInFrame(refPep: [UInt8], altPep: [UInt8], diff: Int, codon: Int, firstChanged: Int,
                                 p: PreparedTranscript, stopLost: Bool, extended: [UInt8]?, terms: inout Set<String>,
                                 result: inout TranscriptConsequence) {
        let star = UInt8(ascii: "*"), met = UInt8(ascii: "M"), x = UInt8(ascii: "X")
        let refStop = refPep.firstIndex(of: star), altStop = altPep.firstIndex(of: star)
        let startCodonChanged = codon == 1 && p.protein.first == met && altPep.first != met
        if diff == 0 {
            var changed = false
            for (r, a) in zip(refPep, altPep) where r != a {
                changed = true
                if a == star { terms.insert("stop_gained") } else if r == star { terms.insert("stop_lost") }
                else { terms.insert("missense_variant") }
            }
            if altPep.count < refPep.count { terms.insert("stop_gained"); changed = true }
            if !changed { terms.insert(refStop != nil && altStop != nil && refPep.last == star ? "stop_retained_variant" : "synonymous_variant") }
        } else {
            terms.insert(diff < 0 ? "inframe_deletion" : "inframe_insertion")
            if let a = altStop, refStop.map({ a < $0 }) ?? true, a < altPep.count { terms.insert("stop_gained") }
            if stopLost { terms.insert("stop_lost") }
        }
        if startCodonChanged { terms.insert("start_lost") }
        // As bcftools: a start/stop change is not also called missense.
        if terms.contains("stop_gained") || terms.contains("stop_lost") || terms.contains("start_lost") { terms.remove("missense_variant") }
        if (refPep + altPep).contains(x) {
            // An N in a changed codon: the residue is unknown.
            result.proteinChange = .unknownChange
            if terms.contains("missense_variant") || terms.contains("synonymous_variant") {
                terms.remove("missense_variant"); terms.remove("synonymous_variant"); terms.insert("coding_sequence_variant")
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
