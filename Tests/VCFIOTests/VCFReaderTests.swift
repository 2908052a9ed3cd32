import Foundation
import Testing
import TestSupport
@testable import VCFIO
import VariantModel

@Suite("VCF reader")
struct VCFReaderTests {
    let dir = Fixtures.temporaryDirectory()

    @Test("the header summary carries samples, contigs with lengths, declarations and meta lines")
    func header() throws {
        let path = Fixtures.write(Fixtures.vcfHeader(samples: ["NORMAL", "TUMOR"], extra: ["##source=Mutect2", "##tumor_sample=TUMOR"]),
                                  to: dir, as: "h.vcf")
        let r = try VCFReader(path: path)
        #expect(r.header.samples == ["NORMAL", "TUMOR"])
        #expect(r.header.contigs.first { $0.name == "chr7" }?.length == 159345973)
        #expect(r.header.format["AD"]?.number == "R")
        #expect(r.header.info["AF"]?.type == "Float")
        #expect(r.header.metaValues("tumor_sample") == ["TUMOR"])
        #expect(r.header.fileFormat == "VCFv4.2")
    }

    @Test("records are copied out with the requested fields; floats keep the decimal the file wrote")
    func records() throws {
        let text = Fixtures.vcfHeader() + "chr7\t55181378\trs1\tC\tT,G\t.\tPASS;q10\tDP=1000;AF=0.031,0.002\tGT:AD:AF:DP\t0/1:960,31,2:0.031,0.002:993\n"
        let path = Fixtures.write(text.replacingOccurrences(of: "##FILTER=<ID=PASS,Description=\"All filters passed\">",
                                                            with: "##FILTER=<ID=PASS,Description=\"All filters passed\">\n##FILTER=<ID=q10,Description=\"low quality\">"),
                                  to: dir, as: "r.vcf")
        let reader = try VCFReader(path: path)
        var seen: [VariantRecord] = []
        let summary = try reader.read(ReadPlan(infoFields: ["AF", "DP"], formatFields: ["AD", "AF", "DP"], samples: ["TUMOR"])) { seen.append($0) }
        let r = try #require(seen.first)
        #expect(r.contig == "chr7" && r.position == 55181378 && r.identifier == "rs1")
        #expect(r.alternates == ["T", "G"])
        #expect(r.filters == ["PASS", "q10"])
        #expect(r.info["AF"] == .floats([0.031, 0.002]))
        #expect(r.samples.first?.fields["AD"] == .integers([960, 31, 2]))
        #expect(r.samples.first?.genotype == [0, 1])
        #expect(r.line == 17)  // 16 header lines (15 + the q10 FILTER line), then the record
        #expect(summary.recordsKept == 1)
    }

    @Test("the streamed checksum is the SHA-256 of the file's bytes")
    func checksum() throws {
        let text = Fixtures.vcfHeader() + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"
        let path = Fixtures.write(text, to: dir, as: "c.vcf")
        let summary = try VCFReader(path: path).read(ReadPlan()) { _ in }
        #expect(summary.sha256 == SHA256.hex(of: Array(text.utf8)))
        #expect(summary.checksumScope == "whole_file")
    }

    @Test("the raw-line pre-filter keeps records that can overlap a region and counts the rest")
    func prefilter() throws {
        let text = Fixtures.vcfHeader()
            + "chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\n"                       // far away
            + "chr7\t55180900\t.\tACGTACGTAC\tA\t.\tPASS\t.\tGT\t0/1\n"         // deletion starting before the region, reaching in
            + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\n"                   // inside
            + "chr7\t55170000\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\n"                   // before, no overlap
        let path = Fixtures.write(text, to: dir, as: "p.vcf")
        var kept: [Int] = []
        let s = try VCFReader(path: path).read(ReadPlan(regions: ["7": [55180905...55181400]], samples: ["TUMOR"])) { kept.append($0.position) }
        #expect(kept == [55180900, 55181378])
        #expect(s.skipped["outside_watched_genes"] == 2)
        #expect(s.recordsSeen == 4)
    }

    @Test("an index-driven read passes every record on exactly once: same-position records kept, a record spanning two windows not repeated")
    func indexedOnce() throws {
        let long = String(repeating: "A", count: 200)
        let text = Fixtures.vcfHeader()
            + "chr7\t150\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\n"
            + "chr7\t150\t.\tC\tG\t.\tPASS\t.\tGT\t0/1\n"
            + "chr7\t190\t.\t\(long)\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr7\t350\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\n"   // inside a padded window only: not kept
            + "chr7\t1350\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\n"
            + "chr7\t5000\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\n"
        let path = Fixtures.write(text, to: dir, as: "idx.vcf")
        guard let gz = Fixtures.bgzip(path), Fixtures.tabix(gz) else { Issue.record("bgzip/tabix missing"); return }
        let plan = ReadPlan(regions: ["7": [100...200, 1300...1400]], samples: ["TUMOR"])
        func positions(_ reader: VCFReader) throws -> ([String], String) {
            var out: [String] = []
            let s = try reader.read(plan) { out.append("\($0.position)\($0.alternates[0])") }
            return (out, s.mode)
        }
        let (indexed, mode) = try positions(try VCFReader(path: gz))
        #expect(mode == "index")
        #expect(indexed == ["150T", "150G", "190A", "1350A"])
        let (streamed, _) = try positions(try VCFReader(path: gz, allowIndex: false))
        #expect(streamed == indexed)
    }

    @Test("an index belonging to another file, even a newer one, is not trusted: the file is streamed and nothing is missed")
    func foreignIndex() throws {
        let mine = Fixtures.vcfHeader() + "chr7\t55181378\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\n"
        let other = Fixtures.vcfHeader() + (1...50).map { "chr7\t\(55_000_000 + $0 * 1000)\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\n" }.joined()
        guard let gz = Fixtures.bgzip(Fixtures.write(mine, to: dir, as: "mine.vcf")), Fixtures.tabix(gz),
              let otherGz = Fixtures.bgzip(Fixtures.write(other, to: dir, as: "other.vcf")), Fixtures.tabix(otherGz) else {
            Issue.record("bgzip/tabix missing"); return
        }
        let plan = ReadPlan(regions: ["7": [55181000...55182000]], samples: ["TUMOR"])
        var own: [Int] = []
        let s1 = try VCFReader(path: gz).read(plan) { own.append($0.position) }
        #expect(s1.mode == "index" && own == [55181378])
        // Copy the other file's index over this one's, newer than the data (a `cp` or a checkout).
        try FileManager.default.removeItem(atPath: gz + ".tbi")
        try FileManager.default.copyItem(atPath: otherGz + ".tbi", toPath: gz + ".tbi")
        let reader = try VCFReader(path: gz)
        var found: [Int] = []
        let s2 = try reader.read(plan) { found.append($0.position) }
        #expect(found == [55181378], "a foreign index must not make the record vanish")
        #expect(s2.mode != "index")
        #expect(s2.warnings.contains { $0.contains("index does not match the data file") })
    }

    @Test("a decimal float is the one the text had")
    func decimal() {
        #expect(VCFReader.decimal(Float(0.031)) == 0.031)
        #expect(VCFReader.decimal(Float(0.1)) == 0.1)
    }
}

@Suite("Reference FASTA and text files", .enabled(if: Fixtures.sharedDataAvailable, "shared/data is absent"))
struct ReferenceFASTATests {
    @Test("bases come from a BGZF FASTA through faidx; EGFR T790M's reference base is C in both builds")
    func fetch() throws {
        let fa38 = try ReferenceFASTA(path: Fixtures.shared("derived/cancer_panel_real.grch38.fa.gz"))
        let name38 = try #require(fa38.sequences.map(\.name).first { $0 == "chr7" || $0 == "7" })
        #expect(fa38.fetch(name38, start: 55181378, end: 55181378) == "C")
        let fa37 = try ReferenceFASTA(path: Fixtures.shared("derived/cancer_panel_real.grch37.fa.gz"))
        let name37 = try #require(fa37.sequences.map(\.name).first { $0 == "chr7" || $0 == "7" })
        #expect(fa37.fetch(name37, start: 55249071, end: 55249071) == "C")
        #expect(fa38.fetch(name38, start: 0, end: 5) == nil)
    }

    @Test("a FASTA without .fai is refused with a hint; text files read line by line, gzipped or not")
    func problems() throws {
        let dir = Fixtures.temporaryDirectory()
        let fa = Fixtures.write(">x\nACGT\n", to: dir, as: "x.fa")
        #expect(throws: ReferenceFASTA.Problem.self) { try ReferenceFASTA(path: fa) }
        let reader = try TextLineReader(path: Fixtures.shared("derived/cancer_panel_real.grch38.gff3"))
        var n = 0
        while let line = try reader.next() { if !line.hasPrefix("#") { n += 1 } }
        #expect(n > 100)
    }
}

@Suite("Reference FASTA window")
struct ReferenceFASTAWindowTests {
    @Test("bases served from the kept window equal the sequence: random ranges, across windows, at the ends, lower case, two sequences")
    func windowedFetch() throws {
        // Two sequences of a plain FASTA (60 bases per line, mixed case), with a hand-written .fai.
        var rng = SeededGenerator(seed: 7)
        let acgt = Array("ACGTacgtN".utf8)
        let seqs: [(String, [UInt8])] = [("s1", (0..<150_000).map { _ in acgt[Int(rng.next() % 9)] }),
                                         ("s2", (0..<70_001).map { _ in acgt[Int(rng.next() % 9)] })]
        var fasta = "", fai = "", offset = 0
        for (name, bases) in seqs {
            let head = ">\(name)\n"
            offset += head.utf8.count
            fai += "\(name)\t\(bases.count)\t\(offset)\t60\t61\n"
            var body = ""
            for start in stride(from: 0, to: bases.count, by: 60) {
                body += String(decoding: bases[start..<min(start + 60, bases.count)], as: UTF8.self) + "\n"
            }
            fasta += head + body
            offset += body.utf8.count
        }
        let dir = Fixtures.temporaryDirectory()
        let path = Fixtures.write(fasta, to: dir, as: "w.fa")
        _ = Fixtures.write(fai, to: dir, as: "w.fa.fai")
        let fa = try ReferenceFASTA(path: path)
        func expected(_ k: Int, _ start: Int, _ end: Int) -> String? {
            let b = seqs[k].1
            guard start >= 1, end >= start, end <= b.count else { return nil }
            return String(decoding: b[(start - 1)..<end], as: UTF8.self).uppercased()
        }
        for _ in 0..<1_500 {
            let k = Int(rng.next() % 2), n = seqs[k].1.count
            // Mostly short REF-like ranges walking forwards, some long ones, some past the end.
            let start = Int(rng.next() % UInt64(n + 10)) + 1
            let len = rng.next() % 10 == 0 ? Int(rng.next() % 40_000) : Int(rng.next() % 20)
            #expect(fa.fetch(seqs[k].0, start: start, end: start + len) == expected(k, start, start + len))
        }
        // A forward walk, as the REF checks of a sorted VCF make (served from windows).
        var position = 1
        while position < 149_000 {
            let len = Int(rng.next() % 12)
            #expect(fa.fetch("s1", start: position, end: position + len) == expected(0, position, position + len))
            position += 1 + Int(rng.next() % 400)
        }
        for (k, (name, bases)) in seqs.enumerated() {
            #expect(fa.fetch(name, start: bases.count, end: bases.count) == expected(k, bases.count, bases.count))
            #expect(fa.fetch(name, start: 1, end: bases.count) == expected(k, 1, bases.count))
            #expect(fa.fetch(name, start: bases.count, end: bases.count + 1) == nil)
        }
        #expect(fa.fetch("absent", start: 1, end: 1) == nil)
    }
}
