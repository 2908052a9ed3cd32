public import VariantModel
public import Interpretation

/// JSON forms of findings and measurements shared by the scan and interpretation documents.
public enum FindingJSON {
    public static func measurement(_ m: SampleMeasurement, id: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id ?? m.sample),
            "vaf": .optional(m.vaf.map(round6)),
            "alt_reads": .optional(m.altReads),
            "depth": .optional(m.depth),
            "vaf_source": .optional(m.vafSource),
            "depth_source": .optional(m.depthSource),
            "detected": .bool(m.detected),
        ]
        if id != nil, !m.sample.isEmpty { o["sample"] = .string(m.sample) }
        if let g = m.genotype { o["genotype"] = .string(g) }
        if !m.disagreements.isEmpty {
            o["vaf_disagreements"] = .array(m.disagreements.map { ["source": .string($0.source), "vaf": .double(round6($0.vaf))] })
        }
        return .object(o)
    }

    /// A finding object of DESIGN §4 (without origin/flags/matches, which interpretation adds).
    public static func finding(_ f: Finding, samples: [JSONValue]) -> [String: JSONValue] {
        var o: [String: JSONValue] = [
            "gene": .string(f.gene),
            "hgvsp": .optional(f.proteinChange.flatMap { $0.position == nil ? nil : $0.oneLetter }),
            "hgvsp_long": .optional(f.proteinChange.flatMap { $0.position == nil ? nil : $0.threeLetter }),
            "hgvsc": .optional(f.hgvsc),
            "transcript": .optional(f.transcript),
            "consequence": .optional(f.consequence?.term),
            "chrom": .string(f.contig),
            "pos": .int(f.position),
            "ref": .string(f.reference),
            "alt": .string(f.alternate),
            "genome_build": .string(f.build.rawValue),
            "samples": .array(samples),
            "filter": .strings(f.filters.isEmpty ? ["."] : f.filters),
            "identified_by": .strings(f.identifiedBy),
        ]
        if let w = f.hgvspAsWritten { o["hgvsp_as_written"] = .string(w) }
        if !f.disagreements.isEmpty { o["disagreements"] = .strings(f.disagreements) }
        if let s = f.structural {
            o["copy_number"] = [
                "state": .optional(f.copyNumber?.rawValue), "copy_number": .optional(s.copyNumber),
                "kind": .string(s.kind.rawValue), "start": .int(s.start), "end": .int(s.end),
                "fold_change": .optional(s.foldChange), "log2_ratio": .optional(s.log2Ratio),
            ]
        }
        if let line = f.line { o["line"] = .int(line) }
        if let pf = f.populationFrequency {
            o["population_frequency"] = ["value": .double(round6(pf)), "source": .optional(f.populationFrequencySource)]
        }
        return o
    }

    public static func notAssessable(_ n: NotAssessable) -> JSONValue {
        var o: [String: JSONValue] = ["gene": .optional(n.gene), "chrom": .string(n.contig), "pos": .int(n.position),
                                      "ref": .string(n.reference), "alt": .string(n.alternate), "reason": .string(n.reason)]
        if let l = n.line { o["line"] = .int(l) }
        return .object(o)
    }

    static func round6(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }
}
