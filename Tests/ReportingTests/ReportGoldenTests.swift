import Foundation
import Testing
import TestSupport
import Interpretation
import Reporting

/// The reports as a user gets them from the binary (run from the repository root with relative paths),
/// compared with reviewed copies in TestVCFs/golden. After an intended change, regenerate them with
/// `NEXTLINE_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests` and review the diff before committing.
@Suite("Report goldens", .serialized)
struct ReportGoldenTests {
    static let cases = [
        ("demo", "TestVCFs/demo/case.yaml"),
        ("SC19", "TestVCFs/scenarios/SC19_NSCLC_afatinib_acquired_T790M/case.yaml"),
        ("SC29", "TestVCFs/scenarios/SC29_CRC_panitumumab_acquired_KRAS_G12D/case.yaml"),
        ("SC33", "TestVCFs/scenarios/SC33_prostate_abiraterone_ARV7_positive/case.yaml"),
        ("CL108", "TestVCFs/clinical/CL108_LUAD_MET_amplification_after_osimertinib_class_candidate_undated/case.yaml"),
    ]
    static let update = ProcessInfo.processInfo.environment["NEXTLINE_UPDATE_GOLDEN"] == "1"

    func interpret(_ casePath: String, _ format: String) -> (Int32, String, String) {
        Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", casePath, "--format", format], cwd: Fixtures.root)
    }

    @Test("text and Markdown reports equal their reviewed goldens", arguments: cases, ["text", "markdown"])
    func golden(_ c: (String, String), format: String) throws {
        let (status, out, err) = interpret(c.1, format)
        #expect(status == 0, "\(err)")
        let golden = Fixtures.path("TestVCFs/golden/\(c.0).\(format == "text" ? "txt" : "md")")
        if Self.update { try Data(out.utf8).write(to: URL(fileURLWithPath: golden)) }
        let want = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(out == want, "\(c.0) \(format): regenerate with NEXTLINE_UPDATE_GOLDEN=1 if the change is intended")
    }

    @Test("render of the saved JSON gives the same report as interpret, in every format", arguments: cases)
    func renderRoundTrip(_ c: (String, String)) throws {
        let (status, json, err) = interpret(c.1, "json")
        #expect(status == 0, "\(err)")
        let dir = Fixtures.temporaryDirectory()
        let saved = Fixtures.write(json, to: dir, as: "doc.json")
        for format in ["text", "markdown", "html", "json", "tsv", "maf", "matchminer", "fhir"] {
            let (s1, direct, _) = interpret(c.1, format)
            let (s2, rendered, e2) = Fixtures.run(Fixtures.nextlineBinary, ["render", saved, "--format", format], cwd: Fixtures.root)
            #expect(s1 == 0 && s2 == 0, "\(e2)")
            #expect(direct == rendered, "\(c.0) \(format)")
        }
        // The typed document reads back to an equal value.
        let doc = try DocumentJSON.decode(InterpretationDocument.self, from: json)
        #expect(try DocumentJSON.encode(doc) == json)
    }

    @Test("render refuses what is not an interpretation document, naming the file and the key")
    func renderRefusesOtherJSON() throws {
        let dir = Fixtures.temporaryDirectory()
        let bad = Fixtures.write("{\"schema\": \"nextline/scan/v1\"}", to: dir, as: "scan.json")
        let (status, _, err) = Fixtures.run(Fixtures.nextlineBinary, ["render", bad])
        #expect(status == 65)
        #expect(err.contains("scan.json") && err.contains("missing key"), "\(err)")
        let text = Fixtures.write("not json", to: dir, as: "x.json")
        let (s2, _, e2) = Fixtures.run(Fixtures.nextlineBinary, ["render", text, "--format", "html"])
        #expect(s2 == 65 && e2.contains("x.json"), "\(e2)")
    }
}
