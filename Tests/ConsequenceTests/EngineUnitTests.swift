import Testing
import Consequence
import VariantModel

/// A two-exon toy gene with every consequence class, on both strands.
///
/// ```
/// 1-10  CCCCCCCCCC        5' UTR (exon 1 = 1-25)
/// 11-25 ATG AAA CCC GGG TTT   codons 1-5  M K P G F
/// 26-45 GTAAGTCCCCCCCCCCCTAG  intron (donor GT 26-27, acceptor AG 44-45)
/// 46-60 CGA TGG AAA TGG TAA   codons 6-10 R W K W *   (exon 2 = 46-63)
/// 61-63 CCC               3' UTR;  64-68 GGGGG beyond the transcript
/// ```
enum Toy {
    static let plus = "CCCCCCCCCC" + "ATGAAACCCGGGTTT" + "GTAAGTCCCCCCCCCCCTAG" + "CGATGGAAATGGTAACCC" + "GGGGG"
    static let length = plus.count   // 68

    static func gff(contig: String = "chrT", strand: String = "+", cds2: String = "46\t60", extra: [String] = [],
                    tag: String = "") -> [String] {
        let t = "ID=transcript:TX1;Parent=gene:G1;biotype=protein_coding" + tag
        if strand == "+" {
            return ["##gff-version 3",
                    "\(contig)\tt\tgene\t1\t63\t.\t+\t.\tID=gene:G1;Name=TOY;biotype=protein_coding",
                    "\(contig)\tt\tmRNA\t1\t63\t.\t+\t.\t\(t)",
                    "\(contig)\tt\texon\t1\t25\t.\t+\t.\tParent=transcript:TX1",
                    "\(contig)\tt\texon\t46\t63\t.\t+\t.\tParent=transcript:TX1",
                    "\(contig)\tt\tCDS\t11\t25\t.\t+\t0\tParent=transcript:TX1",
                    "\(contig)\tt\tCDS\t\(cds2)\t.\t+\t0\tParent=transcript:TX1"] + extra
        }
        func m(_ p: Int) -> Int { length + 1 - p }
        return ["##gff-version 3",
                "\(contig)\tt\tgene\t\(m(63))\t\(m(1))\t.\t-\t.\tID=gene:G1;Name=TOY;biotype=protein_coding",
                "\(contig)\tt\tmRNA\t\(m(63))\t\(m(1))\t.\t-\t.\t\(t)",
                "\(contig)\tt\texon\t\(m(25))\t\(m(1))\t.\t-\t.\tParent=transcript:TX1",
                "\(contig)\tt\texon\t\(m(63))\t\(m(46))\t.\t-\t.\tParent=transcript:TX1",
                "\(contig)\tt\tCDS\t\(m(25))\t\(m(11))\t.\t-\t0\tParent=transcript:TX1",
                "\(contig)\tt\tCDS\t\(m(60))\t\(m(46))\t.\t-\t0\tParent=transcript:TX1"] + extra
    }

    static func complement(_ s: String) -> String {
        String(s.map { ["A": "T", "C": "G", "G": "C", "T": "A", "N": "N"][$0] ?? $0 })
    }

    static func engine(strand: String = "+", sequence: String = plus) throws -> ConsequenceEngine {
        let seq = strand == "+" ? sequence : String(complement(sequence).reversed())
        return ConsequenceEngine(models: try GFF3Loader.load(lines: gff(strand: strand)),
                                 reference: InMemoryReference(["chrT": seq]))
    }

    /// The allele at plus-strand `pos` (`ref`>`alt`, plus-strand bases) written on the chosen strand's contig.
    static func allele(_ pos: Int, _ ref: String, _ alt: String, strand: String) -> Allele {
        if strand == "+" { return Allele(chromosome: "chrT", position: pos, reference: ref, alternate: alt) }
        // Mirror: the same change on the reverse-complemented contig. An indel's left anchor becomes a
        // right one there, so re-anchor on the plus-strand base after the allele first.
        var (r, a, last) = (ref, alt, pos + ref.count - 1)
        if ref.count != alt.count {
            let next = String(Array(plus)[pos + ref.count - 1])
            r = String(ref.dropFirst()) + next; a = String(alt.dropFirst()) + next; last = pos + ref.count
        }
        return Allele(chromosome: "chrT", position: length + 1 - last,
                      reference: String(complement(r).reversed()), alternate: String(complement(a).reversed()))
    }
}

@Suite struct EngineUnitTests {
    func one(_ e: ConsequenceEngine, _ a: Allele) throws -> TranscriptConsequence {
        let r = e.annotate(a)
        try #require(r.count == 1, "\(a): \(r)")
        return r[0]
    }

    @Test(arguments: ["+", "-"])
    func substitutions(strand: String) throws {
        let e = try Toy.engine(strand: strand)
        func check(_ pos: Int, _ ref: String, _ alt: String, _ term: String, _ c: String, _ p: String?,
                   _ three: String? = nil) throws {
            let r = try one(e, Toy.allele(pos, ref, alt, strand: strand))
            #expect(r.notAssessable == nil)
            #expect(r.consequences.first?.term == term, "\(pos) \(ref)>\(alt): \(r.consequences)")
            #expect(r.hgvsc == c, "\(pos) \(ref)>\(alt)")
            #expect(r.proteinChange?.oneLetter == p, "\(pos) \(ref)>\(alt)")
            if let three { #expect(r.proteinChange?.threeLetter == three) }
        }
        let rc = { (s: String) in strand == "+" ? s : Toy.complement(s) }
        try check(14, "A", "T", "stop_gained", "c.4A>T", "p.K2*", "p.Lys2Ter")
        try check(15, "A", "G", "missense_variant", "c.5A>G", "p.K2R", "p.Lys2Arg")
        try check(16, "A", "G", "synonymous_variant", "c.6A>G", "p.K2=")
        try check(11, "A", "G", "start_lost", "c.1A>G", "p.M1?")
        try check(59, "A", "C", "stop_lost", "c.29A>C", "p.*10Sext*?")
        try check(26, "G", "A", "splice_donor_variant", "c.15+1G>A", nil)
        try check(29, "A", "C", "splice_region_variant", "c.15+4A>C", nil)
        try check(45, "G", "A", "splice_acceptor_variant", "c.16-1G>A", nil)
        try check(5, "C", "T", "5_prime_UTR_variant", "c.-6C>T", nil)
        try check(62, "C", "T", "3_prime_UTR_variant", "c.*2C>T", nil)
        try check(35, "C", "T", "intron_variant", "c.15+10C>T", nil)
        _ = rc
    }

    @Test(arguments: ["+", "-"])
    func indels(strand: String) throws {
        let e = try Toy.engine(strand: strand)
        // In-frame deletion of codon 3 (CCC).
        let del = try one(e, Toy.allele(16, "ACCC", "A", strand: strand))
        #expect(del.consequences.first?.term == "inframe_deletion")
        #expect(del.proteinChange?.oneLetter == "p.P3del")
        #expect(del.hgvsc == "c.7_9del")
        // Insertion repeating codon 2: dup at both levels.
        let dup = try one(e, Toy.allele(16, "A", "AAAA", strand: strand))
        #expect(dup.consequences.first?.term == "inframe_insertion")
        #expect(dup.hgvsc == "c.4_6dup")
        #expect(dup.proteinChange?.oneLetter == "p.K2dup")
        // Frameshift: one base inserted in codon 3; translated through to the new stop.
        let fs = try one(e, Toy.allele(17, "C", "CA", strand: strand))
        #expect(fs.consequences.first?.term == "frameshift_variant")
        #expect(fs.proteinChange?.kind == .frameshift)
        #expect(fs.proteinChange?.oneLetter.hasPrefix("p.P3") == true, "\(fs.proteinChange?.oneLetter ?? "-")")
        #expect(fs.proteinChange?.tail.hasPrefix("fs*") == true)
    }

    @Test func frameshiftCountsToTheNewStop() throws {
        // Deleting the first C of codon 3 gives ATG AAA CCG GGT TTC GAT GGA AAT GGT AAC CC…:
        // M K P G F D G N G N … no stop before the end → fs*?; deleting G of codon 4 (GGG→GG) gives
        // … CCC GGT TTC GAT GGA AAT GGT AA → P G F … same frame. Check one known case by hand:
        // delete A at c.4 (codon 2 AAA→AAC CCG…): M N P G … exact tail is what translation gives.
        let e = try Toy.engine()
        let r = try one(e, Allele(chromosome: "chrT", position: 13, reference: "GA", alternate: "G"))
        #expect(r.consequences.first?.term == "frameshift_variant")
        // ATG AAC CCG GGT TTC GAT GGA AAT GGT AAC CCG GGG G: M N P G F D G N G N P G → no stop: fs*?
        #expect(r.proteinChange?.oneLetter == "p.K2Nfs*?")
        #expect(r.hgvsc == "c.6del")   // 3'-shifted within the AAA run
    }

    @Test func unknownBaseInACodonGivesUnknownProtein() throws {
        var seq = Array(Toy.plus)
        seq[21] = "N"   // position 22: codon 4 GGG → GNG
        let e = try Toy.engine(sequence: String(seq))
        let r = try one(e, Allele(chromosome: "chrT", position: 21, reference: "G", alternate: "A"))
        #expect(r.proteinChange?.oneLetter == "p.?")
        #expect(r.consequences.map(\.term).contains("coding_sequence_variant"))
        // An allele with N itself is not assessable, never a crash.
        let n = try one(e, Allele(chromosome: "chrT", position: 22, reference: "N", alternate: "A"))
        #expect(n.notAssessable != nil)
    }

    @Test func refMismatchAndMissingContigAreNotAssessable() throws {
        let e = try Toy.engine()
        let bad = try one(e, Allele(chromosome: "chrT", position: 14, reference: "C", alternate: "T"))
        #expect(bad.notAssessable?.contains("does not match the reference") == true)
        let noSeq = ConsequenceEngine(models: try GFF3Loader.load(lines: Toy.gff()), reference: InMemoryReference(["chrOther": "ACGT"]))
        let r = try one(noSeq, Allele(chromosome: "chrT", position: 14, reference: "A", alternate: "T"))
        #expect(r.notAssessable?.contains("no sequence for chrT") == true, "\(r.notAssessable ?? "-")")
        #expect(r.consequences.isEmpty)
    }

    @Test func contigSpellingsMatch() throws {
        // GFF3 on `chrT`-style names, allele on the bare name of a primary chromosome.
        let models = try GFF3Loader.load(lines: Toy.gff(contig: "chr7"))
        let e = ConsequenceEngine(models: models, reference: InMemoryReference(["7": Toy.plus]))
        let r = try one(e, Allele(chromosome: "7", position: 15, reference: "A", alternate: "G"))
        #expect(r.proteinChange?.oneLetter == "p.K2R")
    }

    @Test func maneSelectIsPreferredAndCanBeOverridden() throws {
        let second = ["chrT\tt\tmRNA\t1\t63\t.\t+\t.\tID=transcript:TX2;Parent=gene:G1;tag=basic,MANE Select",
                      "chrT\tt\texon\t1\t25\t.\t+\t.\tParent=transcript:TX2",
                      "chrT\tt\texon\t46\t63\t.\t+\t.\tParent=transcript:TX2",
                      "chrT\tt\tCDS\t11\t25\t.\t+\t0\tParent=transcript:TX2",
                      "chrT\tt\tCDS\t46\t60\t.\t+\t0\tParent=transcript:TX2"]
        let models = try GFF3Loader.load(lines: Toy.gff(extra: second))
        #expect(models.transcripts.count == 2)
        #expect(models.transcript("TX2")?.isMANESelect == true)
        #expect(models.transcript("TX1")?.isMANESelect == false)
        let e = ConsequenceEngine(models: models, reference: InMemoryReference(["chrT": Toy.plus]))
        let allele = Allele(chromosome: "chrT", position: 15, reference: "A", alternate: "G")
        #expect(e.preferred(e.annotate(allele))?.transcript == "TX2")
        let ann = e.annotations(allele)
        #expect(ann.first?.transcript == "TX2")
        #expect(ann.first?.isMANESelect == true)
        #expect(ann.first?.source == "nextline consequence engine")
        e.preferredTranscripts = ["TOY": "TX1.3"]   // version suffixes are ignored
        #expect(e.preferred(e.annotate(allele))?.transcript == "TX1")
    }

    @Test func geneRestriction() throws {
        let other = ["chrT\tt\tgene\t1\t63\t.\t+\t.\tID=gene:G2;Name=OTHER",
                     "chrT\tt\tmRNA\t1\t63\t.\t+\t.\tID=transcript:TX9;Parent=gene:G2",
                     "chrT\tt\texon\t1\t63\t.\t+\t.\tParent=transcript:TX9"]
        let models = try GFF3Loader.load(lines: Toy.gff(extra: other), genes: ["toy"])
        #expect(models.transcripts.map(\.id) == ["TX1"])
    }
}

@Suite struct BadInputTests {
    @Test func cdsNotAMultipleOfThreeMarksTheTranscriptUnusable() throws {
        let models = try GFF3Loader.load(lines: Toy.gff(cds2: "46\t59"), source: "toy.gff3")
        #expect(models.transcripts.isEmpty)
        let p = try #require(models.problems.first { $0.kind == .transcriptUnusable })
        #expect(p.description == "toy.gff3 transcript TX1: CDS length 29 is not a multiple of 3")
        // Annotating then finds no transcript: the allele is simply not placed, no crash.
        let e = ConsequenceEngine(models: models, reference: InMemoryReference(["chrT": Toy.plus]))
        #expect(e.annotate(Allele(chromosome: "chrT", position: 15, reference: "A", alternate: "G")).isEmpty)
    }

    @Test func unknownParentIsReportedWithItsLine() throws {
        let models = try GFF3Loader.load(lines: Toy.gff(extra: ["chrT\tt\texon\t70\t80\t.\t+\t.\tParent=transcript:NOPE"]),
                                         source: "toy.gff3")
        #expect(models.transcripts.count == 1)
        let p = try #require(models.problems.first { $0.kind == .lineSkipped })
        #expect(p.description == "toy.gff3 line 8: exon has unknown Parent 'transcript:NOPE'")
    }

    @Test func overlappingAndDuplicatedExons() throws {
        let dup = try GFF3Loader.load(lines: Toy.gff(extra: ["chrT\tt\texon\t46\t63\t.\t+\t.\tParent=transcript:TX1"]))
        #expect(dup.unusable.first?.unusableReason == "duplicated exon 46-63")
        let overlap = try GFF3Loader.load(lines: Toy.gff(extra: ["chrT\tt\texon\t20\t30\t.\t+\t.\tParent=transcript:TX1"]))
        #expect(overlap.unusable.first?.unusableReason == "exons 1-25 and 20-30 overlap")
    }

    @Test func gtfAndFastaAreNotGFF3() {
        #expect(throws: GFF3Error.self) {
            try GFF3Loader.load(lines: ["chr1\tHAVANA\tgene\t1\t10\t.\t+\t.\tgene_id \"G\"; gene_name \"X\";"])
        }
        #expect(throws: GFF3Error.self) { try GFF3Loader.load(lines: [">chr1", "ACGT"]) }
    }

    @Test func malformedCoordinatesSkipTheLine() throws {
        let models = try GFF3Loader.load(lines: Toy.gff(extra: ["chrT\tt\texon\tx\t80\t.\t+\t.\tParent=transcript:TX1"]))
        #expect(models.transcripts.count == 1)
        #expect(models.problems.contains { $0.message.contains("not valid 1-based coordinates") })
    }
}
