import Testing
@testable import Catalogue
@testable import Interpretation
import VariantModel

@Suite("Case files")
struct CaseReaderTests {
    let catalogue: Catalogue
    init() throws { catalogue = try Catalogue.builtIn() }

    func read(_ text: String) throws(CaseFileError) -> PatientCase {
        try CaseReader.read(text: text, path: "case.yaml", directory: "/data/pt42", catalogue: catalogue)
    }

    static let valid = """
    case_id: PT-0042
    tumor_type: LUAD
    patient: {age: 63, sex: F}
    therapy_lines:
      - {line: 1, drugs: [Iressa], start: 2024-01-10, best_response: PR}
      - {line: 2, drugs: ["carboplatin + pemetrexed"]}
    samples:
      - {id: dx, role: baseline, kind: tissue, vcf: dx.vcf.gz, sample: TUMOR}
      - {id: prog1, role: progression, kind: plasma, vcf: /abs/prog1.vcf.gz, tumor_fraction: 0.08}
    biomarkers:
      - {name: HER2, method: IHC, result: "0", sample: prog1}
      - {name: MYSTERY1, method: NGS, result: positive}
    candidates: [osimertinib, "trastuzumab + pertuzumab", FOLFIRINOX]
    """

    @Test("a valid case resolves brands, combinations, regimens, relative paths and aliases")
    func valid() throws {
        let c = try read(Self.valid)
        #expect(c.tumourType == "LUAD")
        #expect(c.therapyLines[0].drugs == ["gefitinib"])
        #expect(c.therapyLines[1].drugs == ["carboplatin", "pemetrexed"])
        #expect(c.samples[0].vcf == "/data/pt42/dx.vcf.gz")
        #expect(c.samples[1].vcf == "/abs/prog1.vcf.gz")
        #expect(c.samples[1].tumourFraction == 0.08)
        #expect(c.biomarkers[0].gene == "ERBB2")
        #expect(c.candidates.map(\.drugs.count) == [1, 2, 4])
        #expect(c.warnings.contains { $0.contains("MYSTERY1") })   // unknown biomarker: a warning, not an error
    }

    @Test("the same case as JSON reads the same")
    func json() throws {
        let c = try read(#"{"case_id": "J", "tumor_type": "NSCLC", "therapy_lines": [{"line": 1, "drugs": ["gefitinib"]}], "samples": [{"id": "p", "role": "progression", "kind": "plasma", "vcf": "p.vcf"}], "candidates": ["osimertinib"]}"#)
        #expect(c.tumourType == "NSCLC" && c.candidates.first?.drugs == ["osimertinib"])
    }

    @Test("an unknown candidate is reported (not_in_catalogue) with the closest known name, not refused")
    func unknownCandidate() throws {
        let c = try read("case_id: X\ntumor_type: LUAD\ncandidates: [osimertinb, \"zongertinib + pemetrexed\", osimertinib]\n")
        #expect(c.candidates.map(\.known) == [false, false, true])
        #expect(c.candidates[0].suggestion == "osimertinib")
        #expect(c.warnings.contains { $0.contains("'osimertinb'") && $0.contains("closest known: osimertinib") && $0.contains("not_in_catalogue") })
    }

    @Test("regimens written with 'and', '/' or ',' resolve when every piece is a known drug; a slash drug stays whole")
    func separators() throws {
        let c = try read("case_id: X\ntumor_type: SKCM\ntherapy_lines: [{line: 1, drugs: ['nivolumab and ipilimumab']}]\ncandidates: ['dabrafenib and trametinib', 'trifluridine/tipiracil', 'carboplatin/paclitaxel', 'foo and bar']\n")
        #expect(c.therapyLines.first?.drugs == ["nivolumab", "ipilimumab"])
        #expect(c.candidates.map(\.drugs) == [["dabrafenib", "trametinib"], ["trifluridine/tipiracil"], ["carboplatin", "paclitaxel"], []])
        #expect(c.candidates.map(\.known) == [true, true, true, false])
    }

    @Test("sample kinds as labs write them: ctDNA and cfDNA are plasma, PBMC is the white-cell normal")
    func sampleKinds() throws {
        let c = try read("case_id: X\ntumor_type: LUAD\nsamples: [{id: a, role: progression, kind: ctDNA}, {id: b, role: baseline, kind: FFPE}, {id: c, role: normal, kind: PBMC}]\n")
        #expect(c.samples.map(\.kind) == [.plasma, .tissue, .wbc])
    }

    @Test("errors name the key and suggest the closest known value", arguments: [
        ("tumour_type: LUAD", "unknown key 'tumour_type' (did you mean 'tumor_type'?)"),
        ("tumor_type: LUDA", "unknown tumour type 'LUDA'"),
        ("tumor_type: breast", "OncoTree tissue BREAST, not a diagnosis"),
        ("therapy_lines: [{line: 1, drugs: [egfr_tki]}]", "is a drug class"),
        ("therapy_lines: [{line: 1, drugs: [gefitinb]}]", "did you mean 'gefitinib'?"),
        ("samples: [{id: x, role: relapse, kind: tissue}]", "'relapse' is not baseline, progression or normal"),
        ("samples: [{id: x, role: progression, kind: blood}]", "'blood' is not tissue, plasma"),
        ("samples: [{id: x, role: progression, kind: plasma, tumor_fraction: 8}]", "tumor_fraction must be a fraction"),
        ("biomarkers: [{name: HER2, method: IHC, result: '4+'}]", "unknown result '4+'"),
    ])
    func errors(line: String, expected: String) throws {
        var text = "case_id: X\n"
        if !line.hasPrefix("tumor_type") && !line.hasPrefix("tumour_type") { text += "tumor_type: LUAD\n" }
        text += line + "\n"
        do {
            _ = try read(text)
            Issue.record("expected an error containing \(expected)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.contains("case.yaml"))
        }
    }
}
