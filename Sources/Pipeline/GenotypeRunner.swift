public import VariantModel
public import Catalogue
import Interpretation
import VCFIO

/// `nextline genotype`: opens the reads, decides the build from their header, chooses the sites (the
/// catalogue's hotspot alleles and phase pairs, or a sites VCF), checks each site's REF against the
/// reference, counts through ``ReadGenotyper`` and assembles the ``GenotypeDocument``.
public enum GenotypeRunner {
    /// Where the sites come from.
    public enum Sites: Sendable, Hashable {
        case catalogue
        case vcf(String)
    }

    public struct Request: Sendable {
        public var reads: String
        public var reference: String
        public var sites: Sites
        public var sample: String?
        public var settings: GenotypingSettings
        public init(reads: String, reference: String, sites: Sites, sample: String?, settings: GenotypingSettings) {
            self.reads = reads; self.reference = reference; self.sites = sites; self.sample = sample; self.settings = settings
        }
    }

    public static func run(_ request: Request, catalogue: Catalogue) throws -> GenotypeDocument {
        try runWithContigs(request, catalogue: catalogue).document
    }

    /// ``run(_:catalogue:)`` and the reads' header contigs (name, length), which the VCF form declares.
    public static func runWithContigs(_ request: Request, catalogue: Catalogue) throws
        -> (document: GenotypeDocument, contigs: [(name: String, length: Int)]) {
        let (reads, reference, build) = try open(request.reads, reference: request.reference, sample: request.sample)
        var (sites, pairs, sitesInput) = try chooseSites(request, catalogue: catalogue, build: build.build)
        // Catalogue alleles are written `7`; show them as the reads name the contig.
        if request.sites == .catalogue {
            sites = sites.map { named($0, in: reads) }
            pairs = pairs.map { named($0, in: reads) }
        }
        try checkReference(sites, reference: reference, reads: reads, source: sitesInput.path)
        let result = try ReadGenotyper(settings: request.settings).genotype(reads, sites: sites, pairs: pairs)
        let inputs = [
            GenotypeDocument.Input(role: "reads", path: request.reads, sha256: result.digest, checksumScope: AlignmentFile.digestScope,
                                   container: reads.isCRAM ? "CRAM" : "BAM", index: reads.indexPath, regions: result.regions),
            GenotypeDocument.Input(role: "reference", path: request.reference, sha256: reference.indexSHA256, checksumScope: "fai_index"),
            sitesInput,
        ]
        let document = GenotypeDocument(inputs: inputs, genomeBuild: build.build.rawValue, buildEvidence: build.evidence,
                                        sample: .init(name: reads.sample, source: reads.sampleSource),
                                        settings: .init(filters: request.settings, counting: result.countingUnit),
                                        sites: result.sites, phases: result.phases, warnings: result.warnings)
        return (document, reads.contigs)
    }

    /// Opens the reads (index, CRAM reference, read-group sample checked) and the reference, and decides
    /// the build from the reads' `@SQ` lengths (checked against the reference's): shared by `genotype` and
    /// the read-level evidence of case samples.
    static func open(_ path: String, reference: String, sample: String?) throws
        -> (reads: AlignmentFile, reference: ReferenceContext, build: BuildDetection.Result) {
        let reads = try AlignmentFile(path: path, reference: reference, sample: sample)
        let context = try ReferenceContext(path: reference)
        let header = VCFHeaderSummary(samples: [], contigs: reads.contigs.map { ($0.name, Optional($0.length)) }, info: [:],
                                      format: [:], meta: [], fileFormat: nil)
        let build = try BuildDetection.detect(header: header, requested: nil, path: path,
                                              reference: context.build.map { ($0, context.buildEvidence) })
        return (reads, context, build)
    }

    /// A site renamed to the reads' spelling of its contig (`7` → `chr7`).
    static func named(_ site: GenotypingSite, in reads: AlignmentFile) -> GenotypingSite {
        var s = site
        if let tid = reads.targetID(of: s.chrom) { s.chrom = reads.contigs[tid].name }
        return s
    }

    static func named(_ pair: PhasePair, in reads: AlignmentFile) -> PhasePair {
        PhasePair(gene: pair.gene, first: named(pair.first, in: reads), second: named(pair.second, in: reads))
    }

    /// The sites and pairs to count and the provenance of where they came from.
    static func chooseSites(_ request: Request, catalogue: Catalogue, build: GenomeBuild) throws
        -> ([GenotypingSite], [PhasePair], GenotypeDocument.Input) {
        let pairs = GenotypeSites.phasePairs(catalogue, build: build)
        switch request.sites {
        case .catalogue:
            return (GenotypeSites.catalogue(catalogue, build: build), pairs,
                    .init(role: "sites", path: "catalogue", sha256: catalogue.sha256, checksumScope: "catalogue_content"))
        case .vcf(let path):
            let read = try GenotypeSites.vcf(path, catalogue: catalogue, build: build)
            return (read.sites, GenotypeSites.pairs(pairs, among: read.sites),
                    .init(role: "sites", path: path, sha256: read.sha256, checksumScope: read.scope))
        }
    }

    /// Every site's REF must be the reference's bases there (an `N` in the reference matches any base).
    /// A site on a contig the reads have but the reference lacks is refused too: the reference is not the
    /// one the reads were aligned to. Sites on contigs the reads lack are not checked (they count 0).
    static func checkReference(_ sites: [GenotypingSite], reference: ReferenceContext, reads: AlignmentFile, source: String) throws {
        for site in sites where reads.targetID(of: site.chrom) != nil {
            guard let chrom = ContigName.canonical(site.chrom), reference.chromosomes.contains(chrom) else {
                throw InputProblem(path: reference.path, message: "no sequence for \(site.chrom), which the reads and the site \(site.label) (\(source)) are on")
            }
            let ref = site.reference.uppercased()
            guard let bases = reference.bases(chromosome: chrom, start: site.position, end: site.position + ref.count - 1) else {
                throw InputProblem(path: source, location: site.label, message: "the site lies beyond the end of \(site.chrom) in the reference \(reference.path)")
            }
            let matches = zip(ref.utf8, bases.utf8).allSatisfy { $0 == $1 || $1 == UInt8(ascii: "N") }
            if !matches {
                throw InputProblem(path: source, location: site.label, message: "REF \(ref) does not match the reference \(reference.path), which has \(bases) there")
            }
        }
    }
}
