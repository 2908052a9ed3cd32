public import VariantModel
import Foundation

/// The copy-number state of a gene-level finding after adjusting for tumour fraction (docs/interpretation.md step 1).
///
/// Absolute copy number (FORMAT/CN, INFO/CN) is taken as the tumour's, as callers write it. Fold changes
/// and log2 ratios are ratios of the whole sample, diluted by normal DNA; for a diploid baseline the
/// tumour's copy number is 2 + (observed − 2) / TF, i.e. 2 + 2·(FC − 1)/TF. Thresholds (settings, printed
/// in every output): amplification ≥ 5 copies (the MET definition of the INSIGHT trial, GCN ≥ 5), gain
/// ≥ 2.5 copies, shallow deletion ≤ 1.5 copies, deep deletion ≤ 0.5 copies (the GISTIC-style
/// −2/−1/+1/+2 levels of cBioPortal, expressed in copies of a diploid genome).
public struct CopyNumberCall: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case amplification, gain, neutral, shallowDeletion = "shallow_deletion", deepDeletion = "deep_deletion"
        public var isGainSide: Bool { self == .amplification || self == .gain }
        public var isLossSide: Bool { self == .shallowDeletion || self == .deepDeletion }
    }
    public var state: State
    /// Copy number as the record implies it, before adjustment.
    public var observed: Double?
    /// Tumour copy number after adjustment (= observed for an absolute copy number).
    public var adjusted: Double?
    /// `FORMAT/CN (absolute)`, `FORMAT/FC (fold change)`, `INFO/FOLD_CHANGE_LOG (log2 ratio)`, `<DEL> without a level`.
    public var measure: String
    /// The tumour fraction used for the adjustment (nil when none was applied).
    public var tumourFraction: Double?
    /// The threshold that decided the state, in words.
    public var threshold: String
    public var note: String?

    /// Calls the state of a copy-number finding in a sample with a tumour fraction.
    public static func call(_ s: StructuralChange, tumourFraction tf: Double?, settings: InterpretationSettings) -> CopyNumberCall {
        let th = settings.copyNumber
        // An absolute CN is the tumour's, unless it only rounds the sample's own ratio (CNVkit `export vcf`
        // without purity correction writes round(2·2^log2)): then it is diluted like the ratio.
        let ratioCN = s.log2Ratio.map { 2 * pow(2, $0) } ?? s.foldChange.map { 2 * $0 }
        if let cn = s.copyNumber, !(ratioCN.map { abs(cn - $0) <= 0.5 } ?? false) {
            return decide(observed: cn, adjusted: cn, measure: "CN (absolute copy number)", tf: nil, th: th, note: nil)
        }
        let measure: String
        if s.copyNumber != nil, ratioCN != nil {
            measure = "CN equal to the rounded sample ratio (not purity-corrected), adjusted as the ratio"
        } else if s.foldChange != nil { measure = "FC (fold change; diluted by normal DNA)" }
        else if s.log2Ratio != nil { measure = "log2 ratio (diluted by normal DNA)" }
        else {
            // A symbolic record without a level: the direction is known, the depth is not.
            switch s.kind {
            case .amplification:
                return CopyNumberCall(state: .amplification, observed: nil, adjusted: nil, measure: "\(s.alternate) without a level",
                                      tumourFraction: nil, threshold: "called an amplification by the caller", note: nil)
            case .duplication:
                return CopyNumberCall(state: .gain, observed: nil, adjusted: nil, measure: "\(s.alternate) without a level",
                                      tumourFraction: nil, threshold: "a duplication without a copy number counts as a gain",
                                      note: "level unknown: confirm before treating it as an amplification")
            case .deletion:
                return CopyNumberCall(state: .shallowDeletion, observed: nil, adjusted: nil, measure: "\(s.alternate) without a level",
                                      tumourFraction: nil, threshold: "a deletion without a copy number counts as a single-copy loss",
                                      note: "level unknown: a deep (two-copy) deletion is not assumed")
            default:
                return CopyNumberCall(state: .neutral, observed: nil, adjusted: nil, measure: s.alternate, tumourFraction: nil,
                                      threshold: "no copy number", note: nil)
            }
        }
        guard let observed = ratioCN ?? s.observedCopyNumber else {
            return CopyNumberCall(state: .neutral, observed: nil, adjusted: nil, measure: measure, tumourFraction: nil, threshold: "no copy number", note: nil)
        }
        guard let tf, tf > 0 else {
            return decide(observed: observed, adjusted: observed, measure: measure, tf: nil, th: th,
                          note: "tumour fraction unknown: not adjusted (a diluted gain may be an amplification, a diluted loss may be deep)")
        }
        let adjusted = max(0, 2 + (observed - 2) / min(1, tf))
        return decide(observed: observed, adjusted: adjusted, measure: measure, tf: tf, th: th, note: nil)
    }

    static func decide(observed: Double, adjusted: Double, measure: String, tf: Double?, th: InterpretationSettings.CopyNumberThresholds,
                       note: String?) -> CopyNumberCall {
        let state: State
        let threshold: String
        if adjusted >= th.amplification { state = .amplification; threshold = "≥ \(fmt(th.amplification)) copies" }
        else if adjusted >= th.gain { state = .gain; threshold = "≥ \(fmt(th.gain)) and < \(fmt(th.amplification)) copies" }
        else if adjusted <= th.deepDeletion { state = .deepDeletion; threshold = "≤ \(fmt(th.deepDeletion)) copies" }
        else if adjusted <= th.shallowDeletion { state = .shallowDeletion; threshold = "≤ \(fmt(th.shallowDeletion)) and > \(fmt(th.deepDeletion)) copies" }
        else { state = .neutral; threshold = "between \(fmt(th.shallowDeletion)) and \(fmt(th.gain)) copies" }
        return CopyNumberCall(state: state, observed: round3(observed), adjusted: round3(adjusted), measure: measure,
                              tumourFraction: tf, threshold: threshold, note: note)
    }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
    static func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
