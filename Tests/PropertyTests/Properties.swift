import Foundation
import Testing
import PropertyBased
import TestSupport
@testable import Catalogue
@testable import Interpretation
@testable import Pipeline
import Reporting
@testable import VCFIO
import VariantModel

/// Properties that must hold for any input, checked on generated ones (swift-property-based shrinks a
/// failing input to a small one).
@Suite("Properties")
struct Properties {
    static let bases = Gen.int(in: 0...3).map { (n: Int) -> Character in Array("ACGT")[n] }
    static let allele = bases.string(of: 1...8)

    @Test("normalising an allele is idempotent and never moves it left")
    func normalisationIdempotent() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...1_000_000), Self.allele, Self.allele) { pos, ref, alt in
            guard ref != alt else { return }
            let a = Allele(chromosome: "7", position: pos, reference: ref, alternate: alt).normalised()
            #expect(a.normalised() == a)
            #expect(a.position >= pos)
            #expect(!a.reference.isEmpty && !a.alternate.isEmpty)
        }
    }

    static let header = VCFHeaderSummary(samples: ["TUMOR"], contigs: [("chr7", 159_345_973)], info: [:], format: [
        "AD": FieldDeclaration(number: "R", type: "Integer", description: "Allelic depths"),
        "AF": FieldDeclaration(number: "A", type: "Float", description: "Allele fraction"),
        "DP": FieldDeclaration(number: "1", type: "Integer", description: "Depth"),
    ], meta: [], fileFormat: "VCFv4.2")

    @Test("a measured VAF is a finite fraction in [0, 1], or the record is refused with a message; never NaN")
    func vafIsAFractionOrAnError() async {
        let counts = Gen.int(in: -5...5000)
        let fraction = Gen.double(in: -0.5...1.5)
        await propertyCheck(count: 500, input: counts, counts, counts, fraction) { refReads, altReads, depth, af in
            let sample = SampleFields(name: "TUMOR", fields: ["AD": .integers([refReads, altReads]), "DP": .integers([depth]),
                                                              "AF": .floats([af])], genotype: [0, 1])
            let record = VariantRecord(contig: "chr7", position: 55_181_378, reference: "C", alternates: ["T"], samples: [sample])
            do {
                let m = try Measurer(header: Self.header, path: "p.vcf").measure(record, altIndex: 1, sample: sample)
                if let v = m.vaf { #expect(v.isFinite && v >= 0 && v <= 1, "VAF \(v)") }
                for d in m.disagreements { #expect(d.vaf.isFinite && d.vaf >= 0 && d.vaf <= 1) }
            } catch {
                #expect(!String(describing: error).isEmpty && error is InputProblem)
            }
        }
    }

    static let freeText = Gen.latin1.string(of: 0...40)

    @Test("any case id, sample id or warning is escaped in HTML and Markdown, and the typed document round-trips through JSON")
    func freeTextIsSafe() async throws {
        let catalogue = try Catalogue.builtIn()
        let (pc, _) = try CaseRunner.readCase(path: Fixtures.path("TestVCFs/demo/case.yaml"), catalogue: catalogue)
        let base = CaseRunner.document(try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(),
                                                          settings: InterpretationSettings()), catalogue: catalogue)
        await propertyCheck(count: 200, input: Self.freeText, Self.freeText) { a, b in
            var doc = base
            doc.patientCase.caseId = "<zq" + a
            doc.warnings = [b + "<script>"]
            doc.patientCase.samples[0].id = "\"" + b
            let html = (try? HTMLReport.render(doc)) ?? ""
            #expect(!html.contains("<zq"))   // the tag-like prefix never survives unescaped
            #expect(html.contains("&lt;zq"))
            #expect(!html.contains(b + "<script>"))
            #expect(!html.lowercased().contains("<script"))
            let md = MarkdownReport.render(doc)
            #expect(!md.lowercased().contains("<script"))
            let json = (try? DocumentJSON.encode(doc)) ?? ""
            #expect((try? DocumentJSON.decode(InterpretationDocument.self, from: json)) == doc)
        }
    }

    @Test("the vectorised line check counts columns, finds CHROM/POS and NUL bytes as a byte-by-byte walk does")
    func lineShape() async {
        let byte = Gen.int(in: 0...9).map { (n: Int) -> UInt8 in [9, 9, 0, 65, 67, 48, 55, 32, 13, 200][n] }
        await propertyCheck(count: 1000, input: byte.array(of: 0...300)) { bytes in
            var columns = 1, tabs: [Int] = [], nul = false
            for (i, b) in bytes.enumerated() {
                if b == 9 { columns += 1; tabs.append(i) }
                if b == 0 { nul = true }
            }
            let shape = bytes.withUnsafeBufferPointer { LineShape($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, length: $0.count) }
            #expect(shape.columns == columns)
            #expect(shape.hasNUL == nul)
            #expect(shape.firstTab == (tabs.count > 0 ? tabs[0] : -1))
            #expect(shape.secondTab == (tabs.count > 1 ? tabs[1] : -1))
        }
    }
}
