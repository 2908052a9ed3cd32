import Foundation
import Testing
import TestSupport

enum WorkflowEnvironment {
    /// The snakemake executable of the pinned workflow environment, or nil (the suite is then skipped).
    static let snakemake: String? = ProcessInfo.processInfo.environment["NEXTLINE_SNAKEMAKE"].flatMap { $0.isEmpty ? nil : $0 }
}

/// The Snakemake cohort workflow (workflow/Snakefile) run on workflow/sheets/demo.tsv (the demo case and
/// every scenario case) in a temporary directory, with the nextline binary under test.
/// Needs Snakemake: NEXTLINE_SNAKEMAKE names its executable (scripts/test.sh makes the pinned virtual
/// environment with scripts/workflow-venv.sh and sets it); skipped when unset.
@Suite("Cohort workflow (Snakemake)", .serialized,
       .enabled(if: WorkflowEnvironment.snakemake != nil, "NEXTLINE_SNAKEMAKE is not set (scripts/test.sh sets it)"))
struct WorkflowTests {

    /// The case ids of a sample sheet, in order (comment and blank lines skipped, header first).
    static func caseIDs(_ sheet: String) throws -> [String] {
        let lines = try String(contentsOfFile: sheet, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let header = lines.first.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) } ?? []
        let column = try #require(header.firstIndex(of: "case_id"), "no case_id column in \(sheet)")
        return lines.dropFirst().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[column]) }
    }

    /// Runs snakemake with standard output and error into one log file (Snakemake logs a lot to standard
    /// error; a pipe that nobody drains would block it); returns the exit status and the log.
    static func runSnakemake(_ arguments: [String], log: URL) throws -> (Int32, String) {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(WorkflowEnvironment.snakemake))
        p.arguments = arguments
        p.currentDirectoryURL = Fixtures.root
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// (case id, therapy, verdict) of every implication of an interpretation document, read by key.
    static func verdicts(ofDocument path: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let doc = try #require(object as? [String: Any], "\(path): not a JSON object")
        #expect(doc["schema"] as? String == "nextline/interpretation/v1", "\(path)")
        let caseID = try #require((doc["case"] as? [String: Any])?["case_id"] as? String, "\(path): no case.case_id")
        let implications = try #require(doc["implications"] as? [[String: Any]], "\(path): no implications")
        return try implications.map { i in
            let therapy = try #require(i["therapy"] as? String, "\(path): an implication without therapy")
            let verdict = try #require(i["verdict"] as? String, "\(path): an implication without verdict")
            return "\(caseID)\t\(therapy)\t\(verdict)"
        }
    }

    @Test("interprets every case of the demo sheet, renders its report, merges a cohort table whose verdicts are the documents'; a second run does nothing")
    func demoSheet() throws {
        let sheet = Fixtures.path("workflow/sheets/demo.tsv")
        let ids = try Self.caseIDs(sheet)
        try #require(ids.count >= 2, "the demo sheet lists \(ids.count) cases")
        let work = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let arguments = ["-s", Fixtures.path("workflow/Snakefile"), "--profile", Fixtures.path("workflow/profiles/local"),
                         "--cores", "2", "--directory", work.path,
                         "--config", "sheet=\(sheet)", "nextline=\(Fixtures.nextlineBinary)"]
        let logs = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: logs) }

        let (status, log) = try Self.runSnakemake(arguments, log: logs.appendingPathComponent("first.log"))
        try #require(status == 0, "snakemake exited \(status):\n\(log.suffix(4000))")

        // One document and one report per case of the sheet, and nothing else; every job logged.
        let fm = FileManager.default
        let results = try fm.contentsOfDirectory(atPath: work.appendingPathComponent("results").path).filter { $0.hasSuffix(".json") }
        #expect(Set(results) == Set(ids.map { $0 + ".json" }))
        #expect(results.count == ids.count)
        for id in ids {
            #expect(fm.fileExists(atPath: work.appendingPathComponent("reports/\(id).html").path), "no report for \(id)")
            #expect(fm.fileExists(atPath: work.appendingPathComponent("logs/interpret/\(id).log").path), "no interpret log for \(id)")
            #expect(fm.fileExists(atPath: work.appendingPathComponent("logs/render/\(id).log").path), "no render log for \(id)")
        }

        // The expected rows: one per case × candidate therapy of each document.
        var expected: [String] = []
        for id in ids { expected += try Self.verdicts(ofDocument: work.appendingPathComponent("results/\(id).json").path) }
        #expect(Set(expected.map { $0.split(separator: "\t")[0] }).count == ids.count, "case ids of the documents are not distinct")

        // cohort.tsv: a header, then exactly those rows (case_id, therapy and verdict found by column name).
        let tsv = try String(contentsOf: work.appendingPathComponent("cohort.tsv"), encoding: .utf8)
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first, "cohort.tsv is empty")
        let c = try #require(header.firstIndex(of: "case_id"), "cohort.tsv header has no case_id: \(header)")
        let t = try #require(header.firstIndex(of: "therapy"), "cohort.tsv header has no therapy: \(header)")
        let v = try #require(header.firstIndex(of: "verdict"), "cohort.tsv header has no verdict: \(header)")
        let rows = Array(lines.dropFirst())
        #expect(rows.allSatisfy { $0.count == header.count }, "a row with a different number of columns than the header")
        #expect(rows.count == expected.count)
        let got = rows.filter { $0.count == header.count }.map { "\($0[c])\t\($0[t])\t\($0[v])" }
        #expect(got.sorted() == expected.sorted())

        // cohort.json: the same cases.
        let cohort = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: work.appendingPathComponent("cohort.json"))) as? [String: Any])
        #expect(cohort["schema"] as? String == "nextline/cohort/v1")
        #expect((cohort["cases"] as? [Any])?.count == ids.count)

        // A second run finds everything up to date and rewrites nothing.
        func stamp(_ name: String) -> Date? {
            (try? fm.attributesOfItem(atPath: work.appendingPathComponent(name).path))?[.modificationDate] as? Date
        }
        let outputs = ids.map { "results/\($0).json" } + ["cohort.tsv", "cohort.json"]
        let before = outputs.map(stamp)
        let (status2, log2) = try Self.runSnakemake(arguments, log: logs.appendingPathComponent("second.log"))
        #expect(status2 == 0, "second run exited \(status2):\n\(log2.suffix(4000))")
        #expect(log2.contains("Nothing to be done"), "the second run did something:\n\(log2.suffix(4000))")
        #expect(outputs.map(stamp) == before, "the second run rewrote outputs")
    }
}
