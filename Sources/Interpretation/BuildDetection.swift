public import VariantModel

/// Decides the genome build of a file from its header, never by guessing.
///
/// Evidence, in order: `##contig` lengths of chromosomes 1–22, X, Y (GRCh37 and GRCh38 differ on
/// every one of them); `##reference`/`##assembly` naming a build; RefSeq accessions with versions
/// (`NC_000007.13` is GRCh37). `--build` overrides only when the header does not contradict it.
public enum BuildDetection {
    public struct Result: Sendable, Hashable {
        public var build: GenomeBuild
        /// `contig lengths (24 of 24 match GRCh38)`, `##reference=…`, `--build`.
        public var evidence: String
    }

    /// - Parameter reference: the build a `--reference` FASTA's chromosome lengths prove, with that evidence.
    /// - Parameter fallback: a build stated elsewhere (the case file's `genome_build`), used only when the
    ///   header, the reference and `--build` say nothing; a contradiction is the caller's to report.
    public static func detect(header: VCFHeaderSummary, requested: GenomeBuild?, path: String,
                              reference: (build: GenomeBuild, evidence: String)? = nil,
                              fallback: (build: GenomeBuild, evidence: String)? = nil) throws(InputProblem) -> Result {
        let fromHeader = try headerEvidence(header, path: path)
        if let requested, let h = fromHeader, requested != h.build {
            throw InputProblem(path: path, message: "--build \(requested.rawValue) contradicts the header, which says \(h.build.rawValue) (\(h.evidence)); fix --build or the file")
        }
        if let reference, let h = fromHeader, reference.build != h.build {
            throw InputProblem(path: path, message: "the file is \(h.build.rawValue) (\(h.evidence)) but the reference FASTA is \(reference.build.rawValue) (\(reference.evidence)); use the matching reference")
        }
        if let reference, let requested, reference.build != requested {
            throw InputProblem(path: path, message: "--build \(requested.rawValue) contradicts the reference FASTA, which is \(reference.build.rawValue) (\(reference.evidence))")
        }
        if let h = fromHeader { return h }
        if let reference { return Result(build: reference.build, evidence: reference.evidence) }
        if let requested { return Result(build: requested, evidence: "--build \(requested.rawValue) (the header has no build evidence)") }
        if let fallback { return Result(build: fallback.build, evidence: fallback.evidence) }
        throw InputProblem(path: path, message: "cannot tell the genome build: the header has no ##contig lengths, no ##reference and no ##assembly; pass --build GRCh37 or --build GRCh38 (or --reference FASTA)")
    }

    /// The build the header alone proves, or nil when it has no evidence; throws when it contradicts itself.
    static func headerEvidence(_ header: VCFHeaderSummary, path: String) throws(InputProblem) -> Result? {
        var votes: [GenomeBuild: [String]] = [:]
        var lengthMatches: [GenomeBuild: Int] = [:]
        var lengthMismatchBoth = 0
        var checked = 0
        for (name, length) in header.contigs {
            if let b = ContigName.buildOfRefSeqAccession(name) { votes[b, default: []].append("RefSeq accession \(name)") }
            guard let chrom = ContigName.canonical(name), let length, chrom != "MT" else { continue }
            checked += 1
            var matched = false
            for b in GenomeBuild.allCases where b.chromosomeLengths[chrom] == length {
                lengthMatches[b, default: 0] += 1; matched = true
            }
            if !matched { lengthMismatchBoth += 1 }
        }
        if checked > 0 {
            let m37 = lengthMatches[.grch37] ?? 0, m38 = lengthMatches[.grch38] ?? 0
            if m37 > 0 && m38 > 0 {
                throw InputProblem(path: path, message: "the ##contig lengths mix GRCh37 (\(m37)) and GRCh38 (\(m38)) chromosomes; the header is inconsistent")
            }
            if m37 == 0 && m38 == 0 {
                throw InputProblem(path: path, message: "the ##contig lengths match neither GRCh37 nor GRCh38 (another assembly?); nextline supports GRCh37 and GRCh38 only")
            }
            let b: GenomeBuild = m38 > 0 ? .grch38 : .grch37
            votes[b, default: []].append("##contig lengths (\(max(m37, m38)) of \(checked) primary chromosomes match \(b.rawValue))")
            if lengthMismatchBoth > 0 {
                throw InputProblem(path: path, message: "\(lengthMismatchBoth) ##contig length(s) match neither build while others match \(b.rawValue); the header is inconsistent")
            }
        }
        for key in ["reference", "assembly"] {
            for value in header.metaValues(key) {
                if let b = buildNamed(in: value) { votes[b, default: []].append("##\(key)=\(value)") }
            }
        }
        let builds = votes.keys.sorted()
        if builds.count > 1 {
            let detail = builds.map { "\($0.rawValue): \(votes[$0]?.joined(separator: "; ") ?? "")" }.joined(separator: " vs ")
            throw InputProblem(path: path, message: "the header names two genome builds (\(detail))")
        }
        guard let found = builds.first else { return nil }
        return Result(build: found, evidence: votes[found]?.joined(separator: "; ") ?? "")
    }

    /// A build named inside a `##reference` value (`file:///ref/GRCh38.fa`, `hg19`, `hs37d5`).
    static func buildNamed(in text: String) -> GenomeBuild? {
        let t = text.lowercased()
        let has38 = ["grch38", "hg38", "b38", "hs38"].contains { t.contains($0) }
        let has37 = ["grch37", "hg19", "b37", "hs37", "human_g1k_v37", "grch37lite"].contains { t.contains($0) }
        if has38 && !has37 { return .grch38 }
        if has37 && !has38 { return .grch37 }
        return nil
    }
}

/// Chooses the tumour sample column of a VCF (never by column position when there are several).
public enum SampleChoice {
    public struct Result: Sendable, Hashable {
        public var sample: String?
        /// How it was chosen: `--sample`, `##tumor_sample`, `only sample`, `column named TUMOR`, `sites-only`.
        public var how: String
        public var normal: String?
    }

    /// Chooses the matched-normal column: `requested`, else `##normal_sample=`, else the only sample,
    /// else exactly one column named NORMAL (case-insensitive); otherwise an error listing the samples.
    public static func chooseNormal(header: VCFHeaderSummary, requested: String?, path: String) throws(InputProblem) -> Result {
        let names = header.samples
        if let requested {
            guard names.contains(requested) else {
                throw InputProblem(path: path, message: "sample '\(requested)' is not in the file; samples: \(names.joined(separator: ", "))")
            }
            return Result(sample: requested, how: "case file sample column", normal: requested)
        }
        if let n = header.metaValues("normal_sample").first, names.contains(n) {
            return Result(sample: n, how: "##normal_sample header line", normal: n)
        }
        if names.count == 1 { return Result(sample: names[0], how: "the only sample", normal: names[0]) }
        let named = names.filter { $0.lowercased() == "normal" }
        if named.count == 1 { return Result(sample: named[0], how: "the column named \(named[0]) (caller default)", normal: named[0]) }
        throw InputProblem(path: path, message: "cannot tell which sample is the normal among \(names.isEmpty ? "no samples" : names.joined(separator: ", ")); give 'sample:' for the normal in the case file")
    }

    public static func choose(header: VCFHeaderSummary, requested: String?, path: String) throws(InputProblem) -> Result {
        let names = header.samples
        let normal = header.metaValues("normal_sample").first.flatMap { names.contains($0) ? $0 : nil }
        if let requested {
            guard names.contains(requested) else {
                throw InputProblem(path: path, message: "sample '\(requested)' is not in the file; samples: \(names.isEmpty ? "none (sites-only VCF)" : names.joined(separator: ", "))")
            }
            return Result(sample: requested, how: "--sample", normal: normal == requested ? nil : normal)
        }
        if names.isEmpty { return Result(sample: nil, how: "sites-only (no sample columns)", normal: nil) }
        if let t = header.metaValues("tumor_sample").first {
            guard names.contains(t) else {
                throw InputProblem(path: path, message: "##tumor_sample=\(t) names no sample column; samples: \(names.joined(separator: ", "))")
            }
            return Result(sample: t, how: "##tumor_sample header line", normal: normal)
        }
        if names.count == 1 { return Result(sample: names[0], how: "the only sample", normal: nil) }
        let tumourNamed = names.filter { ["tumor", "tumour"].contains($0.lowercased()) }
        if tumourNamed.count == 1 {
            let n = names.filter { ["normal"].contains($0.lowercased()) }
            return Result(sample: tumourNamed[0], how: "the column named \(tumourNamed[0]) (caller default)", normal: n.count == 1 ? n[0] : normal)
        }
        throw InputProblem(path: path, message: "cannot tell which sample is the tumour among \(names.joined(separator: ", ")); pass --sample NAME (or add ##tumor_sample=NAME)")
    }
}
