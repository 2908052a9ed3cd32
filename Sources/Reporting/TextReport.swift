public import Interpretation

/// The terminal report: the same sections as the HTML page, in plain text.
public enum TextReport {
    public static func render(_ doc: InterpretationDocument) -> String {
        let v = ReportView(doc)
        var out = "nextline \(v.toolVersion) — case \(v.caseId): \(v.tumorType), \(v.genomeBuild)\n"
        out += "catalogue \(v.catalogueVersion) (sha256 \(v.catalogueSHA256.prefix(12))…) · latest progression sample: \(v.latestSample)\n"
        if !v.lines.isEmpty { out += "therapy lines: " + v.lines.map { "\($0.number). \($0.therapy)" }.joined(separator: "; ") + "\n" }
        out += "\n" + section("HEADLINE")
        out += list("acquired under treatment", v.acquired, empty: "none shown")
        if !v.lost.isEmpty { out += list("lost since baseline", v.lost, empty: "") }
        out += list("avoid (resistance)", v.avoid, empty: "no resistance verdict")
        if !v.reduced.isEmpty { out += list("expect less benefit (reduced efficacy)", v.reduced, empty: "") }
        out += list("consider", v.consider, empty: "no sensitivity verdict")
        out += list("re-test before deciding", v.retest, empty: "nothing to re-test")
        out += "\n" + section("VERDICTS (strongest first)")
        if v.verdicts.isEmpty { out += "  no candidate therapy to assess\n" }
        for r in v.verdicts { out += verdict(r) }
        if !v.recommendations.isEmpty { out += "\n" + section("RECOMMENDATIONS") + v.recommendations.map { "  \($0)\n" }.joined() }
        out += "\n" + section("FINDINGS (VAF and depth at \(v.latestSample))")
        if v.findings.isEmpty && v.uncertainFindings.isEmpty && v.setAsideFindings.isEmpty { out += "  none in the watched genes\n" }
        out += v.findings.map(finding).joined()
        if !v.uncertainFindings.isEmpty { out += "  variants of uncertain significance (listed; they trigger no class rule):\n" + v.uncertainFindings.map(finding).joined() }
        if !v.setAsideFindings.isEmpty { out += "  set aside, not used for verdicts:\n" + v.setAsideFindings.map(finding).joined() }
        if !v.notAssessable.isEmpty {
            out += "\n" + section("NOT ASSESSABLE (\(v.notAssessable.count))")
            out += v.notAssessable.prefix(20).map { "  \($0)\n" }.joined()
            if v.notAssessable.count > 20 { out += "  … \(v.notAssessable.count - 20) more (see --format json)\n" }
        }
        if !v.tumorFractions.isEmpty { out += "\n" + section("TUMOUR FRACTION") + v.tumorFractions.map { "  \(pad($0.name, 16)) \($0.value)\n" }.joined() }
        if !v.warnings.isEmpty { out += "\n" + section("WARNINGS") + v.warnings.map { "  \($0)\n" }.joined() }
        out += "\n" + section("PROVENANCE") + (v.provenance + v.inputs).map { "  \($0.name): \($0.value)\n" }.joined()
        out += "\n" + section("LEGEND") + v.legend.map { "  \(pad($0.name, 20)) \($0.value)\n" }.joined()
        out += "\n" + v.notice + "\n"
        return out
    }

    static func section(_ title: String) -> String { title + "\n" }

    static func list(_ title: String, _ items: [String], empty: String) -> String {
        "  \(title):\n" + (items.isEmpty ? "    – \(empty)\n" : items.map { "    • \($0)\n" }.joined())
    }

    static func verdict(_ r: ReportView.Verdict) -> String {
        var out = "  \(pad(r.therapy, 30)) " + (r.tagText.map { "\(pad(r.label, 17))[\($0)]" } ?? r.label) + "\n"
        for b in r.because { out += "      because: \(b)\n" }
        for u in r.untested { out += "      NOT TESTED (the verdict may change): \(u)\n" }
        if let f = r.foldedClasses { out += "      \(f)\n" }
        if let d = r.classDiffers { out += "      note: \(d)\n" }
        for n in r.originNotes { out += "      origin: \(n)\n" }
        if let c = r.conflicting { out += "      conflicting (other mechanisms): \(c)\n" }
        if let o = r.overridden { out += "      overridden: \(o)\n" }
        if let s = r.signals { out += "      preclinical signals (not netted against the verdict): \(s)\n" }
        for rule in r.rules {
            out += "      rule \(rule.id): \(rule.effect) (\(rule.level)\(rule.tentative ? ", tentative" : ""))\n"
            for c in rule.conditions {
                out += "        \(pad(c.status, 10)) \(c.biomarker) [\(c.role)]"
                if let e = c.evidence { out += ": \(e)" }
                if let s = c.settledBy { out += " — settle with \(s)" }
                out += "\n"
            }
            if !rule.references.isEmpty { out += "        references: \(rule.references.map(\.label).joined(separator: ", "))\n" }
        }
        return out
    }

    static func finding(_ f: ReportView.Finding) -> String {
        var out = "  \(pad(f.label, 24)) VAF \(pad(f.vaf, 8)) depth \(pad(f.depth, 6)) \(pad(f.origin, 13)) \(f.classification)"
        if let flags = f.flags { out += " · flags: \(flags)" }
        if let n = f.note { out += " · \(n)" }
        out += "\n"
        if f.series.count > 1 { out += "      over time: " + f.series.map { "\($0.sample) \($0.value)" }.joined(separator: " → ") + "\n" }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
