import Foundation
import Testing
import TestSupport
import Interpretation

/// The HTML report as a person sees it: Debian's Chromium opens the demo report headless; the rendered DOM
/// must show the JSON's verdicts (in its order) and findings, the screenshot must not be blank, and the
/// PDF print must have a sane page count. `.ci/run` installs chromium; without it these tests are skipped.
@Suite("HTML report in a real browser", .enabled(if: Fixtures.chromium != nil, "chromium is not installed"), .serialized)
struct BrowserTests {
    let dir = Fixtures.temporaryDirectory()

    func chromium(_ args: [String]) -> (Int32, String, String) {
        Fixtures.run(Fixtures.chromium ?? "/usr/bin/chromium",
                     ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                      "--user-data-dir=\(dir.appendingPathComponent("profile").path)"] + args)
    }

    func demo() throws -> (html: String, doc: InterpretationDocument) {
        let (s1, json, e1) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", "TestVCFs/demo/case.yaml", "--format", "json"], cwd: Fixtures.root)
        #expect(s1 == 0, "\(e1)")
        let html = dir.appendingPathComponent("demo.html").path
        let (s2, _, e2) = Fixtures.run(Fixtures.nextlineBinary, ["interpret", "--case", "TestVCFs/demo/case.yaml", "--format", "html", "--output", html], cwd: Fixtures.root)
        #expect(s2 == 0, "\(e2)")
        return (html, try DocumentJSON.decode(InterpretationDocument.self, from: json))
    }

    @Test("the rendered DOM shows every verdict of the JSON, strongest first, and every finding")
    func domMatchesJSON() throws {
        let (html, doc) = try demo()
        let (status, dom, err) = chromium(["--dump-dom", "file://" + html])
        #expect(status == 0, "\(err)")
        let labels = ["resistance": "RESISTANCE", "reduced_efficacy": "REDUCED EFFICACY", "retest": "RE-TEST FIRST",
                      "sensitivity": "SENSITIVITY", "no_known_effect": "no known effect"]
        var cursor = dom.startIndex
        let table = dom.range(of: "<table class=\"verdicts\">")
        #expect(table != nil)
        if let t = table { cursor = t.upperBound }
        for v in doc.implications where v.restatedBy.isEmpty {
            // Each verdict row: the therapy, then its verdict label, after the previous row.
            let row = dom.range(of: "<strong>\(v.therapy)</strong>", range: cursor..<dom.endIndex)
            #expect(row != nil, "\(v.therapy) missing or out of order")
            guard let row else { continue }
            let badge = dom.range(of: ">\(labels[v.verdict] ?? v.verdict)</span>", range: row.upperBound..<dom.endIndex)
            #expect(badge != nil, "\(v.therapy): \(v.verdict)")
            cursor = badge?.upperBound ?? row.upperBound
        }
        for f in doc.findings { #expect(dom.contains(f.label), "\(f.label)") }
        #expect(dom.contains(doc.patientCase.caseId))
        #expect(dom.contains(doc.catalogue.sha256))
    }

    @Test("a screenshot is not blank and the PDF print has a sane page count")
    func screenshotAndPrint() throws {
        let (html, _) = try demo()
        let png = dir.appendingPathComponent("demo.png").path
        let (s1, _, e1) = chromium(["--screenshot=\(png)", "--window-size=1280,2400", "file://" + html])
        #expect(s1 == 0, "\(e1)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank 1280×2400 page compresses to a few kilobytes; the report is text, tables and charts.
        #expect(bytes.count > 60_000, "screenshot is \(bytes.count) bytes")
        let pdf = dir.appendingPathComponent("demo.pdf").path
        let (s2, _, e2) = chromium(["--print-to-pdf=\(pdf)", "--no-pdf-header-footer", "file://" + html])
        #expect(s2 == 0, "\(e2)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let pages = ["/Type /Page", "/Type/Page"].reduce(0) { n, marker in
            n + text.components(separatedBy: marker).dropFirst().filter { !$0.hasPrefix("s") }.count
        }
        #expect((1...8).contains(pages), "\(pages) pages")
    }

    @Test("at 200% zoom (a 640-pixel-wide window) nothing but the wide data tables scrolls sideways")
    func usableAtDoubleZoom() throws {
        let (html, _) = try demo()
        // A probe copy: the page's own policy forbids scripts, so the copy drops it and adds one that lists
        // every element reaching past the window's right edge outside a scrollable `.wide` block.
        var page = try String(contentsOfFile: html, encoding: .utf8)
        if let csp = page.range(of: "<meta http-equiv=\"Content-Security-Policy\"") , let end = page[csp.upperBound...].range(of: ">") {
            page.removeSubrange(csp.lowerBound..<end.upperBound)
        }
        let probe = """
        <script>var out=[];var W=document.documentElement.clientWidth;document.querySelectorAll("body *").forEach(function(e){
        var r=e.getBoundingClientRect();if(r.right>W+1&&!e.closest(".wide")){out.push(e.tagName+" "+(e.textContent||"").slice(0,30));}});
        document.body.setAttribute("data-overflow",out.length?out.slice(0,5).join(" | "):"none");</script></body>
        """
        let copy = Fixtures.write(page.replacingOccurrences(of: "</body>", with: probe), to: dir, as: "probe.html")
        let (status, dom, err) = chromium(["--window-size=640,1000", "--dump-dom", "file://" + copy])
        #expect(status == 0, "\(err)")
        #expect(dom.contains("data-overflow=\"none\""), "\(dom.components(separatedBy: "data-overflow=").dropFirst().first?.prefix(300) ?? "probe did not run")")
    }
}

