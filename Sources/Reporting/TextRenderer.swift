public import VariantModel

/// Terminal summary of an interpretation document (reads only the document; no clinical logic).
public enum TextRenderer {
    public static func render(_ doc: JSONValue) -> String {
        var out = ""
        let c = doc["case"]
        out += "nextline \(doc["tool"]?["version"]?.text ?? "") — case \(c?["case_id"]?.text ?? "?") (\(c?["tumor_type"]?.text ?? "?"), \(doc["genome_build"]?.text ?? "build ?"))\n"
        out += "catalogue \(doc["catalogue"]?["version"]?.text ?? "") sha256 \(doc["catalogue"]?["sha256"]?.text.prefix(12) ?? "")…\n"
        if let lines = c?["therapy_lines"]?.list, !lines.isEmpty {
            out += "therapy lines: " + lines.map { "\($0["line"]?.text ?? "?"). \($0["as_written"]?.list?.map(\.text).joined(separator: " + ") ?? "")" }.joined(separator: "; ") + "\n"
        }
        out += "\nVERDICTS (latest progression sample: \(doc["latest_progression_sample"]?.text ?? "none"))\n"
        let imps = doc["implications"]?.list ?? []
        if imps.isEmpty { out += "  no candidate therapy to assess\n" }
        for imp in imps {
            var tags: [String] = []
            if let l = imp["evidence_level"]?.text, !l.isEmpty { tags.append(l) }
            if imp["preclinical_only"]?.bool == true { tags.append("PRECLINICAL ONLY") }
            if imp["primary"]?.bool == true { tags.append("primary") }
            if imp["origin_uncertain"]?.bool == true { tags.append("ORIGIN UNCERTAIN") }
            out += "  \(pad(imp["therapy"]?.text ?? "", 28)) \(pad(verdictWord(imp["verdict"]?.text ?? ""), 18))\(tags.isEmpty ? "" : "[" + tags.joined(separator: ", ") + "]")\n"
            for b in imp["because"]?.list ?? [] { out += "      because: \(b.text)\n" }
            for r in imp["rule_details"]?.list ?? [] {
                out += "      rule \(r["id"]?.text ?? ""): \(r["effect"]?.text ?? "") (\(r["evidence_level"]?.text ?? "")\(r["tentative"]?.bool == true ? ", tentative" : ""))\n"
            }
            for n in imp["origin_notes"]?.list ?? [] { out += "      origin: \(n.text)\n" }
            if let signals = imp["preclinical_signals"]?.list, !signals.isEmpty {
                out += "      preclinical signals (not netted against the verdict): \(signals.map(\.text).joined(separator: ", "))\n"
            }
            if let conflicting = imp["conflicting"]?.list, !conflicting.isEmpty {
                out += "      conflicting: \(conflicting.map(\.text).joined(separator: ", "))\n"
            }
            if let refs = imp["references"]?.list, !refs.isEmpty {
                out += "      references: \(refs.map(\.text).joined(separator: ", "))\n"
            }
        }
        let recs = doc["recommendations"]?.list ?? []
        if !recs.isEmpty {
            out += "\nRECOMMENDATIONS\n"
            for r in recs {
                out += "  \(r["kind"]?.text ?? "") \(r["biomarker"]?.text ?? "")\(r["therapy"].map { $0.text.isEmpty ? "" : " before " + $0.text } ?? ""): \(r["reason"]?.text ?? "")\n"
            }
        }
        out += "\nFINDINGS\n"
        let all = doc["findings"]?.list ?? []
        if all.isEmpty { out += "  none in the watched genes\n" }
        let isVUS: (JSONValue) -> Bool = { $0["classification"]?.text == "vus" && $0["used"]?.bool != false }
        let findings = all.filter { !isVUS($0) && $0["used"]?.bool != false } + all.filter(isVUS) + all.filter { $0["used"]?.bool == false }
        var section = ""
        for f in findings {
            let heading = isVUS(f) ? "  variants of uncertain significance (listed; they trigger no class rule):\n"
                : f["used"]?.bool == false ? "  not used for verdicts:\n" : ""
            if heading != section { out += heading; section = heading }
            let label = f["fusion"]?["name"].map { $0.text + " fusion" }
                ?? "\(f["gene"]?.text ?? "") \(f["hgvsp"]?.text.nonEmpty ?? f["hgvsc"]?.text.nonEmpty ?? (f["cn_state"]?.text ?? ""))"
            let latest = doc["latest_progression_sample"]?.text
            let m = f["samples"]?.list?.first { $0["id"]?.text == latest }
            let vaf = m?["vaf"].flatMap { $0.text.nonEmpty } ?? "n/r"
            out += "  \(pad(label, 24)) VAF \(pad(vaf, 8)) depth \(pad(m?["depth"]?.text.nonEmpty ?? "n/r", 6)) \(pad(f["origin"]?.text ?? "", 13))"
            let flags = f["flags"]?.list?.map(\.text) ?? []
            if !flags.isEmpty { out += " flags: \(flags.joined(separator: ","))" }
            out += " \(f["classification"]?.text ?? "")"
            if let cn = f["copy_number_call"], let adjusted = cn["adjusted"]?.text.nonEmpty {
                out += " (\(adjusted) copies, \(cn["threshold"]?.text ?? ""))"
            }
            if f["used"]?.bool == false { out += " (not used: \(f["not_used_reason"]?.text ?? ""))" }
            out += "\n"
            let series = (f["samples"]?.list ?? []).filter { $0["role"]?.text != "normal" }
            if series.count > 1 {
                out += "      over time: " + series.map { "\($0["id"]?.text ?? "") \($0["status"]?.text == "detected" ? ($0["vaf"]?.text.nonEmpty ?? "?") : ($0["status"]?.text ?? ""))" }.joined(separator: " → ") + "\n"
            }
        }
        if let na = doc["not_assessable"]?.list, !na.isEmpty {
            out += "\nNOT ASSESSABLE (\(na.count))\n"
            for n in na.prefix(20) { out += "  \(n["gene"]?.text ?? "?") \(n["chrom"]?.text ?? ""):\(n["pos"]?.text ?? "") \(n["ref"]?.text ?? "")>\(n["alt"]?.text ?? ""): \(n["reason"]?.text ?? "")\n" }
            if na.count > 20 { out += "  … \(na.count - 20) more (see --format json)\n" }
        }
        if let tfs = doc["tumor_fractions"]?.list, !tfs.isEmpty {
            out += "\nTUMOUR FRACTION\n"
            for t in tfs { out += "  \(pad(t["sample"]?.text ?? "", 16)) \(t["value"]?.text.nonEmpty ?? "unknown") (\(t["how"]?.text ?? ""))\n" }
        }
        if let w = doc["warnings"]?.list, !w.isEmpty {
            out += "\nWARNINGS\n"
            for x in w { out += "  \(x.text)\n" }
        }
        out += "\nINPUTS\n"
        for i in doc["inputs"]?.list ?? [] {
            out += "  \(i["id"]?.text ?? "") \(i["path"]?.text ?? "") sha256 \(i["sha256"]?.text.prefix(16) ?? "")… \(i["genome_build"]?.text ?? "") sample \(i["sample"]?.text.nonEmpty ?? "-") VAF from \(i["vaf_sources"]?.list?.map(\.text).joined(separator: ",").nonEmpty ?? "-")\n"
        }
        return out
    }

    static func verdictWord(_ v: String) -> String {
        switch v {
        case "resistance": return "RESISTANCE"
        case "reduced_efficacy": return "REDUCED EFFICACY"
        case "sensitivity": return "SENSITIVITY"
        case "retest": return "RE-TEST FIRST"
        case "not_in_catalogue": return "not in catalogue"
        default: return "no known effect"
        }
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}

extension JSONValue {
    /// Scalar as display text (`null` → empty).
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double: return serialized(pretty: false)
        case .string(let s): return s
        default: return serialized(pretty: false)
        }
    }
    public var list: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
