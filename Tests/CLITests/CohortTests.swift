import Foundation
import Testing
import TestSupport

/// `nextline cohort`: interpretation documents merged into one table, verdicts unchanged.
@Suite("Cohort", .serialized)
struct CohortTests {
    static let binary = Fixtures.nextlineBinary
    func run(_ args: [String]) -> (Int32, String, String) { Fixtures.run(Self.binary, args) }

    /// Interprets cases into documents in a fresh directory; returns the document paths.
    func documents(_ cases: [String]) throws -> [String] {
        let dir = Fixtures.temporaryDirectory()
        return try cases.map { c in
            let out = dir.appendingPathComponent(URL(fileURLWithPath: c).deletingLastPathComponent().lastPathComponent + ".json").path
            let (status, _, err) = run(["interpret", "--case", Fixtures.path(c), "--format", "json", "--output", out])
            try #require(status == 0, "\(c): \(err)")
            return out
        }
    }

    static let cases = ["TestVCFs/demo/case.yaml",
                        "TestVCFs/scenarios/SC01_breast_her2_TP_then_TDM1/case.yaml",
                        "TestVCFs/scenarios/SC19_NSCLC_afatinib_acquired_T790M/case.yaml",
                        "TestVCFs/scenarios/SC09_breast_ERpos_acquired_RB1_loss/case.yaml"]

    @Test("one TSV row per case × candidate therapy, with the verdict, level and provenance of each case's own document")
    func rowsMatchDocuments() throws {
        let docs = try documents(Self.cases)
        let (status, tsv, err) = run(["cohort"] + docs)
        #expect(status == 0, "\(err)")
        let lines = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        #expect(header.first == "case_id" && header.contains("verdict") && header.contains("document_sha256"))
        #expect(lines.allSatisfy { $0.count == header.count })
        let col = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var expected: [[String]] = []
        for path in docs {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            let caseID = try #require((json["case"] as? [String: Any])?["case_id"] as? String)
            let catalogue = try #require((json["catalogue"] as? [String: Any])?["version"] as? String)
            for v in try #require(json["implications"] as? [[String: Any]]) {
                expected.append([caseID, v["therapy"] as? String ?? "", v["verdict"] as? String ?? "",
                                 v["evidence_level"] as? String ?? "", catalogue])
            }
        }
        let got = lines.dropFirst().map { r in ["case_id", "therapy", "verdict", "evidence_level", "catalogue_version"].map { r[col[$0]!] } }
        #expect(got.sorted { $0.joined() < $1.joined() } == expected.sorted { $0.joined() < $1.joined() })
        #expect(expected.count >= 8)
        // The document's own checksum is in every row of its case.
        let sha = try #require(lines.dropFirst().first { $0[col["document"]!] == docs[0] })[col["document_sha256"]!]
        let (_, sum, _) = Fixtures.run("/usr/bin/sha256sum", [docs[0]])
        #expect(sum.hasPrefix(sha + " "))
    }

    @Test("the same documents in another order, or through --list, give the same bytes; the JSON is valid against its schema")
    func deterministicAndSchema() throws {
        let docs = try documents(Self.cases)
        let a = run(["cohort"] + docs)
        let b = run(["cohort"] + docs.reversed())
        let list = Fixtures.temporaryDirectory().appendingPathComponent("documents.txt")
        try (docs.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
        let c = run(["cohort", "--list", list.path])
        #expect(a.0 == 0 && a.1 == b.1 && a.1 == c.1)
        let (status, json, err) = run(["cohort", "--format", "json"] + docs)
        #expect(status == 0, "\(err)")
        let validator = try JSONSchemaValidator(directory: Fixtures.path("schemas"))
        #expect(validator.validate(json, against: "cohort.v1.schema.json").isEmpty)
        #expect(!validator.validate(#"{"schema": "nextline/cohort/v1", "cases": []}"#, against: "cohort.v1.schema.json").isEmpty)
    }

    @Test("two documents of one case are refused naming both; a non-document is refused naming it; mixed catalogue versions warn")
    func refusalsAndWarnings() throws {
        let docs = try documents([Self.cases[0], Self.cases[1]])
        let (s1, _, e1) = run(["cohort", docs[0], docs[0]])
        #expect(s1 == 65 && e1.contains("is also in") && e1.split(separator: "\n").count == 1)
        let bad = Fixtures.temporaryDirectory().appendingPathComponent("bad.json")
        try #"{"schema": "nextline/scan/v1"}"#.write(to: bad, atomically: true, encoding: .utf8)
        let (s2, _, e2) = run(["cohort", docs[0], bad.path])
        #expect(s2 == 65 && e2.contains(bad.path))
        // A document interpreted with another catalogue version (edited here) is merged, with a warning.
        var text = try String(contentsOfFile: docs[1], encoding: .utf8)
        let current = try #require(text.range(of: #""version" : "1\.[0-9]+\.[0-9]+""#, options: .regularExpression))
        text.replaceSubrange(current, with: #""version" : "0.9.0""#)
        try text.write(toFile: docs[1], atomically: true, encoding: .utf8)
        let (s3, _, e3) = run(["cohort", docs[0], docs[1]])
        #expect(s3 == 0)
        #expect(e3.contains("different catalogue versions"))
        #expect(run(["cohort"]).0 == 64)
    }
}

/// The progress line of long reads: on a terminal only, erased at the end, never in a pipe or a document.
@Suite("Progress line")
struct ProgressLineTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test("a streamed scan shows records and the share read on a terminal, and nothing when standard error is a pipe",
          .enabled(if: hasScript))
    func terminalOnly() throws {
        let dir = Fixtures.temporaryDirectory()
        let vcf = dir.appendingPathComponent("big.vcf").path
        let (g, _, ge) = Fixtures.run("/usr/bin/env", ["python3", Fixtures.path("scripts/gen-bench-vcf.py"), "140000", vcf])
        try #require(g == 0, "\(ge)")
        // On a pseudo-terminal (script(1)), with the delay set to zero so a short read shows it.
        let command = "NEXTLINE_PROGRESS_DELAY=0 '\(Fixtures.nextlineBinary)' scan '\(vcf)' --no-index --format json > '\(dir.path)/out.json'"
        let (s1, tty, _) = Fixtures.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(s1 == 0)
        #expect(tty.contains("records") && tty.contains("%"), "\(tty.prefix(300))")
        #expect(tty.contains("\r\u{1B}[K"))
        // Piped: no progress at all, and the document is the same as without it.
        let (s2, out, err) = Fixtures.run("/usr/bin/env", ["NEXTLINE_PROGRESS_DELAY=0", Fixtures.nextlineBinary, "scan", vcf, "--no-index", "--format", "json"])
        #expect(s2 == 0 && !err.contains("records") && !err.contains("\r"))
        #expect(out == (try String(contentsOfFile: dir.path + "/out.json", encoding: .utf8)))
    }
}

/// `render` reads documents that may have been edited: impossible values are refused, links are only links.
@Suite("Render of edited documents")
struct RenderHostileDocumentTests {
    func document() throws -> (URL, String) {
        let dir = Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("demo.json")
        let (s, _, e) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", Fixtures.path("TestVCFs/demo/case.yaml"), "--format", "json", "--output", out.path])
        try #require(s == 0, "\(e)")
        return (dir, try String(contentsOf: out, encoding: .utf8))
    }

    @Test("a VAF no measurement can give (1e308, found by the render fuzz target, crashed the HTML chart) is refused, naming the file")
    func impossibleVAF() throws {
        let (dir, text) = try document()
        let edited = text.replacingOccurrences(of: #""vaf" : 0.085"#, with: #""vaf" : 1e308"#)
        try #require(edited != text)
        let path = dir.appendingPathComponent("edited.json").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        for format in ["html", "text"] {
            let (s, out, err) = Fixtures.run(Fixtures.nextlineBinary, ["render", path, "--format", format])
            #expect(s == 65 && out.isEmpty && err.contains(path) && err.contains("VAF"), "\(format): \(err)")
        }
        let (c, _, ce) = Fixtures.run(Fixtures.nextlineBinary, ["cohort", path])
        #expect(c == 65 && ce.contains(path))
    }

    @Test("a reference URL that is not http(s) is shown as text, never as a link, in HTML and Markdown")
    func unsafeLink() throws {
        let (dir, text) = try document()
        let edited = text.replacingOccurrences(of: "https://doi.org/", with: "javascript:alert(1)//")
        try #require(edited != text)
        let path = dir.appendingPathComponent("edited.json").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let (s1, html, _) = Fixtures.run(Fixtures.nextlineBinary, ["render", path, "--format", "html"])
        let (s2, md, _) = Fixtures.run(Fixtures.nextlineBinary, ["render", path, "--format", "markdown"])
        #expect(s1 == 0 && s2 == 0)
        #expect(!html.contains("href=\"javascript") && !md.contains("](javascript"))
        // Untouched documents still link their references.
        let (_, plain, _) = Fixtures.run(Fixtures.nextlineBinary, ["render", dir.appendingPathComponent("demo.json").path, "--format", "html"])
        #expect(plain.contains("href=\"https://doi.org/"))
    }
}
