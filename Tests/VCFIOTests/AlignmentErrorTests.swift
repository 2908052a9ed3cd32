import Foundation
import Testing
import TestSupport
@testable import VCFIO
import VariantModel

/// TestVCFs/reads/expected_errors.tsv: the faulty reads files are refused with the right kind of error
/// (htslib's iterator errors are failures, never "no more reads"), plus a stale index.
@Suite("Alignment file errors")
struct AlignmentErrorTests {
    struct ErrorRow: Sendable, CustomStringConvertible {
        let file: String, reference: String, expect: String, kind: String
        var description: String { "\(file) with \(reference): \(kind)" }
    }

    static let rows: [ErrorRow] = {
        guard let text = try? String(contentsOfFile: ReadFixtures.path("expected_errors.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return ErrorRow(file: f[0], reference: f[1], expect: f[2], kind: f[3])
        }
    }()

    /// Opens and genotypes at sites.vcf; the error thrown, or nil with the counts.
    func attempt(_ row: ErrorRow) throws -> (AlignmentError?, ReadGenotyper.Result?) {
        let reference: String? = row.reference == "(none)" ? nil
            : row.reference.hasPrefix("/") ? row.reference : ReadFixtures.path(row.reference)
        let sites = try ReadFixtures.sites()
        do {
            let reads = try AlignmentFile(path: ReadFixtures.path(row.file), reference: reference)
            return (nil, try ReadGenotyper(settings: GenotypingSettings()).genotype(reads, sites: sites, pairs: []))
        } catch let e as AlignmentError { return (e, nil) }
    }

    @Test("every expected_errors.tsv row is refused with its kind of error (or counts as stated)", arguments: rows)
    func expectedErrors(_ row: ErrorRow) throws {
        #expect(AlignmentErrorTests.rows.count == 6)
        let (error, result) = try attempt(row)
        if row.expect == "counts" {
            let shallow = ReadFixtures.expected.filter { $0["fixture"] == "t790m_shallow_negative" && $0["record"] == "site" }
            let t790m = try #require(result?.sites.first { $0.site.identifier == "EGFR_T790M" })
            let want = try #require(shallow.first { $0["site"] == "EGFR_T790M" })
            #expect(t790m.counts.refReads == want.int("ref_reads") && t790m.counts.depth == want.int("depth"))
            return
        }
        let e = try #require(error, "\(row.file) was not refused")
        switch (row.kind, e) {
        case ("truncated", .truncated): break
        case ("missing index", .missingIndex): #expect(e.description.contains("samtools index"))
        case ("reference missing", .referenceMissing): break
        case ("reference mismatch", .referenceMismatch): break
        default: Issue.record("\(row.file): expected \(row.kind), got \(e)")
        }
        #expect(e.description.hasPrefix(ReadFixtures.path(row.file)))
    }

    @Test("a truncated BAM given an EOF marker still fails in the region read (iterator error < -1 is a failure)")
    func iteratorErrorIsFailure() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: ReadFixtures.path("truncated.bam")))
        bytes.append(Data(InputFile.bgzfEOF))
        let bam = dir.appendingPathComponent("cut.bam").path
        try bytes.write(to: URL(fileURLWithPath: bam))
        try FileManager.default.copyItem(atPath: ReadFixtures.path("truncated.bam.bai"), toPath: bam + ".bai")
        let reads = try AlignmentFile(path: bam, reference: ReadFixtures.reference)
        #expect(throws: AlignmentError.self) {
            try ReadGenotyper(settings: GenotypingSettings()).genotype(reads, sites: try ReadFixtures.sites(), pairs: [])
        }
        do {
            _ = try ReadGenotyper(settings: GenotypingSettings()).genotype(reads, sites: try ReadFixtures.sites(), pairs: [])
        } catch let e as AlignmentError {
            guard case .truncated = e else { Issue.record("expected truncated, got \(e)"); return }
        }
    }

    @Test("an index older than the file is refused as stale, saying how to re-create it")
    func staleIndex() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bam = dir.appendingPathComponent("s.bam").path
        try FileManager.default.copyItem(atPath: ReadFixtures.path("t790m_shallow_negative.bam"), toPath: bam)
        try FileManager.default.copyItem(atPath: ReadFixtures.path("t790m_shallow_negative.bam.bai"), toPath: bam + ".bai")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: bam + ".bai")
        #expect(throws: AlignmentError.staleIndex(path: bam, index: bam + ".bai")) {
            try AlignmentFile(path: bam, reference: ReadFixtures.reference)
        }
        #expect(AlignmentError.staleIndex(path: bam, index: bam + ".bai").description.contains("samtools index \(bam)"))
    }

    @Test("a VCF given as reads is refused naming what it is")
    func notReads() throws {
        #expect(throws: AlignmentError.notAlignmentFormat(path: ReadFixtures.path("sites.vcf"), detected: "a VCF/BCF variant file")) {
            try AlignmentFile(path: ReadFixtures.path("sites.vcf"), reference: ReadFixtures.reference)
        }
        #expect(throws: AlignmentError.fileNotFound(path: "/nonexistent/x.bam")) {
            try AlignmentFile(path: "/nonexistent/x.bam", reference: nil)
        }
    }
}
