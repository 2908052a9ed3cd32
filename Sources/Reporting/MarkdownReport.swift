public import Interpretation

/// The report as Markdown tables, for tumour-board minutes. Every value from an input is escaped so it
/// cannot break a table or turn into a link or HTML.
public enum MarkdownReport {
    public static func render(_ doc: InterpretationDocument) -> String {
        let v = ReportView(doc)
        var out = "# Next-line report — case \(e(v.caseId))\n\n"
        out += "\(e(v.tumorType)) · \(e(v.genomeBuild)) · latest progression sample: \(e(v.latestSample)) · nextline \(e(v.toolVersion)), catalogue \(e(v.catalogueVersion))\n\n"
        out += "> \(e(v.notice))\n\n"
        out += "## Therapy lines and samples\n\n"
        out += v.lines.isEmpty ? "No prior therapy line given.\n\n"
            : table(["Line", "Therapy", "Dates", "Best response"], v.lines.map { [String($0.number), $0.therapy, $0.dates ?? "–", $0.response ?? "–"] })
        out += table(["Sample", "Role", "Kind", "Collected", "Tumour fraction"],
                     v.samples.map { [$0.id, $0.role, $0.kind, $0.collected ?? "–", $0.tumorFraction ?? "unknown"] })
        if !v.biomarkers.isEmpty { out += table(["Biomarker result given", "Result"], v.biomarkers.map { [$0.name, $0.value] }) }
        out += "## Headline\n\n"
        out += bullets("Acquired under treatment", v.acquired, empty: "none shown")
        if !v.lost.isEmpty { out += bullets("Lost since baseline", v.lost, empty: "") }
        out += bullets("Avoid (resistance)", v.avoid, empty: "no resistance verdict")
        if !v.reduced.isEmpty { out += bullets("Expect less benefit (reduced efficacy)", v.reduced, empty: "") }
        out += bullets("Consider", v.consider, empty: "no sensitivity verdict")
        out += bullets("Re-test before deciding", v.retest, empty: "nothing to re-test")
        out += "## Verdicts per candidate therapy\n\n"
        out += v.verdicts.isEmpty ? "No candidate therapy to assess.\n\n"
            : table(["Therapy", "Verdict", "Evidence", "Because", "Not tested (the verdict may change)"], v.verdicts.map { r in
                [r.therapy, "**\(e(r.label))**", r.tagText ?? "–",
                 (r.because + [r.foldedClasses, r.classDiffers].compactMap { $0 } + r.originNotes.map { "origin: \($0)" }).joined(separator: "; "),
                 r.untested.isEmpty ? "–" : r.untested.joined(separator: "; ")]
            }, raw: [1])
        out += "### Rules behind each verdict\n\n"
        for r in v.verdicts where !r.rules.isEmpty {
            out += "**\(e(r.therapy))** — \(e(r.label))\n\n"
            out += table(["Rule", "Effect", "Condition", "Status", "Evidence / test that would settle it", "References"],
                         r.rules.flatMap(ruleRows), raw: [5])
        }
        if !v.recommendations.isEmpty { out += "## Recommendations\n\n" + v.recommendations.map { "- \(e($0))\n" }.joined() + "\n" }
        out += "## Findings (VAF and depth at \(e(v.latestSample)))\n\n"
        let rows = { (fs: [ReportView.Finding]) in
            fs.map { [$0.label, $0.hgvsc, $0.transcript, $0.vaf, $0.depth, $0.origin, $0.classification,
                      [$0.flags.map { "flags: \($0)" }, $0.note].compactMap { $0 }.joined(separator: "; "),
                      $0.series.map { "\($0.sample) \($0.value)" }.joined(separator: " → ")] }
        }
        let head = ["Alteration", "HGVS c.", "Transcript", "VAF", "Depth", "Origin", "Class", "Notes", "Over time"]
        out += v.findings.isEmpty ? "No alteration in the watched genes was used for verdicts.\n\n" : table(head, rows(v.findings))
        if !v.uncertainFindings.isEmpty { out += "### Variants of uncertain significance\n\n" + table(head, rows(v.uncertainFindings)) }
        if !v.setAsideFindings.isEmpty { out += "### Set aside — not used for verdicts\n\n" + table(head, rows(v.setAsideFindings)) }
        if !v.notAssessable.isEmpty { out += bullets("Not assessable", v.notAssessable, empty: "") }
        if !v.warnings.isEmpty { out += bullets("Warnings and inconclusive negatives", v.warnings, empty: "") }
        out += "## Legend\n\n" + table(["Term", "Meaning"], v.legend.map { [$0.name, $0.value] })
        out += "## Provenance\n\n" + table(["Item", "Value"], (v.provenance + v.inputs + v.tumorFractions.map {
            ReportView.Pair(name: "tumour fraction \($0.name)", value: $0.value) } + v.settings).map { [$0.name, $0.value] })
        return out
    }

    static func ruleRows(_ rule: ReportView.Rule) -> [[String]] {
        let effect = "\(rule.effect) (\(rule.level)\(rule.tentative ? ", tentative" : ""))"
        let refs: [String] = rule.references.map { ref in
            guard let url = ref.url.flatMap(ReportView.safeLink) else { return e(ref.label) }
            // Parentheses would end the link early in Markdown: percent-encoded (a doi can hold them).
            return "[\(e(ref.label))](\(String(url.flatMap { $0 == "(" ? Array("%28") : $0 == ")" ? Array("%29") : [$0] })))"
        }
        let refText = refs.joined(separator: ", ")
        if rule.conditions.isEmpty { return [[rule.id, effect, "therapy history only", "–", "", refText]] }
        return rule.conditions.map { c -> [String] in
            var detail: [String] = []
            if let ev = c.evidence { detail.append(ev) }
            if let s = c.settledBy { detail.append("settle with: " + s) }
            return [rule.id, effect, c.biomarker, c.status, detail.joined(separator: "; "), refText]
        }
    }

    static func bullets(_ title: String, _ items: [String], empty: String) -> String {
        "**\(title)**\n\n" + (items.isEmpty ? "- \(empty)\n" : items.map { "- \(e($0))\n" }.joined()) + "\n"
    }

    /// A table; columns listed in `raw` hold Markdown this renderer wrote (links, bold), already escaped.
    static func table(_ head: [String], _ rows: [[String]], raw: Set<Int> = []) -> String {
        var out = "| " + head.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: head.count) + "\n"
        for r in rows { out += "| " + r.enumerated().map { raw.contains($0.offset) ? $0.element : e($0.element) }.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    /// Escapes Markdown syntax and `<` (so no HTML tag or autolink can start), and keeps a value on one line.
    static func e(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~": out.append("\\"); out.append(c)
            case "<": out += "&lt;"   // no HTML tag or autolink can start; '>' and '&' alone are harmless
            case "\n", "\r", "\t": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }
}
