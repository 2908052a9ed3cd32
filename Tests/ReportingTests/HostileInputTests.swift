import Foundation
import Testing
import TestSupport
@testable import Reporting

/// Every string that comes from an input is free text: accepted, shown, and escaped in every report.
/// The demo case is rewritten with markup and script URLs in the case id, sample ids and column names,
/// dates and candidates, and in a VCF annotation.
@Suite("Hostile input in reports")
struct HostileInputTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "javascript:alert(3)"]

    /// The demo case with a payload in every free-text field; returns the case path.
    func hostileCase() throws -> String {
        let dir = Fixtures.temporaryDirectory()
        let demo = Fixtures.path("TestVCFs/demo")
        let (p0, p1, p2) = (Self.payloads[0], Self.payloads[1], Self.payloads[2])
        for name in ["dx_tissue.vcf", "wbc_normal.vcf", "prog1_plasma.vcf"] {
            try FileManager.default.copyItem(atPath: demo + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        // The progression file's sample column and a VEP annotation carry markup.
        var prog = try String(contentsOfFile: demo + "/prog2_plasma.vcf", encoding: .utf8)
        prog = prog.replacingOccurrences(of: "FORMAT\tprog2_plasma", with: "FORMAT\t\(p1)")
        Fixtures.write(prog, to: dir, as: "prog2.vcf")
        var yaml = try String(contentsOfFile: demo + "/case.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "case_id: DEMO-HER2-BRCA-01", with: "case_id: '\(p0)'")
        yaml = yaml.replacingOccurrences(of: "id: prog2_plasma", with: "id: '\(p0)'\n    sample: '\(p1)'")
        yaml = yaml.replacingOccurrences(of: "sample: prog2_plasma}", with: "sample: '\(p0)'}")
        yaml = yaml.replacingOccurrences(of: "vcf: prog2_plasma.vcf", with: "vcf: prog2.vcf")
        yaml = yaml.replacingOccurrences(of: "collected: 2024-04-15", with: "collected: '\(p1)'")
        yaml = yaml.replacingOccurrences(of: "\"neratinib\", \"lapatinib\"]", with: "\"neratinib\", \"lapatinib\", '\(p2)', '\(p0)']")
        return Fixtures.write(yaml, to: dir, as: "case.yaml")
    }

    func interpret(_ casePath: String, _ format: String) -> String {
        let (status, out, err) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", casePath, "--format", format])
        #expect(status == 0, "\(err)")
        return out
    }

    @Test("HTML: no markup from an input survives, every payload is shown escaped, links only to PubMed and doi.org")
    func html() throws {
        let html = interpret(try hostileCase(), "html")
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<img"))
        #expect(lower.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(lower.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("javascript:alert(3)"))  // shown as text …
        var hrefs: [Substring] = []
        var rest = html[...]
        while let r = rest.range(of: "href=\"") {
            let tail = rest[r.upperBound...]
            hrefs.append(tail.prefix { $0 != "\"" })
            rest = tail
        }
        #expect(!hrefs.isEmpty)
        for h in hrefs {   // … and never a link (the only others are anchors to the report's own rule sections)
            #expect(h.hasPrefix("https://pubmed.ncbi.nlm.nih.gov/") || h.hasPrefix("https://doi.org/") || h.hasPrefix("#rule-"), "\(h)")
        }
        #expect(!lower.contains("src=\"http") && !lower.contains("url(") && !lower.contains("@import"))
    }

    @Test("Markdown: payloads are shown as escaped text, never as HTML or links")
    func markdown() throws {
        let md = interpret(try hostileCase(), "markdown")
        #expect(!md.lowercased().contains("<script") && !md.lowercased().contains("<img"))
        #expect(md.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(!md.contains("](javascript:"))
        // A pipe or newline in a value cannot break a table row: every table line has the header's cell count.
        var columns: Int? = nil
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let c = columns { #expect(cells == c, "\(line)") } else { columns = cells }
        }
    }
}

@Suite("Cohort TSV cells")
struct CohortCellTests {
    @Test("a cohort value can neither split a row nor run as a spreadsheet formula")
    func cells() {
        #expect(CohortTSV.line(["=HYPERLINK(\"x\")", "a\tb\nc", "EGFR p.T790M"]) == "'=HYPERLINK(\"x\")\ta b c\tEGFR p.T790M\n")
    }
}
