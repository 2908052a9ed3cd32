public import Catalogue

/// Whether a biomarker-selected candidate (a drug given only for an alteration, `selected_by` in the
/// drug vocabulary) can be judged: when the latest plasma sample's tumour fraction is too low for a
/// negative to exclude the selecting alteration, the verdict is `retest` (docs/interpretation.md step 6).
struct SelectionCheck {
    let matcher: Matcher
    let catalogue: Catalogue
    let lowTFNote: String?

    /// The selecting biomarkers of a candidate that a low-TF negative leaves open, or nil.
    func openBiomarkers(_ c: PatientCase.Candidate) -> [String] {
        guard lowTFNote != nil else { return [] }
        var open: [String] = []
        for d in c.drugs {
            guard let drug = catalogue.drugs.drugs[d] else { continue }
            if !drug.selectedBy.isEmpty {
                let statuses = drug.selectedBy.map { matcher.evaluate($0).0 }
                if !statuses.contains(.positive) && statuses.contains(.notTested) {
                    open += drug.selectedBy.map(\.summary).filter { !open.contains($0) }
                }
            }
            // Negative selection: an excluding alteration found rules the drug out (the rules say so);
            // one a low-TF negative cannot rule out leaves the choice open.
            let excluding = drug.deselectedBy.map { ($0, matcher.evaluate($0).0) }
            if !excluding.contains(where: { $0.1 == .positive }) {
                open += excluding.filter { $0.1 == .notTested }.map { "absence of " + $0.0.summary }.filter { !open.contains($0) }
            }
        }
        return open
    }

    func unresolved(_ c: PatientCase.Candidate) -> String? {
        let open = openBiomarkers(c)
        guard !open.isEmpty else { return nil }
        return "\(c.text) is selected by \(open.joined(separator: " or ")); not detected, but \(lowTFNote ?? "the sample cannot exclude it"): re-test before deciding"
    }
}
