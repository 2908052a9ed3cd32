import VariantModel
import Interpretation

/// The text forms of a ``GenotypeDocument`` (JSON goes through `DocumentJSON`):
///
/// - TSV: a `## sites` block (one row per site) and, when there are pairs, a blank line and a `## phases`
///   block (one row per pair), each with its own column header; `#` lines before them give the sample,
///   build, counting and filters.
/// - VCF 4.2: one record per site (multi-allelic records stay split), FORMAT `AD:DP:ADF:ADR` for the
///   sample, records in the reads' contig order; pairs and settings as `##nextline_…` header lines.
public enum GenotypeRenderer {
    public static let siteColumns = ["chrom", "pos", "ref", "alt", "id", "gene", "hgvsp", "alt_reads", "ref_reads", "other_reads",
                                     "depth", "alt_forward", "alt_reverse", "ref_forward", "ref_reverse"]
    public static let phaseColumns = ["gene", "first", "second", "first_site", "second_site", "both", "first_only", "second_only",
                                      "neither", "call"]

    public static func tsv(_ doc: GenotypeDocument) -> String {
        let f = doc.settings.filters
        var out = "# nextline genotype \(doc.tool.version)\tschema=\(GenotypeDocument.schemaID)\n"
        out += "# sample=\(cell(doc.sample.name))\tbuild=\(doc.genomeBuild)\tcounting=\(doc.settings.counting)\tmin_mapq=\(f.minMappingQuality)\tmin_baseq=\(f.minBaseQuality)\n"
        out += "## sites\n" + siteColumns.joined(separator: "\t") + "\n"
        for s in doc.sites {
            let c = s.counts
            let fields = [s.site.chrom, "\(s.site.position)", s.site.reference, s.site.alternate, s.site.identifier ?? ".",
                          s.site.gene ?? ".", s.site.hgvsp ?? "."].map(cell)
                + [c.altReads, c.refReads, c.otherReads, c.depth, c.altForward, c.altReverse, c.refForward, c.refReverse].map(String.init)
            out += fields.joined(separator: "\t") + "\n"
        }
        guard !doc.phases.isEmpty else { return out }
        out += "\n## phases\n" + phaseColumns.joined(separator: "\t") + "\n"
        for p in doc.phases {
            let fields = [p.pair.gene, p.pair.first.hgvsp ?? ".", p.pair.second.hgvsp ?? ".", p.pair.first.label, p.pair.second.label].map(cell)
                + [p.both, p.firstOnly, p.secondOnly, p.neither].map(String.init) + [p.call.rawValue]
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A TSV cell: tabs and line breaks become spaces (a VCF ID or a path cannot break the table).
    static func cell(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// A sites VCF with the sample's counts. `contigs` are the reads' header contigs (name, length), in order.
    public static func vcf(_ doc: GenotypeDocument, contigs: [(name: String, length: Int)]) -> String {
        var out = header(doc, contigs: contigs)
        let order = Dictionary(contigs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = doc.sites.enumerated().sorted {
            (order[$0.element.site.chrom] ?? Int.max, $0.element.site.position, $0.offset)
                < (order[$1.element.site.chrom] ?? Int.max, $1.element.site.position, $1.offset)
        }
        for (_, s) in sorted {
            let c = s.counts
            var info: [String] = []
            if let g = s.site.gene { info.append("GENE=\(infoValue(g))") }
            if let p = s.site.hgvsp { info.append("HGVSP=\(infoValue(p))") }
            let id = s.site.identifier.map { $0.isEmpty ? "." : $0.replacingSpaces() } ?? "."
            let sample = "\(c.refReads),\(c.altReads):\(c.depth):\(c.refForward),\(c.altForward):\(c.refReverse),\(c.altReverse)"
            out += [s.site.chrom, "\(s.site.position)", id, s.site.reference.uppercased(), s.site.alternate.uppercased(), ".", ".",
                    info.isEmpty ? "." : info.joined(separator: ";"), "AD:DP:ADF:ADR", sample].joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func header(_ doc: GenotypeDocument, contigs: [(name: String, length: Int)]) -> String {
        let f = doc.settings.filters
        let reads = doc.inputs.first { $0.role == "reads" }
        var h = "##fileformat=VCFv4.2\n##source=nextline genotype \(doc.tool.version)\n"
        if let ref = doc.inputs.first(where: { $0.role == "reference" }) { h += "##reference=\(ref.path)\n" }
        var declared = Set<String>()
        for c in contigs { h += "##contig=<ID=\(c.name),length=\(c.length)>\n"; declared.insert(c.name) }
        for s in doc.sites where !declared.contains(s.site.chrom) { h += "##contig=<ID=\(s.site.chrom)>\n"; declared.insert(s.site.chrom) }
        h += "##INFO=<ID=GENE,Number=1,Type=String,Description=\"Gene of the genotyped allele\">\n"
        h += "##INFO=<ID=HGVSP,Number=1,Type=String,Description=\"One-letter HGVS protein change of the genotyped allele\">\n"
        let unit = doc.settings.counting == "umi_family" ? "UMI families" : "Fragments"
        h += "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"\(unit) showing REF and ALT\">\n"
        h += "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"\(unit) with a counted base: REF, ALT or other\">\n"
        h += "##FORMAT=<ID=ADF,Number=R,Type=Integer,Description=\"\(unit) showing REF and ALT, counted read on the forward strand\">\n"
        h += "##FORMAT=<ID=ADR,Number=R,Type=Integer,Description=\"\(unit) showing REF and ALT, counted read on the reverse strand\">\n"
        h += "##nextline_genotype=<schema=\(GenotypeDocument.schemaID),counting=\(doc.settings.counting),min_mapq=\(f.minMappingQuality),min_baseq=\(f.minBaseQuality),excluded_flags=\(f.excludedFlags.joined(separator: "|")),umi=\(f.umi.rawValue),max_depth=\(f.maxDepth),build=\(doc.genomeBuild)>\n"
        if let reads { h += "##nextline_reads=<path=\(reads.path.replacingSpaces()),sha256=\(reads.sha256),digest_of=\(reads.checksumScope)>\n" }
        for p in doc.phases {
            h += "##nextline_phase=<gene=\(p.pair.gene),first=\(p.pair.first.hgvsp ?? "."),second=\(p.pair.second.hgvsp ?? "."),first_site=\(p.pair.first.chrom):\(p.pair.first.position):\(p.pair.first.reference):\(p.pair.first.alternate),second_site=\(p.pair.second.chrom):\(p.pair.second.position):\(p.pair.second.reference):\(p.pair.second.alternate),both=\(p.both),first_only=\(p.firstOnly),second_only=\(p.secondOnly),neither=\(p.neither),call=\(p.call.rawValue)>\n"
        }
        h += "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t\(cell(doc.sample.name))\n"
        return h
    }

    /// An INFO value: characters VCF reserves there (`;`, `=`, `,`, space, tab) become `_`.
    static func infoValue(_ s: String) -> String {
        String(s.map { ";=, \t\n".contains($0) ? "_" : $0 })
    }
}

private extension String {
    func replacingSpaces() -> String { String(map { $0 == " " || $0 == "\t" || $0 == "\n" ? "_" : $0 }) }
}
