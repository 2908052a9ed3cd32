public import Interpretation
import VCFIO

/// `nextline annotate`: the input written back through htslib with a `NEXTLINE_ANN` entry for each ALT
/// that a finding describes; every record kept, tags added only.
public enum AnnotationRunner {
    /// The output's type by its name: `.vcf`, `.vcf.gz` (indexed `.tbi`) or `.bcf` (indexed `.csi`); nil otherwise.
    public static func indexSuffix(forOutput path: String) -> String?? {
        VCFAnnotator.Container.of(path).map { $0.indexSuffix }
    }

    /// Writes `input` to `temporary` (of the type `output`'s name gives) with the findings' tags and the
    /// given provenance header lines. Returns the number of records written.
    @discardableResult
    public static func write(input: String, temporary: String, output: String, findings: [DocumentFinding],
                             provenance: [String]) throws -> Int {
        guard let container = VCFAnnotator.Container.of(output) else {
            throw InputProblem(path: output, message: "the output must end in .vcf, .vcf.gz or .bcf")
        }
        let byKey = AnnotationTags.index(findings)
        // Normalising an allele costs allocations; a record can only match a finding that starts inside its
        // REF span (normalisation trims a shared prefix), so other records pass without it.
        var starts: [String: Set<Int>] = [:]
        for f in findings { starts[f.chrom, default: []].insert(f.pos) }
        return try VCFAnnotator(input: input).write(to: temporary, container: container,
                                                    headerLines: AnnotationTags.headerLines + provenance) { site in
            guard let near = starts[site.contig],
                  (site.position...(site.position + max(site.reference.count, 1))).contains(where: near.contains) else { return [] }
            let entries = site.alternates.compactMap { alt -> String? in
                guard let k = AnnotationTags.key(contig: site.contig, position: site.position, reference: site.reference, alternate: alt),
                      let f = byKey[k] else { return nil }
                return AnnotationTags.entry(f, alt: alt)
            }
            return entries.isEmpty ? [] : [("NEXTLINE_ANN", entries.joined(separator: ","))]
        }
    }
}
