/// What a tumour board reads first: the alterations acquired (and lost) under treatment, the therapies to
/// avoid, those to consider, and what to re-test before deciding. Derived from the verdicts; each line
/// names its source so the board can find the detail below it.
public struct Headline: Codable, Sendable, Hashable {
    /// Used findings whose origin is acquired, or presumed acquired without baseline proof.
    public var acquired: [String]
    /// Alterations detected at baseline and not at the latest progression sample.
    public var lost: [String]
    /// Therapies with a resistance verdict.
    public var avoid: [String]
    /// Therapies with a reduced-efficacy verdict (less benefit expected, or only partly active).
    public var reduced: [String]
    /// Therapies with a sensitivity verdict.
    public var consider: [String]
    /// Tests to run before deciding (recommendations and re-test verdicts).
    public var retest: [String]
    /// Findings left out of the verdicts (flagged CH, germline, filtered, below detection).
    public var setAside: [String]

    enum CodingKeys: String, CodingKey {
        case acquired, lost, avoid, reduced, consider, retest, setAside = "set_aside"
    }
}
