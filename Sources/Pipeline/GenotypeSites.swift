public import VariantModel
public import Catalogue
import Interpretation
import VCFIO

/// The alleles and allele pairs `nextline genotype` counts: the catalogue's hotspot table for a build, or
/// the records of a sites VCF (one site per ALT), and the phase-relevant pairs the catalogue's rules name.
///
/// VCFIO takes explicit site and pair lists; this is where the catalogue (data, not code) becomes them.
public enum GenotypeSites {
    /// Every allele of the hotspot table in `build` (region rows such as amplifications have none), in
    /// table order, with gene and one-letter HGVS p.
    public static func catalogue(_ catalogue: Catalogue, build: GenomeBuild) -> [GenotypingSite] {
        catalogue.hotspots.compactMap { h in
            guard let a = h.alleles[build] else { return nil }
            return GenotypingSite(chrom: a.chromosome, position: a.position, reference: a.reference, alternate: a.alternate,
                                  identifier: "\(h.gene)_\(h.proteinChange)" + (h.hgvsc.map { ":\($0)" } ?? ""),
                                  gene: h.gene, hgvsp: "p." + h.proteinChange)
        }
    }

    /// Pairs of alleles whose phase a rule depends on: for a condition with `phase` (cis/trans), each
    /// DNA allele of its `phasePartners` (first: T790M) with each DNA allele of its changes (second: C797S
    /// c.2389T>A and c.2390G>C), taken from the hotspot table. A rule pair and its opposite-phase rule
    /// give one pair. Changes without a hotspot allele in `build` give none.
    public static func phasePairs(_ catalogue: Catalogue, build: GenomeBuild) -> [PhasePair] {
        let sites = GenotypeSites.catalogue(catalogue, build: build)
        func alleles(_ gene: String, _ change: ProteinChange) -> [GenotypingSite] {
            sites.filter { $0.gene == gene && $0.hgvsp == change.oneLetter }
        }
        var pairs: [PhasePair] = []
        for rule in catalogue.rules {
            for condition in rule.biomarkers where condition.phase != nil {
                for partner in condition.phasePartners {
                    for change in condition.changes {
                        for first in alleles(condition.gene, partner) {
                            for second in alleles(condition.gene, change) {
                                let pair = PhasePair(gene: condition.gene, first: first, second: second)
                                if !pairs.contains(pair) { pairs.append(pair) }
                            }
                        }
                    }
                }
            }
        }
        return pairs.sorted { ($0.gene, $0.first.position, $0.second.position, $0.second.alternate)
                              < ($1.gene, $1.first.position, $1.second.position, $1.second.alternate) }
    }

    /// The records of a sites VCF, one site per ALT (a multi-allelic record is split; an ID list `A;B`
    /// with one ID per ALT is split with it). A site that is a hotspot allele of `build` gets its gene and
    /// HGVS p. Returns the sites and the file's provenance (whole-file SHA-256).
    public static func vcf(_ path: String, catalogue: Catalogue, build: GenomeBuild) throws -> (sites: [GenotypingSite], sha256: String, scope: String) {
        let known = Dictionary(GenotypeSites.catalogue(catalogue, build: build).map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var sites: [GenotypingSite] = []
        let reader = try VCFReader(path: path, allowIndex: false)
        let summary = try reader.read(ReadPlan(useIndex: false)) { record in
            let ids = (record.identifier ?? "").split(separator: ";").map(String.init)
            for (i, alt) in record.alternates.enumerated() {
                var site = GenotypingSite(chrom: record.contig, position: record.position, reference: record.reference, alternate: alt,
                                          identifier: ids.count == record.alternates.count && ids.count > 1 ? ids[i] : record.identifier)
                if let hotspot = known[key(site)] { site.gene = hotspot.gene; site.hgvsp = hotspot.hgvsp }
                sites.append(site)
            }
        }
        if sites.isEmpty { throw InputProblem(path: path, message: "no sites: the VCF has no records on a primary chromosome") }
        return (sites, summary.sha256, summary.checksumScope)
    }

    /// The catalogue's pairs whose two alleles are both among `sites` (matched as trimmed alleles), using
    /// the sites as given.
    public static func pairs(_ pairs: [PhasePair], among sites: [GenotypingSite]) -> [PhasePair] {
        let byKey = Dictionary(sites.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        return pairs.compactMap { p in
            guard let a = byKey[key(p.first)], let b = byKey[key(p.second)] else { return nil }
            return PhasePair(gene: p.gene, first: a, second: b)
        }
    }

    /// A site's identity across naming: canonical chromosome and trimmed allele.
    static func key(_ s: GenotypingSite) -> String {
        Allele(chromosome: ContigName.canonical(s.chrom) ?? s.chrom, position: s.position, reference: s.reference,
               alternate: s.alternate).normalised().key
    }
}
