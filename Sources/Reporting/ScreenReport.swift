public import Interpretation
public import Screening

/// The screen document as text for a tumour board or a trial coordinator: per trial and arm the status,
/// the deciding criteria and the evidence.
public enum ScreenReport {
    public static func text(_ doc: ScreenDocument) -> String {
        var out = "nextline \(doc.tool.version) — trial screening for case \(doc.caseId) (\(doc.tumorType), \(doc.genomeBuild ?? "build ?"))\n"
        out += "catalogue \(doc.catalogue.version) (sha256 \(doc.catalogue.sha256.prefix(12))…)\n"
        let labels = ["eligible": "ELIGIBLE", "not_eligible": "not eligible", "needs_review": "NEEDS REVIEW"]
        for t in doc.trials {
            out += "\n\(t.protocolNo)\(t.nctId.map { " (\($0))" } ?? "")\(t.title.map { " — \($0)" } ?? "")\n"
            for a in t.arms {
                out += "  arm \(a.armCode)\(a.armDescription.map { ": \($0)" } ?? ""): \(labels[a.status] ?? a.status)\(a.suspended ? " (arm closed to accrual)" : "")\n"
                for d in a.decidedBy { out += "      decided by: \(d)\n" }
                for e in a.evidence { out += "      \(e)\n" }
            }
        }
        out += "\nStatuses are three-valued: a criterion resting on uncertain data (a VUS, a finding flagged possible CH or germline, an indeterminate origin, a negative from low-tumour-fraction plasma, missing age or sex, an unsupported field) needs review.\n"
        return out
    }
}
