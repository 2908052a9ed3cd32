import Foundation
import Testing
import TestSupport

/// The `nextline` binary as a user runs it: exit codes, atomic output, reproducibility, schemas.
/// Uses the release binary (NEXTLINE_RELEASE_BIN, built by scripts/test.sh with --static-swift-stdlib)
/// or the debug build next to the tests.
@Suite("CLI", .serialized)
struct CLITests {
    static let binary = Fixtures.nextlineBinary
    static var schemas: JSONSchemaValidator? { try? JSONSchemaValidator(directory: Fixtures.path("schemas")) }

    func run(_ args: [String], cwd: URL? = nil) -> (Int32, String, String) { Fixtures.run(Self.binary, args, cwd: cwd) }

    @Test("the binary copied to an empty directory runs from there and needs no file at run time")
    func installedBinary() throws {
        let dir = Fixtures.temporaryDirectory()
        let copy = dir.appendingPathComponent("nextline").path
        try FileManager.default.copyItem(atPath: Self.binary, toPath: copy)
        let empty = Fixtures.temporaryDirectory()
        let (status, out, err) = Fixtures.run(copy, ["catalogue", "info"], cwd: empty)
        #expect(status == 0, "\(err)")
        #expect(out.contains("rules: "))
        #expect(out.contains("sha256: "))
        let (s2, out2, _) = Fixtures.run(copy, ["catalogue", "coverage"], cwd: empty)
        #expect(s2 == 0)
        #expect(out2.contains("(100%)"))
        let (s3, v, _) = Fixtures.run(copy, ["--version"], cwd: empty)
        #expect(s3 == 0 && !v.isEmpty)
    }

    @Test("exit codes: 0 success, 64 usage, 65 bad input data; one-line error naming the file")
    func exitCodes() {
        #expect(run(["scan", "--no-such-option", "x.vcf"]).0 == 64)
        #expect(run(["scan", Fixtures.path("TestVCFs/demo/prog2_plasma.vcf"), "--build", "hg99"]).0 == 64)
        let (status, _, err) = run(["scan", "/nonexistent/x.vcf"])
        #expect(status == 65)
        #expect(err.hasPrefix("nextline: error: /nonexistent/x.vcf"))
        #expect(err.split(separator: "\n").count == 1)
        #expect(run(["scan", Fixtures.path("TestVCFs/demo/prog2_plasma.vcf")]).0 == 0)
        let (s2, _, e2) = run(["catalogue", "validate", Fixtures.path("TestVCFs/catalogue-invalid/unknown_gene.yaml")])
        #expect(s2 == 65)
        #expect(e2.contains("unknown gene 'EGRF'"))
        #expect(run(["catalogue", "validate", Fixtures.path("TestVCFs/catalogue-valid/extra_rule.yaml")]).0 == 0)
        // --case twice is a usage error, not "the last one wins".
        let demo = Fixtures.path("TestVCFs/demo/case.yaml")
        let (s3, _, e3) = run(["interpret", "--case", demo, "--case", demo])
        #expect(s3 == 64)
        #expect(e3.contains("--case was given 2 times"))
        // Flag-mode errors speak in flags.
        let prog = Fixtures.path("TestVCFs/demo/prog2_plasma.vcf")
        let (s4, _, e4) = run(["interpret", prog, "--tumor-type", "BRCA", "--prior", "gefitnib"])
        #expect(s4 == 64)
        #expect(e4.contains("unknown drug in --prior 'gefitnib'") && e4.contains("did you mean 'gefitinib'?") && e4.contains("A + B"), "\(e4)")
        // The tumour fraction is reported as given on the command line; an unstated kind that looks like plasma is said.
        let (s5, out5, e5) = run(["interpret", prog, "--tumor-type", "BRCA", "--prior", "trastuzumab", "--tumor-fraction", "0.2", "--format", "json"])
        #expect(s5 == 0)
        #expect(out5.contains("given with --tumor-fraction"))
        #expect(out5.contains("sample kind not given, taken as tissue"), "\(e5)")
        // A case file's missing VCF names the case file and says paths are relative to its folder.
        let dir = Fixtures.temporaryDirectory()
        let caseFile = Fixtures.write("case_id: X\ntumor_type: LUAD\nsamples:\n  - {id: p, role: progression, kind: plasma, vcf: nothere.vcf}\n", to: dir, as: "case.yaml")
        let (s6, _, e6) = run(["interpret", "--case", caseFile])
        #expect(s6 == 65)
        #expect(e6.contains("case.yaml: sample p: variant file") && e6.contains("relative to the case file's folder"), "\(e6)")
        // A validated catalogue folder (an Annotations/ checkout being edited).
        #expect(run(["catalogue", "validate", "--annotations", Fixtures.path("Annotations")]).0 == 0)
    }

    @Test("--output is atomic: nothing left behind on failure, an existing file kept, input and directory refused")
    func atomicOutput() throws {
        let dir = Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("out.json").path
        let bad = Fixtures.write("##fileformat=VCFv4.2\n#CHROM\tPOS\n", to: dir, as: "bad.vcf")
        #expect(run(["scan", bad, "--format", "json", "--output", out]).0 == 65)
        #expect(!FileManager.default.fileExists(atPath: out))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out))
        #expect(run(["scan", bad, "--format", "json", "--output", out]).0 == 65)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep")
        let good = Fixtures.path("TestVCFs/demo/prog2_plasma.vcf")
        #expect(run(["scan", good, "--format", "json", "--output", out, "--no-clobber"]).0 == 64)
        #expect(run(["scan", good, "--format", "json", "--output", out]).0 == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("nextline/scan/v1"))
        #expect(run(["scan", good, "--output", good]).0 == 64)
        #expect(run(["scan", good, "--output", dir.path]).0 == 64)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("--output never destroys what the run reads or a special file; a failed write to standard output is a failure")
    func outputSafety() throws {
        let dir = Fixtures.temporaryDirectory()
        for f in ["case.yaml", "dx_tissue.vcf", "prog1_plasma.vcf", "prog2_plasma.vcf", "wbc_normal.vcf"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("TestVCFs/demo/" + f), toPath: dir.path + "/" + f)
        }
        let caseFile = dir.path + "/case.yaml"
        let named = dir.path + "/prog1_plasma.vcf"
        let before = try Data(contentsOf: URL(fileURLWithPath: named))
        // A VCF named inside the case file, and its index, are inputs.
        #expect(run(["interpret", "--case", caseFile, "--output", named]).0 == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: named)) == before)
        FileManager.default.createFile(atPath: named + ".tbi", contents: Data("index".utf8))
        #expect(run(["scan", named, "--output", named + ".tbi"]).0 == 64)
        #expect(try String(contentsOfFile: named + ".tbi", encoding: .utf8) == "index")
        // A device or a symbolic link is never renamed over.
        #expect(run(["interpret", "--case", caseFile, "--output", "/dev/null"]).0 != 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.json", withDestinationPath: dir.path + "/target.json")
        #expect(run(["interpret", "--case", caseFile, "--format", "json", "--output", dir.path + "/link.json"]).0 != 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/target.json"))
        // A full device on standard output is an error, not exit 0.
        let full = Fixtures.run("/bin/sh", ["-c", "'\(Self.binary)' interpret --case '\(caseFile)' > /dev/full"])
        #expect(full.0 == 1)
        #expect(full.2.contains("standard output"))
    }

    @Test("SIGTERM in the middle of a scan leaves no temporary file behind")
    func interruptedRunCleansUp() throws {
        let dir = Fixtures.temporaryDirectory()
        let input = dir.path + "/big.vcf"
        let gen = Fixtures.run("/usr/bin/python3", [Fixtures.path("scripts/gen-bench-vcf.py"), "600000", input, "--panel-fraction", "0.5"])
        try #require(gen.0 == 0, "gen-bench-vcf.py failed: \(gen.2)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["scan", input, "--format", "json", "--output", dir.path + "/out.json"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        func temporaries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains(".nextline-stream-") || $0.contains(".tmp-") }
        }
        var seen = false
        for _ in 0..<1000 where p.isRunning {
            if !temporaries().isEmpty { seen = true; break }
            usleep(5_000)
        }
        try #require(seen, "the scan ended before it could be interrupted")
        p.terminate()
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(temporaries().isEmpty, "left behind: \(temporaries())")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out.json"))
    }

    @Test("identical inputs give byte-identical JSON; VCF, VCF.gz and BCF of one file give the same findings")
    func reproducible() throws {
        let args = ["interpret", "--case", Fixtures.path("TestVCFs/demo/case.yaml"), "--format", "json"]
        let a = run(args), b = run(args)
        #expect(a.0 == 0)
        #expect(a.1 == b.1)
        let dir = Fixtures.temporaryDirectory()
        let vcf = dir.appendingPathComponent("p.vcf").path
        try FileManager.default.copyItem(atPath: Fixtures.path("TestVCFs/demo/prog2_plasma.vcf"), toPath: vcf)
        guard let gz = Fixtures.bgzip(vcf) else { Issue.record("bgzip missing"); return }
        let bcf = dir.appendingPathComponent("p.bcf").path
        guard Fixtures.run("/usr/bin/bcftools", ["view", "-Ob", "-o", bcf, vcf]).0 == 0 else { Issue.record("bcftools missing"); return }
        func findings(_ p: String) -> [Any] {
            let (_, out, _) = run(["scan", p, "--format", "json"])
            let doc = (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any]
            return (doc?["findings"] as? [Any]) ?? []
        }
        let f1 = findings(vcf), f2 = findings(gz), f3 = findings(bcf)
        #expect(!f1.isEmpty)
        func strip(_ list: [Any]) -> String {
            let cleaned = list.map { item -> [String: Any] in var d = (item as? [String: Any]) ?? [:]; d["line"] = nil; return d }
            return String(decoding: (try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
        }
        #expect(strip(f1) == strip(f2))
        #expect(strip(f1) == strip(f3))
    }

    @Test("every scenario, demo and caller case gives a document valid against schemas/interpretation.v1.schema.json")
    func schemaValidInterpretations() throws {
        let validator = try #require(Self.schemas)
        var cases: [String] = []
        let root = Fixtures.path("TestVCFs")
        let e = try #require(FileManager.default.enumerator(atPath: root))
        for case let p as String in e where p.hasSuffix(".yaml") && (p.hasSuffix("case.yaml") || p.contains("/case")) && !p.contains("expected") {
            cases.append(root + "/" + p)
        }
        #expect(cases.count >= 25)
        for c in cases {
            let (status, out, err) = run(["interpret", "--case", c, "--format", "json"])
            #expect(status == 0, "\(c): \(err)")
            let problems = validator.validate(out, against: "interpretation.v1.schema.json")
            #expect(problems.isEmpty, "\(c): \(problems.prefix(5))")
        }
    }

    @Test("scan documents are valid against schemas/scan.v1.schema.json")
    func schemaValidScans() throws {
        let validator = try #require(Self.schemas)
        for f in ["TestVCFs/demo/prog2_plasma.vcf", "TestVCFs/callers/strelka2_somatic.snvs.grch38.vcf"] {
            let (status, out, err) = run(["scan", Fixtures.path(f), "--format", "json", "--sample", f.contains("strelka") ? "TUMOR" : "prog2_plasma"])
            #expect(status == 0, "\(err)")
            #expect(validator.validate(out, against: "scan.v1.schema.json").isEmpty)
        }
        // The validator itself rejects a broken document.
        #expect(!validator.validate(#"{"schema": "nextline/scan/v1"}"#, against: "scan.v1.schema.json").isEmpty)
    }

    @Test("interpret from flags gives the same verdict as the equivalent case file")
    func flagsEqualCaseFile() throws {
        let dir = Fixtures.path("TestVCFs/callers")
        let (status, out, err) = run(["interpret", dir + "/vardict_progression.grch38.vcf", "--tumor-type", "LUAD", "--prior", "gefitinib",
                                      "--baseline", dir + "/mutect2_baseline.grch38.vcf", "--candidate", "osimertinib",
                                      "--candidate", "erlotinib", "--format", "json"])
        #expect(status == 0, "\(err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let imps = (doc["implications"] as? [[String: Any]]) ?? []
        let verdicts = Dictionary(uniqueKeysWithValues: imps.map { ($0["therapy"] as? String ?? "", $0["verdict"] as? String ?? "") })
        #expect(verdicts["osimertinib"] == "sensitivity")
        #expect(verdicts["erlotinib"] == "resistance")
        let t790m = ((doc["findings"] as? [[String: Any]]) ?? []).first { $0["hgvsp"] as? String == "p.T790M" }
        #expect(t790m?["origin"] as? String == "acquired")
        #expect(run(["interpret", dir + "/vardict_progression.grch38.vcf", "--tumor-type", "LUAD", "--prior", "gefitinb"]).2.contains("did you mean 'gefitinib'"))
    }
}

/// `-` reads standard input, as bioinformaticians pipe `bcftools view … | nextline scan -`.
@Suite("Standard input")
struct StandardInputTests {
    func run(_ args: [String], stdin file: String) -> (Int32, String, String) {
        Fixtures.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" < \"\(file)\"", Fixtures.nextlineBinary] + args)
    }

    @Test("scan - gives the document scan FILE gives, with the input named '-'; nothing is left in TMPDIR")
    func scanStdin() throws {
        let vcf = Fixtures.path("TestVCFs/demo/prog2_plasma.vcf")
        let tmp = Fixtures.temporaryDirectory()
        let (s1, fromFile, _) = Fixtures.run(Fixtures.nextlineBinary, ["scan", vcf, "--format", "json"])
        let (s2, fromStdin, e2) = Fixtures.run("/usr/bin/env", ["TMPDIR=\(tmp.path)", "/bin/sh", "-c", "exec \"$0\" scan - --format json < \"\(vcf)\"", Fixtures.nextlineBinary])
        #expect(s1 == 0 && s2 == 0, "\(e2)")
        #expect(fromStdin == fromFile.replacingOccurrences(of: "\"path\" : \"\(vcf)\"", with: "\"path\" : \"-\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test("interpret - works with flags; a bad stream is refused naming '-'")
    func interpretStdin() {
        let vcf = Fixtures.path("TestVCFs/demo/prog2_plasma.vcf")
        let (status, out, err) = run(["interpret", "-", "--tumor-type", "BRCA", "--prior", "lapatinib", "--sample-kind", "plasma", "--format", "json"], stdin: vcf)
        #expect(status == 0, "\(err)")
        #expect(out.contains("\"path\" : \"-\"") && !out.contains("nextline-stdin"))
        let dir = Fixtures.temporaryDirectory()
        let junk = Fixtures.write("not a vcf\n", to: dir, as: "junk.txt")
        let (s2, _, e2) = run(["scan", "-"], stdin: junk)
        #expect(s2 == 65)
        #expect(e2.contains("error: -: ") && !e2.contains("nextline-stdin"), "\(e2)")
    }

    @Test("case flags with --case are a usage error, not silently ignored")
    func caseFlagsWithCase() {
        let (status, _, err) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", Fixtures.path("TestVCFs/demo/case.yaml"), "--candidate", "neratinib"])
        #expect(status == 64 && err.contains("--candidate"), "\(err)")
    }
}

@Suite("Catalogue digest")
struct CatalogueDigestTests {
    @Test("validating the Annotations/ checkout gives the digest the binary reports for its compiled-in copy")
    func checkoutMatchesBuiltIn() {
        let (s1, info, _) = Fixtures.run(Fixtures.nextlineBinary, ["catalogue", "info"])
        let (s2, valid, e2) = Fixtures.run(Fixtures.nextlineBinary, ["catalogue", "validate", "--annotations", Fixtures.path("Annotations")])
        #expect(s1 == 0 && s2 == 0, "\(e2)")
        let digest = info.split(separator: "\n").first { $0.hasPrefix("sha256: ") }.map { String($0.dropFirst(8)) }
        #expect(digest != nil && valid.contains("sha256 \(digest ?? "?")"), "\(valid)")
    }
}

@Suite("File-size limit", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "prlimit is not installed"))
struct FileSizeLimitTests {
    @Test("a file-size limit (ulimit -f) is an error naming the output, with nothing left behind")
    func fileSizeLimit() throws {
        let dir = Fixtures.temporaryDirectory()
        let input = dir.path + "/big.vcf"
        let gen = Fixtures.run("/usr/bin/python3", [Fixtures.path("scripts/gen-bench-vcf.py"), "100000", input])
        try #require(gen.0 == 0, "gen-bench-vcf.py failed: \(gen.2)")
        let out = dir.path + "/out.json"
        let (status, _, err) = Fixtures.run("/usr/bin/prlimit", ["--fsize=20000", Fixtures.nextlineBinary, "scan", input, "--format", "json", "--output", out])
        #expect(status == 1)
        #expect(err.contains("out.json") && err.contains("File too large") && !err.contains(".nextline-stream"), "\(err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "big.vcf" }
        #expect(left.isEmpty, "\(left)")
    }
}
