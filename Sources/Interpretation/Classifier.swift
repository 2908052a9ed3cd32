public import Catalogue
public import VariantModel

/// CLASSIFY: origin, flags and tumour fraction per alteration (see Interpreter.swift header).
struct Classifier {
    let settings: InterpretationSettings
    let samples: [SampleFindings]
    let latest: SampleFindings?
    var catalogue: Catalogue? = nil
    var givenIn: String = "the case file"

    static let tp53CHHotspots: Set<String> = ["R175H", "Y220C", "G245S", "R248Q", "R248W", "R273C", "R273H", "R282W"]

    /// Key of an alteration across samples: the normalised allele, gene + copy-number direction
    /// (a gain and an amplification of one gene are the same alteration at two levels), or the fusion.
    static func key(_ f: Finding) -> String {
        if let a = f.allele {
            // An indel in a repeat can be written at different positions (left- or right-aligned) by
            // different callers; without a reference to left-align, its HGVS c. (3'-shifted by VEP and
            // the engine alike) is the stable name.
            if a.reference.count != a.alternate.count, let c = f.hgvsc {
                let cPart = c.split(separator: ":").last ?? Substring(c)   // drop the transcript prefix
                if cPart.hasPrefix("c.") { return "\(f.gene):\(cPart)" }
            }
            return a.key
        }
        if let s = f.structural, s.kind == .breakend { return "\(f.gene):fusion" }
        switch f.copyNumber {
        case .amplification?, .gain?: return "\(f.gene):copy_gain"
        case .loss?: return "\(f.gene):copy_loss"
        case nil: return "\(f.gene):\(f.structural?.kind.rawValue ?? "structural")"
        }
    }

    /// The one definition of "this sample detects the allele" (docs/interpretation.md): a record that passed its
    /// filters with at least `min_alt_reads` alt reads (a VAF > 0 when the file gives no read counts;
    /// a sites-only record is the call itself). Fewer reads are weak evidence, not a detection.
    static func isDetected(_ f: Finding, settings: InterpretationSettings) -> Bool {
        guard f.passedFilters else { return false }
        guard let m = f.measurement else { return true }
        if !m.detected { return false }
        if let alt = m.altReads { return alt >= settings.minAltReads }
        if let v = m.vaf { return v > 0 }
        return true
    }

    /// `detected`; `subthreshold` for a record that passed its filters with alt reads, but fewer than
    /// `min_alt_reads` (reported as evidence, never as a detection); else `not_detected`.
    static func status(_ f: Finding, settings: InterpretationSettings) -> String {
        if isDetected(f, settings: settings) { return "detected" }
        if f.passedFilters, let alt = f.measurement?.altReads, alt > 0 { return "subthreshold" }
        return "not_detected"
    }

    /// A record with some support that is not a detection (filtered, or too few alt reads): listed, not used.
    static func notDetectedReason(_ f: Finding, settings: InterpretationSettings) -> String? {
        guard let m = f.measurement, m.detected else { return f.passedFilters ? nil : "filtered" }
        if !f.passedFilters { return "filtered" }
        if let alt = m.altReads, alt > 0, alt < settings.minAltReads {
            return "not a detection: \(alt) alt read\(alt == 1 ? "" : "s") (fewer than min_alt_reads \(settings.minAltReads))"
        }
        return nil
    }

    /// Estimated tumour fraction of a sample, or the case's value.
    func tumourFraction(of s: SampleFindings) -> TumourFractionEstimate {
        if let tf = s.sample.tumourFraction { return .init(sampleID: s.sample.id, value: tf, how: givenIn == "the command line" ? "given with --tumor-fraction" : "given in \(givenIn)") }
        if s.sample.role == .normal { return .init(sampleID: s.sample.id, value: nil, how: "normal sample") }
        let somatic = s.findings.filter { f in
            guard let v = f.measurement?.vaf, Classifier.isDetected(f, settings: settings), f.allele != nil else { return false }
            return v < 0.4 && f.passedFilters && !WatchedGenes.clonalHaematopoiesis.subtracting(["TP53"]).contains(f.gene)
                && !isInNormal(f) && !isCuratedPolymorphism(f)
        }
        if let top = somatic.max(by: { ($0.measurement?.vaf ?? 0) < ($1.measurement?.vaf ?? 0) }), let v = top.measurement?.vaf {
            return .init(sampleID: s.sample.id, value: min(1, 2 * v),
                         how: "estimated as 2 × the highest somatic VAF (\(Self.format(v)), \(top.label)), assuming a heterozygous clonal variant in a diploid region")
        }
        if s.sample.kind == .tissue {
            return .init(sampleID: s.sample.id, value: settings.defaultTissueTumourFraction,
                         how: "no somatic VAF to estimate from; stated default for tissue (\(Self.format(settings.defaultTissueTumourFraction)))")
        }
        return .init(sampleID: s.sample.id, value: nil, how: "not given and no somatic variant to estimate it from")
    }

    static func format(_ v: Double) -> String {
        let r = (v * 10000).rounded() / 10000
        return "\(r)"
    }

    /// A curated germline polymorphism never estimates tumour fraction.
    func isCuratedPolymorphism(_ f: Finding) -> Bool {
        guard let p = f.proteinChange?.shortForm else { return false }
        return catalogue?.genes.genes[f.gene]?.polymorphism(p) != nil
    }

    var normals: [SampleFindings] { samples.filter { $0.sample.role == .normal } }

    func isInNormal(_ f: Finding) -> Bool {
        let k = Classifier.key(f)
        return normals.contains { n in n.findings.contains { Classifier.key($0) == k && Classifier.isDetected($0, settings: settings) } }
    }

    /// Probability that an allele at `vaf` would give at least `minAltReads` reads at `depth`.
    static func detectionProbability(depth: Int, vaf: Double, minAltReads: Int) -> Double {
        guard depth > 0, vaf > 0 else { return 0 }
        if vaf >= 1 { return depth >= minAltReads ? 1 : 0 }
        // P(X < m) = Σ_{i<m} C(n,i) p^i (1-p)^(n-i), in log space.
        var below = 0.0
        let n = Double(depth)
        let logp = log(vaf), logq = log1p(-vaf)
        for i in 0..<min(minAltReads, depth + 1) {
            let k = Double(i)
            let logC = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)
            below += exp(logC + k * logp + (n - k) * logq)
        }
        return max(0, min(1, 1 - below))
    }

    func observations(of key: String) -> [Observation] {
        samples.map { s in
            if let f = s.findings.first(where: { Classifier.key($0) == key }) {
                return Observation(sampleID: s.sample.id, role: s.sample.role, kind: s.sample.kind, collected: s.sample.collected,
                                   measurement: f.measurement, status: Classifier.status(f, settings: settings))
            }
            return Observation(sampleID: s.sample.id, role: s.sample.role, kind: s.sample.kind, collected: s.sample.collected,
                               measurement: nil, status: "no_record")
        }
    }

    /// Origin of an alteration detected at the latest progression (or, for `baselineOnly`, at baseline).
    func origin(of f: Finding, tf: [String: TumourFractionEstimate], observedIn sampleID: String? = nil) -> (Origin, String) {
        let key = Classifier.key(f)
        let baselines = samples.filter { $0.sample.role == .baseline && $0.sample.isSequenced }
        if baselines.isEmpty {
            let unsequenced = samples.contains { $0.sample.role == .baseline }
            return (.noBaseline, unsequenced ? "the case's baseline samples have no variant file (results only)" : "no baseline sample in the case")
        }
        var reasons: [String] = []
        for b in baselines {
            if let bf = b.findings.first(where: { Classifier.key($0) == key }) {
                if Classifier.isDetected(bf, settings: settings) {
                    return (.persistent, "detected at baseline (\(b.sample.id)\(bf.measurement?.vaf.map { ", VAF " + Self.format($0) } ?? ""))")
                }
            }
        }
        if f.allele == nil { return copyNumberOrigin(of: f, baselines: baselines) }
        guard let vaf = f.measurement?.vaf, let latest else {
            return (.indeterminate, "no VAF at progression, so the chance of seeing it at baseline cannot be computed")
        }
        let tfProg = tf[sampleID ?? latest.sample.id]?.value
        var subthreshold: [String] = []
        for b in baselines {
            var depth: Int? = nil
            var evidence = ""
            if let bf = b.findings.first(where: { Classifier.key($0) == key }) {
                depth = bf.measurement?.depth
                evidence = bf.measurement?.isFromReads == true
                    ? "the reads of baseline \(b.sample.id) (\(bf.measurement?.altReads ?? 0) alt of \(bf.measurement?.depth ?? 0) fragments)"
                    : "a not-detected record at baseline \(b.sample.id)"
                if let alt = bf.measurement?.altReads, alt > 0, bf.passedFilters {
                    subthreshold.append("baseline \(b.sample.id) has \(alt) alt read\(alt == 1 ? "" : "s") (below min_alt_reads \(settings.minAltReads)): subthreshold evidence that the clone may have been present")
                }
            } else if let a = f.allele, let block = b.referenceBlocks.first(where: { $0.chromosome == a.chromosome && $0.start <= a.position && $0.end >= a.end }),
                      let d = block.depth {
                depth = d
                evidence = "a reference block of baseline \(b.sample.id) (\(block.start)-\(block.end))"
            } else if f.allele != nil, let regions = b.coveredRegions, let a = f.allele,
                      regions[a.chromosome]?.contains(where: { $0.contains(a.position) }) == true {
                depth = settings.baselineAssumedDepth
                evidence = "a declared covered region of baseline \(b.sample.id) (assumed depth \(settings.baselineAssumedDepth))"
            }
            guard let d = depth else {
                reasons.append("baseline \(b.sample.id) has no record at the site and no declared coverage (a variant-only VCF cannot show absence)")
                continue
            }
            let tfBase = tf[b.sample.id]?.value
            guard let tp = tfProg, let tb = tfBase, tp > 0 else {
                reasons.append("tumour fraction unknown for \(tfProg == nil ? latest.sample.id : b.sample.id)")
                continue
            }
            let expected = min(1, vaf * tb / tp)
            let p = Classifier.detectionProbability(depth: d, vaf: expected, minAltReads: settings.minAltReads)
            if p >= settings.detectionConfidence {
                let note = subthreshold.isEmpty ? "" : "; " + subthreshold.joined(separator: "; ")
                return (.acquired, "absent at baseline: \(evidence), depth \(d); expected baseline VAF \(Self.format(expected)) (\(Self.format(vaf)) × TF \(Self.format(tb)) / \(Self.format(tp))) would have been seen with probability \(Self.format(p))\(note)")
            }
            reasons.append("\(evidence) with depth \(d): expected VAF \(Self.format(expected)) would have been seen with probability only \(Self.format(p)) (< \(settings.detectionConfidence))")
        }
        return (.indeterminate, (reasons + subthreshold).joined(separator: "; "))
    }

    /// Origin of a copy-number or fusion finding: persistent when a baseline reports the same gene in
    /// the same direction; acquired when a baseline reports copy-number/structural calls (so it was
    /// analysed for them) or declares the gene's region covered, and not this one; else indeterminate.
    func copyNumberOrigin(of f: Finding, baselines: [SampleFindings]) -> (Origin, String) {
        var reasons: [String] = []
        for b in baselines {
            let calls = b.findings.filter { $0.structural != nil || $0.copyNumber != nil }
            if calls.contains(where: { $0.gene == f.gene && Classifier.key($0) == Classifier.key(f) }) {
                return (.persistent, "baseline \(b.sample.id) reports the same \(f.gene) copy-number direction")
            }
            if !calls.isEmpty {
                return (.acquired, "baseline \(b.sample.id) reports copy-number/structural calls (\(calls.count)) and not this \(f.gene) change")
            }
            if let s = f.structural, b.referenceBlocks.contains(where: { $0.copyNumberMeasured && $0.chromosome == s.chromosome && $0.start <= s.end && $0.end >= s.start }) {
                return (.acquired, "baseline \(b.sample.id) measured copy number over \(f.gene) and called no change")
            }
            if let s = f.structural, let regions = b.coveredRegions?[s.chromosome],
               regions.contains(where: { $0.overlaps(s.start...max(s.start, s.end)) }) {
                return (.acquired, "baseline \(b.sample.id) covers the region (declared covered regions) and reports no copy-number change there")
            }
            reasons.append("baseline \(b.sample.id) reports no copy-number calls at all, so it cannot show this change was absent")
        }
        return (.indeterminate, reasons.joined(separator: "; "))
    }

    /// Flags of one finding in the context of the case.
    func flags(of f: Finding, hasTissueSupport: Bool) -> [String] {
        var flags: [String] = []
        let key = Classifier.key(f)
        let inNormal = normals.compactMap { n in n.findings.first { Classifier.key($0) == key && Classifier.isDetected($0, settings: settings) } }
        if f.allele != nil {
            if let nf = inNormal.first {
                let tv = f.measurement?.vaf, nv = nf.measurement?.vaf
                let comparable: Bool = {
                    guard let tv, let nv, tv > 0, nv > 0 else { return true }
                    let ratio = tv / nv
                    return ratio >= 1.0 / 3 && ratio <= 3
                }()
                let germlineLike = [tv, nv].allSatisfy { v in v.map { ($0 >= 0.4 && $0 <= 0.6) || $0 >= 0.9 } ?? false }
                if germlineLike { flags.append("possible_germline") }
                else if comparable { flags.append("possible_clonal_hematopoiesis") }
            } else {
                let chGene = WatchedGenes.clonalHaematopoiesis.contains(f.gene)
                    && (f.gene != "TP53" || f.proteinChange.map { Classifier.tp53CHHotspots.contains($0.shortForm) } ?? false)
                let ruledOutByNormal = normals.contains { n in
                    n.findings.contains { Classifier.key($0) == key && !Classifier.isDetected($0, settings: settings) && ($0.measurement?.depth ?? 0) >= settings.minDepth }
                }
                if chGene && !hasTissueSupport && !ruledOutByNormal { flags.append("possible_clonal_hematopoiesis") }
            }
        }
        if let pf = f.populationFrequency, pf > settings.germlinePopulationFrequency, !flags.contains("possible_germline") {
            flags.append("possible_germline")
        }
        if let d = f.measurement?.depth, d < settings.minDepth { flags.append("low_depth") }
        if !f.passedFilters { flags.append("filtered") }
        return flags
    }
}

import Foundation

extension Finding {
    /// The key that makes one alteration across samples (``Classifier/key(_:)``): the allele, or the
    /// gene's HGVS c. for an indel, the copy-number direction, the fusion.
    public var alterationKey: String { Classifier.key(self) }
}
