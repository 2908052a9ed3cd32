import Catalogue
import Interpretation
import VariantModel
import VCFIO

/// Read-level evidence of a case sample that names a reads file (`bam:`/`cram:`): its reads are counted
/// (``ReadGenotyper``, htslib's pileup) at every allele of the catalogue's hotspot table and at every
/// allele the case's samples report, and at the catalogue's phase-relevant allele pairs.
///
/// The counts become the sample's observations, measured like any other: an allele with alt reads, or
/// one another sample reports, gets a finding whose measurement comes from the reads (``SampleMeasurement/fromReads``),
/// so a deep baseline with no alt read shows absence through the one detection model of the
/// interpretation stage, and alt reads below `min_alt_reads` are subthreshold evidence. Alleles the
/// sample's own VCF already reports keep the VCF's measurement. Phase counts are attached to the
/// findings of the pair (``Finding/readPhases``), where the cis/trans conditions read them.
enum ReadEvidence {
    struct Counted {
        var findings: [Finding]
        var provenance: InputProvenance
        var warnings: [String]
    }

    /// The read filters of case samples: `nextline genotype`'s defaults (MAPQ ≥ 20, base quality ≥ 20,
    /// no unmapped/secondary/supplementary/QC-fail/duplicate reads, UMI families by `MI`).
    static let settings = GenotypingSettings()

    /// Counts the reads of `sample` and merges them with the findings its VCF gave (`own`).
    /// - Parameters:
    ///   - caseAlleles: the findings of every sample of the case (whose alleles are counted too).
    ///   - build: the build of the case's variant files, when any; the reads must be in it.
    static func count(_ path: String, sample: PatientCase.Sample, reference given: String?, own: [Finding], caseAlleles: [Finding],
                      catalogue: Catalogue, build: GenomeBuild?, casePath: String?) throws -> Counted {
        guard let referencePath = sample.reference ?? given else {
            throw InputProblem(path: casePath ?? path, message: "sample \(sample.id): the reads file \(path) needs the reference FASTA it was aligned to (reference: in the sample, or --reference)")
        }
        let (reads, reference, detected) = try GenotypeRunner.open(path, reference: referencePath, sample: sample.readsSample)
        if let build, detected.build != build {
            throw InputProblem(path: path, message: "sample \(sample.id): the reads are \(detected.build.rawValue) (\(detected.evidence)) but the case's variant files are \(build.rawValue); all samples of a case must share one build")
        }
        let (sites, origins, skipped) = self.sites(catalogue: catalogue, build: detected.build, caseAlleles: caseAlleles, reads: reads)
        let pairs = GenotypeSites.phasePairs(catalogue, build: detected.build).map { GenotypeRunner.named($0, in: reads) }
        try GenotypeRunner.checkReference(sites, reference: reference, reads: reads, source: path)
        let result = try ReadGenotyper(settings: ReadEvidence.settings).genotype(reads, sites: sites, pairs: pairs)

        var findings = own
        let ownKeys = Set(own.map(\.alterationKey))
        let reported = Set(caseAlleles.map(\.alterationKey))
        for (genotype, origin) in zip(result.sites, origins) {
            var f = finding(genotype, origin: origin, sample: sample, reads: reads, build: detected.build, hotspots: catalogue.hotspots)
            let key = f.alterationKey
            guard !ownKeys.contains(key), genotype.counts.altReads > 0 || reported.contains(key) else { continue }
            f.source = sample.id
            if !findings.contains(where: { $0.alterationKey == key }) { findings.append(f) }
        }
        attach(result.phases, to: &findings, reads: path)
        let record = InputRecord(path: path, sha256: result.digest, checksumScope: AlignmentFile.digestScope,
                                 build: detected.build.rawValue, buildEvidence: detected.evidence, sample: reads.sample,
                                 sampleChoice: reads.sampleSource, container: reads.isCRAM ? "CRAM" : "BAM", readMode: "pileup",
                                 recordsRead: result.sites.count, vafSources: [SampleMeasurement.fromReads])
        let warnings = result.warnings + skipped
        return Counted(findings: findings,
                       provenance: InputProvenance(record: record, build: detected.build, recordsInWatchedGenes: result.sites.count, warnings: warnings),
                       warnings: warnings)
    }

    /// The sites to count: the hotspot table's alleles, then the case's reported alleles not among them
    /// (each once, named as the reads name their contig). `origins` holds, per site, the finding that
    /// names it (nil for a hotspot allele, named from the table). Alleles without a read-level form
    /// (symbolic, complex) are skipped and said.
    static func sites(catalogue: Catalogue, build: GenomeBuild, caseAlleles: [Finding], reads: AlignmentFile)
        -> (sites: [GenotypingSite], origins: [Finding?], skipped: [String]) {
        var sites: [GenotypingSite] = [], origins: [Finding?] = [], skipped: [String] = []
        var index: [String: Int] = [:]   // allele key → position in `sites`
        for site in GenotypeSites.catalogue(catalogue, build: build) where index[GenotypeSites.key(site)] == nil {
            index[GenotypeSites.key(site)] = sites.count
            sites.append(GenotypeRunner.named(site, in: reads)); origins.append(nil)
        }
        for f in caseAlleles where f.allele != nil && f.structural == nil && f.copyNumber == nil {
            let site = GenotypingSite(chrom: f.contig, position: f.position, reference: f.reference, alternate: f.alternate,
                                      gene: f.gene, hgvsp: f.proteinChange.map { "p." + $0.shortForm })
            let key = GenotypeSites.key(site)
            if let i = index[key] {
                if i >= 0, origins[i] == nil { origins[i] = f }   // the case's own naming wins over the table's
                continue
            }
            guard ReadGenotyper.supports(site) else {
                skipped.append("\(reads.path): \(f.label) (\(site.label)) has no read-level form (a complex or symbolic allele) and was not counted in the reads")
                index[key] = -1   // said once, however many samples report it
                continue
            }
            index[key] = sites.count
            sites.append(GenotypeRunner.named(site, in: reads)); origins.append(f)
        }
        return (sites, origins, skipped)
    }

    /// The finding of one counted allele: named like the case's finding it came from, or from the
    /// hotspot table; measured from the reads.
    static func finding(_ g: SiteGenotype, origin: Finding?, sample: PatientCase.Sample, reads: AlignmentFile,
                        build: GenomeBuild, hotspots: [Hotspot]) -> Finding {
        var f: Finding
        if let origin {
            f = origin
            f.disagreements = []; f.line = nil; f.readPhases = []; f.populationFrequency = nil; f.populationFrequencySource = nil
        } else {
            let allele = Allele(chromosome: ContigName.canonical(g.site.chrom) ?? g.site.chrom, position: g.site.position,
                                reference: g.site.reference, alternate: g.site.alternate).normalised()
            f = Finding(gene: g.site.gene ?? "", contig: g.site.chrom, position: allele.position, reference: allele.reference,
                        alternate: allele.alternate, build: build, source: sample.id)
            f.allele = allele
            if let h = hotspots.first(where: { $0.gene == g.site.gene && $0.alleles[build]?.key == allele.key }) {
                Identifier.apply(hotspot: h, to: &f)
            }
        }
        f.filters = []
        f.identifiedBy = f.identifiedBy.isEmpty ? ["reads"] : f.identifiedBy
        let c = g.counts
        f.measurement = SampleMeasurement(sample: reads.sample, vaf: c.vaf, altReads: c.altReads, depth: c.depth,
                                          vafSource: SampleMeasurement.fromReads, depthSource: SampleMeasurement.fromReads,
                                          detected: c.altReads > 0)
        return f
    }

    /// Phase counts on the findings of both alleles of each pair (each names the other as partner).
    static func attach(_ phases: [PhaseResult], to findings: inout [Finding], reads: String) {
        for p in phases {
            let firstKey = GenotypeSites.key(p.pair.first), secondKey = GenotypeSites.key(p.pair.second)
            guard let firstName = p.pair.first.hgvsp.flatMap(ProteinChange.init(hgvs:))?.shortForm,
                  let secondName = p.pair.second.hgvsp.flatMap(ProteinChange.init(hgvs:))?.shortForm else { continue }
            for i in findings.indices {
                guard let a = findings[i].allele else { continue }
                let key = GenotypeSites.key(GenotypingSite(chrom: a.chromosome, position: a.position, reference: a.reference,
                                                           alternate: a.alternate))
                if key == secondKey {
                    findings[i].readPhases.append(ReadPhase(partner: firstName, call: p.call, both: p.both, thisOnly: p.secondOnly,
                                                            partnerOnly: p.firstOnly, neither: p.neither, reads: reads))
                } else if key == firstKey {
                    findings[i].readPhases.append(ReadPhase(partner: secondName, call: p.call, both: p.both, thisOnly: p.firstOnly,
                                                            partnerOnly: p.secondOnly, neither: p.neither, reads: reads))
                }
            }
        }
    }
}
