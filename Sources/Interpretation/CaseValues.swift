public import Catalogue

/// The values of a case, resolved against the catalogue's vocabularies one at a time. A case file and the
/// command-line flags of `interpret` both build their case from these, so both accept and refuse the
/// same things; each caller words the problems in its own terms (a key path, a flag).
extension CaseReader {
    /// An OncoTree code for a tumour type as written, or the problem (unknown; a tissue, not a diagnosis).
    public static func tumourType(_ written: String, catalogue: Catalogue) -> (code: String?, problem: String?) {
        guard let code = catalogue.tumourTypes.resolve(written) else {
            let hint = catalogue.tumourTypes.suggestion(for: written).map { "; did you mean '\($0)'?" } ?? ""
            return (nil, "unknown tumour type '\(written)'\(hint)")
        }
        // A tissue (BREAST, LUNG) is not a diagnosis: rules are written for diagnoses below it, so
        // accepting it would silently match nothing. Ask for the code instead.
        let type = catalogue.tumourTypes.types[code]
        if type?.parent == "TISSUE" || type?.parent == nil {
            let children = catalogue.tumourTypes.types.values.filter { $0.parent == code }.map(\.code).sorted()
            return (code, "'\(written)' is the OncoTree tissue \(code), not a diagnosis; give a code such as \(children.prefix(6).joined(separator: ", "))")
        }
        return (code, nil)
    }

    /// One therapy line from the drug names as written (each may be a regimen `A + B`): generic drugs, or
    /// the problems (an unknown drug or a class changes which rules apply, so both are errors).
    public static func therapyLine(number: Int, names: [String], catalogue: Catalogue) -> (PatientCase.TherapyLine, problems: [String]) {
        var line = PatientCase.TherapyLine(line: number, drugs: [], asWritten: [], start: nil, end: nil, bestResponse: nil)
        var problems: [String] = []
        for name in names {
            for part in therapyParts(name, catalogue: catalogue) {
                line.asWritten.append(part)
                switch catalogue.drugs.resolve(part) {
                case .drug(let d)?: line.drugs.append(d)
                case .regimen(_, let ds)?: line.drugs += ds
                case .drugClass(let c)?: problems.append("'\(part)' is a drug class (\(c)); name the drugs given")
                case nil:
                    let hint = catalogue.drugs.suggestion(for: part).map { "; did you mean '\($0)'?" } ?? ""
                    let regimenHint = part.contains(",") || part.contains(" and ") || part.contains("/") ? " (write a regimen as 'A + B')" : ""
                    problems.append("unknown drug '\(part)'\(hint)\(regimenHint); an unknown prior therapy changes which rules apply, so it is an error")
                }
            }
        }
        if line.asWritten.isEmpty { problems.append("lists no drugs") }
        return (line, problems)
    }

    /// A non-VCF biomarker result: method and result from the accepted lists, the name resolved to a gene,
    /// isoform or fusion partner. An unknown name is a warning (the result is then not evaluated).
    public static func biomarker(name: String, method: String, result: String, sample: String?,
                                 catalogue: Catalogue) -> (PatientCase.Biomarker, problems: [String], warning: String?) {
        var problems: [String] = []
        var method = method, result = result
        if let canonical = biomarkerMethods.first(where: { vocabularyKey($0) == vocabularyKey(method) }) { method = canonical }
        else {
            let hint = Suggest.closest(to: method, in: biomarkerMethods).map { "; did you mean '\($0)'?" } ?? ""
            problems.append("unknown method '\(method)'\(hint) (one of \(biomarkerMethods.joined(separator: ", ")))")
        }
        if let canonical = biomarkerResults.first(where: { $0.lowercased() == result.lowercased() }) { result = canonical }
        else {
            let hint = Suggest.closest(to: result, in: biomarkerResults).map { "; did you mean '\($0)'?" } ?? ""
            problems.append("unknown result '\(result)'\(hint)")
        }
        var gene = catalogue.genes.resolve(name)
        var isoform: String? = nil
        if gene == nil, let g = catalogue.genes.geneOfIsoform(name) { gene = g; isoform = name }
        if gene == nil {
            // A fusion: recorded under the partner the catalogue's rules name (ALK for EML4-ALK), else the first.
            let parts = Matcher.fusionParts(name).compactMap { catalogue.genes.resolve($0) }
            if parts.count == 2 { gene = parts.first { catalogue.ruleGenes.contains($0) } ?? parts[0] }
        }
        let warning = gene == nil ? "biomarker '\(name)' is not a known gene, alias, isoform or fusion: not evaluated" : nil
        return (.init(name: name, gene: gene, isoform: isoform, method: method, result: result, sample: sample), problems, warning)
    }

    /// A candidate therapy as written. An unknown one is kept (verdict `not_in_catalogue`) with a warning.
    public static func candidate(_ text: String, catalogue: Catalogue) -> (PatientCase.Candidate, warning: String?) {
        var terms: [DrugVocabulary.Term] = []
        var drugs: [String] = []
        var unknown: [String] = []
        for part in therapyParts(text, catalogue: catalogue) {
            guard let t = catalogue.drugs.resolve(part) else { unknown.append(part); continue }
            terms.append(t)
            if case .drugClass = t {} else { drugs += catalogue.drugs.drugs(of: t) }
        }
        if unknown.isEmpty { return (.init(text: text, terms: terms, drugs: drugs), nil) }
        let hints = unknown.compactMap { catalogue.drugs.suggestion(for: $0) }
        let hint = hints.isEmpty ? nil : hints.joined(separator: ", ")
        let warning = "candidate '\(text)': \(unknown.map { "'\($0)'" }.joined(separator: ", ")) not in the catalogue's drug vocabulary"
            + (hint.map { "; closest known: \($0)" } ?? "") + " (verdict not_in_catalogue)"
        return (.init(text: text, terms: [], drugs: [], known: false, suggestion: hint), warning)
    }
}
