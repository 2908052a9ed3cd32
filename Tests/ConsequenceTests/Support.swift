import Consequence
import TestSupport
import VCFIO
import VariantModel

/// `VCFIO.ReferenceFASTA` seen as the engine's ``ReferenceSequence`` (the CLI does the same).
struct FASTAReference: ReferenceSequence {
    let fasta: ReferenceFASTA
    init(path: String) throws { fasta = try ReferenceFASTA(path: path) }
    func bases(_ contig: String, start: Int, end: Int) -> String? {
        fasta.has(contig) ? fasta.fetch(contig, start: start, end: end) : nil
    }
}

/// Plain or gzipped text lines through `VCFIO.TextLineReader`.
func readLines(_ path: String) throws -> [String] {
    let r = try TextLineReader(path: path)
    var out: [String] = []
    while let l = try r.next() { out.append(l) }
    return out
}

/// Loads a GFF3 through `TextLineReader` (streamed, not read into memory first).
func loadGFF(_ path: String, genes: Set<String>? = nil) throws -> TranscriptModels {
    let r = try TextLineReader(path: path)
    return try GFF3Loader.load(source: path, genes: genes, nextLine: r.next)
}

/// One VCF data line, split.
struct VCFLine {
    var chrom: String, pos: Int, ref: String, alts: [String], info: [String: String]
    init?(_ line: String) {
        guard !line.hasPrefix("#") else { return nil }
        let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard c.count >= 8, let p = Int(c[1]) else { return nil }
        chrom = c[0]; pos = p; ref = c[3]; alts = c[4].split(separator: ",").map(String.init)
        var i: [String: String] = [:]
        for f in c[7].split(separator: ";") {
            let kv = f.split(separator: "=", maxSplits: 1).map(String.init)
            i[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        info = i
    }
    var isSymbolic: Bool { alts.contains { $0.hasPrefix("<") || $0 == "." || $0 == "*" || $0.contains("[") || $0.contains("]") } }
}

/// One bcftools BCSQ entry: `consequence|gene|transcript|biotype|strand|aa_change|dna_change`.
struct BCSQEntry: CustomStringConvertible {
    var terms: Set<String>
    var gene: String
    var transcript: String
    var aaChange: String
    var raw: String

    init?(_ text: String) {
        raw = text
        let f = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard f.count >= 2 else { return nil }
        terms = Set(f[0].split(separator: "&").map { BCSQEntry.soTerm(String($0)) })
        gene = f[1]
        transcript = f.count > 2 ? f[2] : ""
        aaChange = f.count > 5 ? f[5] : ""
    }
    var description: String { raw }

    /// bcftools short names → the SO terms the engine writes.
    static func soTerm(_ t: String) -> String {
        let map = ["synonymous": "synonymous_variant", "missense": "missense_variant", "frameshift": "frameshift_variant",
                   "splice_acceptor": "splice_acceptor_variant", "splice_donor": "splice_donor_variant",
                   "splice_region": "splice_region_variant", "stop_retained": "stop_retained_variant",
                   "start_retained": "start_retained_variant", "5_prime_utr": "5_prime_UTR_variant",
                   "3_prime_utr": "3_prime_UTR_variant", "non_coding": "non_coding_transcript_exon_variant",
                   "intron": "intron_variant", "coding_sequence": "coding_sequence_variant",
                   "inframe_altering": "protein_altering_variant", "NMD_transcript": "NMD_transcript_variant"]
        return map[t] ?? t
    }

    /// `745KELREA>745K` → (745, KELREA, K); synonymous `246A` → (246, A, A).
    var peptide: PeptideChange? {
        guard !aaChange.isEmpty else { return nil }
        let parts = aaChange.split(separator: ">", maxSplits: 1).map(String.init)
        func split(_ s: String) -> (Int, String)? {
            let digits = s.prefix { $0.isNumber }
            guard let n = Int(digits) else { return nil }
            return (n, String(s.dropFirst(digits.count)))
        }
        guard let (p, r) = split(parts[0]) else { return nil }
        if parts.count == 1 { return PeptideChange(position: p, reference: r, alternate: r) }
        guard let (_, a) = split(parts[1]) else { return nil }
        return PeptideChange(position: p, reference: r, alternate: a)
    }
}

extension TranscriptConsequence {
    /// Terms as bcftools would list them: `intron_variant` only when nothing else applies.
    var bcftoolsComparableTerms: Set<String> {
        var t = Set(consequences.map(\.term))
        if t.count > 1 { t.remove("intron_variant") }
        return t
    }
}

/// The protein after a peptide change is applied to the reference protein, cut after its first stop.
func applied(_ c: PeptideChange, to protein: String) -> String {
    let p = Array(protein)
    let start = max(0, min(c.position - 1, p.count))
    let end = min(p.count, start + c.reference.count)
    var out = String(p[..<start]) + c.alternate + String(p[end...])
    if let stop = out.firstIndex(of: "*") { out = String(out[...stop]) }
    return out
}

/// Whether two peptide changes give the same protein (frameshifts that run off the available sequence
/// are compared over the length both cover).
func samePeptideEffect(_ a: PeptideChange, _ b: PeptideChange, protein: String) -> Bool {
    let x = applied(a, to: protein), y = applied(b, to: protein)
    if x == y { return true }
    if !x.hasSuffix("*") || !y.hasSuffix("*") {
        let n = min(x.count, y.count)
        return x.prefix(n) == y.prefix(n)
    }
    return false
}

/// nil when the engine agrees with the oracle, else why not. `exact`: the oracle is bcftools' full
/// output (equal term sets, nothing extra); otherwise expected terms must be among the engine's.
func compareWithBCSQ(symbolic: Bool, _ results: [TranscriptConsequence], oracle: String, engine: ConsequenceEngine, exact: Bool) -> String? {
    if symbolic {
        return oracle == "." ? nil : "symbolic ALT, not a sequence change (expected \(oracle))"
    }
    let reported = results.filter { !$0.consequences.isEmpty || $0.notAssessable != nil }
    if oracle == "." {
        return reported.isEmpty ? nil : "expected nothing, got " + describe(reported)
    }
    let entries = oracle.split(separator: ",").compactMap { BCSQEntry(String($0)) }
    if entries.contains(where: { $0.raw.hasPrefix("@") }) {
        return "haplotype-aware compound record \(oracle) (each record stands alone)"
    }
    // Group bcftools' entries by transcript (by gene when it prints none), union of terms.
    var expected: [String: (terms: Set<String>, peptides: [BCSQEntry])] = [:]
    for e in entries {
        let k = e.transcript.isEmpty ? "gene:" + e.gene : e.transcript
        expected[k, default: ([], [])].terms.formUnion(e.terms.map { $0.lowercased() })
        if e.peptide != nil { expected[k, default: ([], [])].peptides.append(e) }
    }
    func mine(_ k: String) -> [TranscriptConsequence] {
        if k.hasPrefix("gene:") { return reported.filter { $0.gene == k.dropFirst(5) } }
        return reported.filter { $0.transcript == k || $0.transcript.hasPrefix(k + ".") }
    }
    for (k, want) in expected.sorted(by: { $0.key < $1.key }) {
        let got = mine(k)
        // bcftools 1.16 does not write NMD_transcript (later versions do).
        func norm(_ r: TranscriptConsequence) -> Set<String> {
            var t = Set(r.bcftoolsComparableTerms.map { $0.lowercased() })
            if exact { t.remove("nmd_transcript_variant") }
            return t
        }
        let terms = Set(got.flatMap(norm))
        if got.isEmpty { return "expected \(k) \(want.terms.sorted()), got no result for it" }
        let ok = exact ? (k.hasPrefix("gene:") ? got.contains(where: { norm($0) == want.terms }) : terms == want.terms)
                       : want.terms.isSubset(of: terms)
        if !ok { return "expected \(k) \(want.terms.sorted()), got " + describe(got) }
        for e in want.peptides {
            guard let w = e.peptide, let r = got.first(where: { $0.peptide != nil }), let p = r.peptide,
                  let protein = engine.referenceProtein(r.transcript) else {
                return "expected \(e.aaChange) on \(k), got no peptide change (\(describe(got)))"
            }
            if !samePeptideEffect(w, p, protein: protein) {
                return "expected \(e.aaChange) on \(k), got \(p) \(r.proteinChange?.oneLetter ?? "-")"
            }
        }
    }
    if exact {
        for r in reported {
            let known = expected.keys.contains { k in
                k.hasPrefix("gene:") ? (k.dropFirst(5) == r.gene && !expected.keys.contains { $0 == r.transcript })
                                     : (r.transcript == k || r.transcript.hasPrefix(k + "."))
            }
            // bcftools folds intron and non-coding entries into the other entries of the record.
            let folded = Set(r.consequences.map(\.term)).isSubset(of: ["intron_variant", "non_coding_transcript_exon_variant"])
                && entries.contains { $0.gene == r.gene }
            if !known && !folded { return "unexpected \(describe([r])) (bcftools: \(oracle))" }
        }
    }
    return nil
}

func describe(_ rs: [TranscriptConsequence]) -> String {
    rs.map { r in
        r.notAssessable.map { "\(r.transcript): not assessable (\($0))" }
        ?? "\(r.transcript):\(r.consequences.map(\.term).joined(separator: "&")) \(r.hgvsc ?? "") \(r.proteinChange?.oneLetter ?? "") [\(r.peptide.map { String($0.description.prefix(60)) } ?? "")]"
    }.joined(separator: "; ")
}
