import Foundation
import Testing
import TestSupport

/// `nextline screen` as a user runs it: a folder of CTML files, JSON valid against the schema,
/// byte-identical reruns, a saved interpretation document instead of the case.
@Suite("screen command")
struct ScreenCommandTests {
    func nextline(_ args: [String]) -> (Int32, String, String) { Fixtures.run(Fixtures.nextlineBinary, args, cwd: Fixtures.root) }

    @Test("a trials folder: files without treatment_list are skipped and said; JSON validates; reruns are identical")
    func folder() throws {
        let args = ["screen", "--case", "TestVCFs/demo/case.yaml", "--trials", "TestVCFs/trials", "--format", "json"]
        let (status, out, err) = nextline(args)
        #expect(status == 0, "\(err)")
        #expect(err.contains("expected.yaml: not a CTML trial (no treatment_list): skipped"))
        let validator = try #require(try? JSONSchemaValidator(directory: Fixtures.path("schemas")))
        #expect(validator.validate(out, against: "screen.v1.schema.json").isEmpty, "\(validator.validate(out, against: "screen.v1.schema.json").prefix(3))")
        #expect(nextline(args).1 == out)
        #expect(out.contains("\"status\" : \"eligible\"") && out.contains("\"status\" : \"needs_review\"") && out.contains("\"status\" : \"not_eligible\""))
    }

    @Test("a saved interpretation document screens like the case; a broken trial file is one error naming it")
    func savedDocument() throws {
        let dir = Fixtures.temporaryDirectory()
        let (_, json, _) = nextline(["interpret", "--case", "TestVCFs/demo/case.yaml", "--format", "json"])
        let doc = Fixtures.write(json, to: dir, as: "demo.json")
        let trial = "TestVCFs/trials/NL-TEST-001.yaml"
        let fromCase = nextline(["screen", "--case", "TestVCFs/demo/case.yaml", "--trials", trial])
        let fromDoc = nextline(["screen", "--document", doc, "--trials", trial])
        #expect(fromCase.0 == 0 && fromDoc.0 == 0, "\(fromDoc.2)")
        #expect(fromCase.1 == fromDoc.1)
        let bad = Fixtures.write("protocol_no: X\ntreatment_list: {}\n", to: dir, as: "bad.yaml")
        let (s, _, e) = nextline(["screen", "--document", doc, "--trials", bad])
        #expect(s == 65 && e.contains("bad.yaml") && e.contains("treatment_list"), "\(e)")
        #expect(nextline(["screen", "--case", "TestVCFs/demo/case.yaml"]).0 == 64)
    }
}
