import Catalogue
import Interpretation

/// One CTML `clinical` node: every field must hold. Diagnosis by OncoTree code or name with its
/// descendants (`_SOLID_`, `_LIQUID_`, `!` negation); `age_numerical` (`>=18`); `gender`; HER2/ER/PR
/// status from the case's biomarker results; prior treatment (nextline's documented extension keys
/// `prior_treatment_required` / `prior_treatment_excluded`: drug or class names, comma-separated, any
/// therapy line). Any other field needs review, never ignored.
struct ClinicalCriterion {
    let fields: [String: String]
    let profile: PatientProfile

    var text: String { "clinical " + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") }

    func evaluate() -> Outcome {
        let parts = fields.sorted { $0.key < $1.key }.map { key, value -> Outcome in
            let (v, why) = field(key, value)
            return Outcome(value: v, criterion: "clinical \(key): \(value)", evidence: [why])
        }
        var o = Outcome.all(parts)
        if parts.count > 1 { o.criterion = text }
        return o
    }

    func field(_ key: String, _ value: String) -> (Tri, String) {
        switch key {
        case "oncotree_primary_diagnosis": return diagnosis(value)
        case "age_numerical": return age(value)
        case "gender", "sex": return sex(value)
        case "her2_status": return status("ERBB2", value)
        case "er_status": return status("ESR1", value)
        case "pr_status": return status("PGR", value)
        case "prior_treatment_required": return prior(value, required: true)
        case "prior_treatment_excluded": return prior(value, required: false)
        default: return (.unknown, "'\(key)' is not a clinical field screening supports: review by hand")
        }
    }

    func diagnosis(_ raw: String) -> (Tri, String) {
        let negated = raw.hasPrefix("!")
        let value = negated ? String(raw.dropFirst()) : raw
        let patient = profile.tumourType
        let t = profile.catalogue.tumourTypes
        var inside: Bool
        switch value.uppercased() {
        case "_SOLID_": inside = !isLiquid(patient)
        case "_LIQUID_": inside = isLiquid(patient)
        default:
            guard let code = t.resolve(value) else {
                return (.unknown, "'\(value)' is not an OncoTree code or name the catalogue knows (patient: \(patient))")
            }
            inside = t.code(patient, isWithin: code)
        }
        if negated { inside.toggle() }
        return (inside ? .yes : .no, "tumour type \(patient) is \(inside ? "" : "not ")\(negated ? "outside " : "within ")\(value)")
    }

    func isLiquid(_ code: String) -> Bool {
        ["MYELOID", "LYMPH"].contains { profile.catalogue.tumourTypes.code(code, isWithin: $0) }
    }

    func age(_ raw: String) -> (Tri, String) {
        guard let age = profile.age else { return (.unknown, "the case gives no age") }
        let ops = [">=", "<=", ">", "<", "=="]
        let op = ops.first { raw.hasPrefix($0) } ?? "=="
        guard let limit = Double(raw.dropFirst(raw.hasPrefix(op) ? op.count : 0).stripping(" ")) else {
            return (.unknown, "age_numerical '\(raw)' is not a comparison such as >=18")
        }
        let a = Double(age)
        let ok = op == ">=" ? a >= limit : op == "<=" ? a <= limit : op == ">" ? a > limit : op == "<" ? a < limit : a == limit
        return (ok ? .yes : .no, "age \(age) \(ok ? "meets" : "fails") \(raw)")
    }

    func sex(_ value: String) -> (Tri, String) {
        guard let s = profile.sex?.lowercased(), let first = s.first else { return (.unknown, "the case gives no sex") }
        guard let want = value.lowercased().first, "mf".contains(want), "mf".contains(first) else {
            return (.unknown, "sex '\(profile.sex ?? "")' or '\(value)' is not male/female")
        }
        return (first == want ? .yes : .no, "sex \(profile.sex ?? "") \(first == want ? "matches" : "does not match") \(value)")
    }

    /// HER2 (ERBB2), ER (ESR1), PR (PGR) status from the case's biomarker results (the latest given).
    func status(_ gene: String, _ value: String) -> (Tri, String) {
        let want = value.lowercased()
        guard want == "positive" || want == "negative" else { return (.unknown, "status '\(value)' is not Positive or Negative") }
        let results = profile.biomarkers.filter { profileGene($0) == gene }
        guard !results.isEmpty else {
            return (.unknown, "the case gives no \(gene == "ERBB2" ? "HER2" : gene == "ESR1" ? "ER" : "PR") result")
        }
        let read = results.map { b -> (String, Bool?) in
            let text = "\(b.name) \(b.method) \(b.result)\(b.sample.map { " (\($0))" } ?? "")"
            switch b.result.lowercased() {
            case "3+", "amplified", "positive", "high", "detected": return (text, true)
            case "0", "1+", "not amplified", "negative", "low", "not detected": return (text, false)
            default: return (text, nil)   // 2+, equivocal: needs ISH
            }
        }
        let calls = Set(read.compactMap(\.1))
        // Results that disagree between samples (HER2 3+ at diagnosis, 1+ at progression) are for the board.
        if calls.count > 1 { return (.unknown, "discordant results: " + read.map(\.0).joined(separator: "; ")) }
        guard let positive = calls.first else { return (.unknown, read.map(\.0).joined(separator: "; ") + ": equivocal") }
        let ok = positive == (want == "positive")
        return (ok ? .yes : .no, read.map(\.0).joined(separator: "; ") + " → \(positive ? "positive" : "negative")")
    }

    func profileGene(_ b: CaseSummary.Biomarker) -> String? {
        b.gene ?? profile.catalogue.genes.resolve(b.name)
    }

    /// Prior treatment: any therapy line including a drug the named drug or class covers.
    func prior(_ value: String, required: Bool) -> (Tri, String) {
        let names = value.split(separator: ",").map { $0.stripping(" ") }.filter { !$0.isEmpty }
        var terms: [(String, DrugVocabulary.Term)] = []
        for n in names {
            guard let t = profile.catalogue.drugs.resolve(n) else { return (.unknown, "'\(n)' is not a drug or class the catalogue knows") }
            terms.append((n, t))
        }
        let given = terms.filter { _, term in profile.therapyDrugs.contains { line in line.contains { profile.catalogue.drugs.drug($0, isCoveredBy: term) } } }
        let hit = !given.isEmpty
        let text = hit ? "prior therapy included \(given.map(\.0).joined(separator: ", "))" : "no prior line included \(names.joined(separator: " or "))"
        return (hit == required ? .yes : .no, text)
    }
}
