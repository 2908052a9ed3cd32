import Yams
import VariantModel

/// Parses and validates catalogue files. Vocabularies load first (rules refer to them), then tables,
/// then rules; every problem is collected with file, line, entry id and field.
final class CatalogueLoader {
    let sink = ProblemSink()
    var catalogue = Catalogue()
    private var ruleLocations: [String: String] = [:]
    private var pendingRules: [(file: String, node: Node)] = []

    func load(_ files: [(path: String, contents: String)]) -> Catalogue {
        // The digest covers each file's path and text, with line ends normalised (CRLF → LF) and trailing
        // newlines dropped, so the compiled-in copy and the same files read from a checkout hash alike.
        var hasher = SHA256()
        for f in files.sorted(by: { $0.path < $1.path }) {
            var text = Array(f.contents.utf8)
            text.removeAll { $0 == 13 }
            while text.last == 10 { text.removeLast() }
            hasher.update(Array(f.path.utf8)); hasher.update([0]); hasher.update(text); hasher.update([0])
        }
        catalogue.sha256 = hasher.hexDigest()
        catalogue.files = files.map(\.path)
        let ordered = files.sorted { order($0.path) < order($1.path) }
        for f in ordered { loadFile(f.path, f.contents) }
        nameCuratedResidues()
        for (file, node) in pendingRules { loadRules(file, node) }
        if catalogue.rules.isEmpty {
            sink.add("catalogue", nil, entry: nil, field: nil, "no rules were loaded; an empty catalogue would report every sample as having no known effect")
        }
        for (fact, _) in catalogue.notEncoded where !catalogue.reviewFacts.contains(where: { $0.id == fact }) {
            sink.add("NOT_ENCODED.md", nil, entry: fact, field: nil, "unknown review fact id")
        }
        return catalogue
    }

    private func order(_ path: String) -> Int {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch name {
        case "catalogue.yaml": return 0
        case "genes.yaml": return 1
        case "drugs.yaml": return 2
        case "tumor_types.yaml": return 3
        default: return 5
        }
    }

    private func loadFile(_ path: String, _ raw: String) {
        // Files saved by Windows editors: a UTF-8 byte-order mark and CRLF line ends are read as plain text.
        var text = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
        if text.contains("\r\n") { text = text.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".md") {
            if name == "NOT_ENCODED.md" { loadNotEncoded(path, text) }
            return
        }
        if name == "hotspots.tsv" { loadHotspots(path, text); return }
        if name == "gene_spans.tsv" { loadSpans(path, text); return }
        if name == "proteins.tsv" { loadProteins(path, text); return }
        if name == "review_facts.tsv" { loadFacts(path, text); return }
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") else { return }
        guard let root = YAMLLoad.compose(text, file: path, sink: sink) else { return }
        guard case .mapping = root, let schema = root["schema"]?.scalar?.string else {
            sink.add(path, root, entry: nil, field: "schema", "missing 'schema:' (e.g. nextline/catalogue-rules/v1)")
            return
        }
        switch schema {
        case "nextline/catalogue/v1": loadHead(path, root)
        case "nextline/drugs/v1": loadDrugs(path, root)
        case "nextline/tumor-types/v1": loadTumourTypes(path, root)
        case "nextline/genes/v1": loadGenes(path, root)
        case "nextline/catalogue-rules/v1": pendingRules.append((path, root))
        default:
            sink.add(path, root, entry: nil, field: "schema", "unknown schema '\(schema)'")
        }
    }

    // MARK: - Head and vocabularies

    private func loadHead(_ file: String, _ root: Node) {
        guard let m = YAMLMap(root, file: file, entry: nil, field: nil, sink: sink,
                              allowed: ["schema", "name", "version", "oncotree_release", "source_review", "description"],
                              required: ["version"]) else { return }
        catalogue.version = m.string("version") ?? ""
        if let n = m.string("name") { catalogue.name = n }
        if let r = m.string("oncotree_release") { catalogue.tumourTypes.release = r }
    }

    private func loadDrugs(_ file: String, _ root: Node) {
        guard let m = YAMLMap(root, file: file, entry: nil, field: nil, sink: sink,
                              allowed: ["schema", "classes", "drugs", "regimens", "description"],
                              required: ["classes", "drugs"]) else { return }
        var seen: [String: String] = [:]
        func claim(_ name: String, _ owner: String, _ node: Node?) {
            let k = vocabularyKey(name)
            if let other = seen[k], other != owner {
                sink.add(file, node, entry: owner, field: "name", "'\(name)' is also a name of '\(other)'")
            }
            seen[k] = owner
        }
        for item in m.list("classes") ?? [] {
            guard let c = YAMLMap(item, file: file, entry: nil, field: "classes", sink: sink,
                                  allowed: ["id", "name", "parents", "parent", "aliases", "description"], required: ["id", "name"]),
                  let id = c.string("id") else { continue }
            claim(id, id, item)
            let aliases = c.strings("aliases") ?? []
            for a in aliases { claim(a, id, item) }
            let parents = (c.strings("parents") ?? []) + (c.strings("parent") ?? [])
            catalogue.drugs.add(.init(id: id, name: c.string("name") ?? id, parents: parents, aliases: aliases))
        }
        for item in m.list("drugs") ?? [] {
            guard let d = YAMLMap(item, file: file, entry: nil, field: "drugs", sink: sink,
                                  allowed: ["name", "classes", "aliases", "kind", "description", "notes", "note", "selected_by", "deselected_by"],
                                  required: ["name"]),
                  let name = d.string("name") else { continue }
            let aliases = d.strings("aliases") ?? []
            claim(name, name, item)
            for a in aliases { claim(a, name, item) }
            let kind = d.string("kind") ?? "drug"
            if !["drug", "modality", "investigational"].contains(kind) {
                sink.add(file, item, entry: name, field: "kind", "must be drug, modality or investigational")
            }
            var drug = DrugVocabulary.Drug(name: name, classes: d.strings("classes") ?? [], aliases: aliases, kind: kind)
            for node in d.list("selected_by") ?? [] {
                if let b = parseBiomarker(node, id: name, file: file, field: "selected_by") { drug.selectedBy.append(b) }
            }
            for node in d.list("deselected_by") ?? [] {
                if let b = parseBiomarker(node, id: name, file: file, field: "deselected_by") { drug.deselectedBy.append(b) }
            }
            catalogue.drugs.add(drug)
        }
        for item in m.list("regimens") ?? [] {
            guard let r = YAMLMap(item, file: file, entry: nil, field: "regimens", sink: sink,
                                  allowed: ["name", "drugs", "aliases", "description"], required: ["name", "drugs"]),
                  let name = r.string("name") else { continue }
            claim(name, name, item)
            catalogue.drugs.add(.init(name: name, drugs: r.strings("drugs") ?? []))
            for a in r.strings("aliases") ?? [] { claim(a, name, item); catalogue.drugs.add(.init(name: a, drugs: r.strings("drugs") ?? [])) }
        }
        // Cross-references inside the vocabulary.
        for c in catalogue.drugs.classes.values {
            for p in c.parents where catalogue.drugs.classes[p] == nil {
                sink.add(file, nil, entry: c.id, field: "parents", "unknown class '\(p)'")
            }
        }
        for d in catalogue.drugs.drugs.values {
            for c in d.classes where catalogue.drugs.classes[c] == nil {
                let hint = Suggest.closest(to: c, in: Array(catalogue.drugs.classes.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                sink.add(file, nil, entry: d.name, field: "classes", "unknown class '\(c)'\(hint)")
            }
        }
        for r in catalogue.drugs.regimens.values {
            for d in r.drugs where catalogue.drugs.drugs[d] == nil {
                sink.add(file, nil, entry: r.name, field: "drugs", "unknown drug '\(d)'")
            }
        }
    }

    private func loadTumourTypes(_ file: String, _ root: Node) {
        guard let m = YAMLMap(root, file: file, entry: nil, field: nil, sink: sink,
                              allowed: ["schema", "oncotree_release", "tumor_types", "description", "notes"],
                              required: ["tumor_types"]) else { return }
        if let r = m.string("oncotree_release") { catalogue.tumourTypes.release = r }
        for item in m.list("tumor_types") ?? [] {
            guard let t = YAMLMap(item, file: file, entry: nil, field: "tumor_types", sink: sink,
                                  allowed: ["code", "name", "parent", "aliases", "note", "notes"], required: ["code", "name"]),
                  let code = t.string("code") else { continue }
            if catalogue.tumourTypes.types[code] != nil { sink.add(file, item, entry: code, field: "code", "duplicate code") }
            let parent = t.string("parent")
            catalogue.tumourTypes.add(.init(code: code, name: t.string("name") ?? code,
                                            parent: (parent == nil || parent == "" || parent == "null") ? nil : parent,
                                            aliases: t.strings("aliases") ?? []))
        }
        for t in catalogue.tumourTypes.types.values {
            if let p = t.parent, catalogue.tumourTypes.types[p] == nil {
                sink.add(file, nil, entry: t.code, field: "parent", "unknown parent '\(p)'")
            }
        }
    }

    private func loadGenes(_ file: String, _ root: Node) {
        guard let m = YAMLMap(root, file: file, entry: nil, field: nil, sink: sink,
                              allowed: ["schema", "genes", "description", "hgnc_release", "notes"], required: ["genes"]) else { return }
        for item in m.list("genes") ?? [] {
            guard let g = YAMLMap(item, file: file, entry: nil, field: "genes", sink: sink,
                                  allowed: ["symbol", "aliases", "role", "regions", "isoforms", "exons", "name", "note", "notes", "hgnc_id",
                                            "oncogenic", "loss_of_function", "polymorphisms"],
                                  required: ["symbol"]),
                  let symbol = g.string("symbol") else { continue }
            var regions: [GeneVocabulary.ProteinRegion] = []
            for r in g.list("regions") ?? [] {
                guard let rm = YAMLMap(r, file: file, entry: symbol, field: "regions", sink: sink,
                                       allowed: ["name", "protein_start", "protein_end", "source", "note"],
                                       required: ["name", "protein_start", "protein_end"]),
                      let name = rm.string("name"), let s = rm.int("protein_start"), let e = rm.int("protein_end") else { continue }
                if e < s { sink.add(file, r, entry: symbol, field: "protein_end", "ends before it starts") }
                regions.append(.init(name: name, start: s, end: max(s, e), source: rm.string("source") ?? ""))
            }
            var exons: [Int: ClosedRange<Int>] = [:]
            for e in g.list("exons") ?? [] {
                guard let em = YAMLMap(e, file: file, entry: symbol, field: "exons", sink: sink,
                                       allowed: ["number", "protein_start", "protein_end", "source", "transcript"],
                                       required: ["number", "protein_start", "protein_end", "source"]),
                      let n = em.int("number"), let s = em.int("protein_start"), let en = em.int("protein_end"), en >= s else { continue }
                exons[n] = s...en
            }
            let role = g.string("role") ?? "other"
            if !["oncogene", "tumour_suppressor", "tumor_suppressor", "other"].contains(role) {
                sink.add(file, item, entry: symbol, field: "role", "must be oncogene, tumour_suppressor or other")
            }
            var gene = GeneVocabulary.Gene(symbol: symbol, aliases: g.strings("aliases") ?? [], role: role,
                                           regions: regions, isoforms: g.strings("isoforms") ?? [], exons: exons)
            gene.oncogenic = alleleList(g.node("oncogenic"), file: file, gene: symbol, field: "oncogenic")
            gene.lossOfFunction = alleleList(g.node("loss_of_function"), file: file, gene: symbol, field: "loss_of_function")
            for p in g.list("polymorphisms") ?? [] {
                guard let pm = YAMLMap(p, file: file, entry: symbol, field: "polymorphisms", sink: sink,
                                       allowed: ["change", "rsid", "population_af", "source", "note"],
                                       required: ["change", "rsid", "population_af", "source"]),
                      let change = pm.string("change"), let rsid = pm.string("rsid"), let af = pm.double("population_af") else { continue }
                if ProteinChange(hgvs: change)?.position == nil {
                    sink.add(file, p, entry: symbol, field: "polymorphisms.change", "malformed HGVS protein change '\(change)'")
                }
                if !rsid.hasPrefix("rs") { sink.add(file, p, entry: symbol, field: "polymorphisms.rsid", "'\(rsid)' is not a dbSNP rs id") }
                if !(af > 0.01 && af <= 1) {
                    sink.add(file, p, entry: symbol, field: "polymorphisms.population_af", "a polymorphism has a population allele frequency above 0.01")
                }
                gene.polymorphisms.append(.init(change: ProteinChange(hgvs: change)?.shortForm ?? change, rsid: rsid,
                                                populationAlleleFrequency: af, source: pm.string("source") ?? ""))
            }
            catalogue.genes.add(gene)
        }
    }

    /// `oncogenic:` / `loss_of_function:` of genes.yaml: changes, codons, in-frame ranges and a source.
    private func alleleList(_ node: Node?, file: String, gene: String, field: String) -> GeneVocabulary.AlleleList? {
        guard let node, let m = YAMLMap(node, file: file, entry: gene, field: field, sink: sink,
                                        allowed: ["changes", "codons", "inframe_ranges", "source", "note"], required: ["source"]) else { return nil }
        var list = GeneVocabulary.AlleleList()
        list.source = m.string("source") ?? ""
        for c in m.strings("changes") ?? [] {
            if let p = ProteinChange(hgvs: c), p.position != nil { list.changes.insert(p.shortForm) }
            else { sink.add(file, node, entry: gene, field: "\(field).changes", "malformed HGVS protein change '\(c)'") }
        }
        for c in m.strings("codons") ?? [] {
            if let v = Int(c), v > 0 { list.codons.insert(v) } else { sink.add(file, node, entry: gene, field: "\(field).codons", "'\(c)' is not a codon number") }
        }
        for r in m.list("inframe_ranges") ?? [] {
            guard let rm = YAMLMap(r, file: file, entry: gene, field: "\(field).inframe_ranges", sink: sink,
                                   allowed: ["protein_start", "protein_end", "note"], required: ["protein_start", "protein_end"]),
                  let s = rm.int("protein_start"), let e = rm.int("protein_end"), e >= s else { continue }
            list.inframeRanges.append(s...e)
        }
        if list.changes.isEmpty && list.codons.isEmpty && list.inframeRanges.isEmpty {
            sink.add(file, node, entry: gene, field: field, "list changes, codons or inframe_ranges")
        }
        return list
    }

    // MARK: - Tables

    private func loadHotspots(_ file: String, _ text: String) {
        let table = TSVTable(text, file: file, required: ["gene", "protein_change", "grch37_chrom", "grch37_pos", "grch37_ref",
                                                           "grch37_alt", "grch38_chrom", "grch38_pos", "grch38_ref", "grch38_alt"],
                             sink: sink)
        for (line, v) in table.rows {
            guard let gene = v["gene"], let change = v["protein_change"] else { continue }
            var alleles: [GenomeBuild: Allele] = [:]
            var regions: [GenomeBuild: Hotspot.Region] = [:]
            var sources: [GenomeBuild: String] = [:]
            for build in GenomeBuild.allCases {
                let p = build == .grch37 ? "grch37_" : "grch38_"
                guard let chromText = v[p + "chrom"], let chrom = ContigName.canonical(chromText),
                      let pos = Int(v[p + "pos"] ?? ""), let ref = v[p + "ref"], let alt = v[p + "alt"] else {
                    sink.problems.append(CatalogueProblem(file: file, line: line, entry: "\(gene) \(change)", field: p + "pos",
                                                          message: "coordinates missing or not numeric"))
                    continue
                }
                sources[build] = v["source_" + build.rawValue.lowercased()] ?? v["source_" + p.dropLast()] ?? ""
                if alt.hasPrefix("<") {
                    let end = Int(v[p + "end"] ?? "") ?? pos
                    regions[build] = Hotspot.Region(chromosome: chrom, start: pos, end: end)
                } else {
                    let bases = Set("ACGTN")
                    if !ref.uppercased().allSatisfy({ bases.contains($0) }) || !alt.uppercased().allSatisfy({ bases.contains($0) }) {
                        sink.problems.append(CatalogueProblem(file: file, line: line, entry: "\(gene) \(change)", field: p + "ref",
                                                              message: "alleles must be A/C/G/T/N"))
                    }
                    alleles[build] = Allele(chromosome: chrom, position: pos, reference: ref, alternate: alt).normalised()
                }
            }
            if alleles.isEmpty && regions.isEmpty { continue }
            if !alleles.isEmpty && ProteinChange(hgvs: change) == nil {
                sink.problems.append(CatalogueProblem(file: file, line: line, entry: "\(gene) \(change)", field: "protein_change",
                                                      message: "not an HGVS protein change"))
            }
            catalogue.hotspots.append(Hotspot(gene: gene, proteinChange: change, hgvsc: v["hgvs_c"].flatMap { $0 == "." ? nil : $0 },
                                              variantType: v["variant_type"] ?? "", transcript: v["transcript"],
                                              refseq: v["refseq"], alleles: alleles, regions: regions, sources: sources))
        }
    }

    private func loadProteins(_ file: String, _ text: String) {
        let table = TSVTable(text, file: file, required: ["gene", "transcript", "length", "sequence"], sink: sink)
        let residues = Set("ACDEFGHIKLMNPQRSTVWYX")
        for (line, v) in table.rows {
            guard let gene = v["gene"], let transcript = v["transcript"], let seq = v["sequence"] else { continue }
            guard Int(v["length"] ?? "") == seq.count, seq.allSatisfy({ residues.contains($0) }) else {
                sink.problems.append(CatalogueProblem(file: file, line: line, entry: gene, field: "sequence",
                                                      message: "the sequence must be one-letter amino acids, as long as 'length' says"))
                continue
            }
            catalogue.proteins.add(gene: gene, transcript: transcript, sequence: seq)
        }
    }

    /// The residues the hotspot table and the genes' curated allele lists name, checked against the whole
    /// reference proteins and kept for genes without one (rules on those are checked against them).
    private func nameCuratedResidues() {
        var named: [(gene: String, change: String, source: String)] = catalogue.hotspots.map { ($0.gene, $0.proteinChange, "hotspots.tsv") }
        for (symbol, gene) in catalogue.genes.genes.sorted(by: { $0.key < $1.key }) {
            for list in [gene.oncogenic, gene.lossOfFunction].compactMap({ $0 }) {
                named += list.changes.sorted().map { (symbol, $0, "genes.yaml (\(list.source.prefix(40)))") }
            }
            named += gene.polymorphisms.map { (symbol, $0.change, "genes.yaml polymorphisms") }
        }
        for (gene, text, source) in named {
            guard let change = ProteinChange(hgvs: text), change.position != nil else { continue }
            if catalogue.proteins.proteins[gene] != nil, let why = catalogue.proteins.contradiction(change, gene: gene) {
                sink.add(source.hasPrefix("hotspots") ? "hotspots.tsv" : "genes.yaml", nil, entry: "\(gene) \(text)", field: nil, why)
            }
            catalogue.proteins.name(change, gene: gene, source: source)
        }
    }

    private func loadSpans(_ file: String, _ text: String) {
        let table = TSVTable(text, file: file, required: ["gene", "build", "chrom", "start", "end"], sink: sink)
        for (line, v) in table.rows {
            guard let gene = v["gene"], let build = GenomeBuild(parsing: v["build"] ?? ""),
                  let chrom = ContigName.canonical(v["chrom"] ?? ""), let s = Int(v["start"] ?? ""), let e = Int(v["end"] ?? ""),
                  e >= s else {
                sink.problems.append(CatalogueProblem(file: file, line: line, message: "gene span row is incomplete or not numeric"))
                continue
            }
            catalogue.geneSpans.append(GeneSpan(gene: gene, build: build, chromosome: chrom, start: s, end: e,
                                                strand: v["strand"] ?? "", transcript: v["transcript"] ?? "", source: v["source"] ?? ""))
        }
    }

    private func loadFacts(_ file: String, _ text: String) {
        let table = TSVTable(text, file: file, required: ["id", "kind"], sink: sink)
        for (_, v) in table.rows { if let id = v["id"], let k = v["kind"] { catalogue.reviewFacts.append(Catalogue.ReviewFact(id: id, kind: k)) } }
    }

    private func loadNotEncoded(_ file: String, _ text: String) {
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters()
            guard line.hasPrefix("- `") else { continue }
            let rest = line.dropFirst(3)
            guard let close = rest.firstIndex(of: "`") else { continue }
            let id = String(rest[..<close])
            var reason = String(rest[rest.index(after: close)...]).trimmingCharacters()
            if reason.hasPrefix(":") { reason = String(reason.dropFirst()).trimmingCharacters() }
            if reason.count < 20 || !reason.contains(" ") {
                sink.problems.append(CatalogueProblem(file: file, line: lineNumber, entry: id, message: "a reason of at least one sentence is required"))
            }
            catalogue.notEncoded[id] = reason
        }
        if catalogue.notEncoded.count > 15 {
            sink.add(file, nil, entry: nil, field: nil, "\(catalogue.notEncoded.count) facts are listed; at most 15 may be left unencoded")
        }
    }

    // MARK: - Rules

    static let ruleKeys: Set<String> = ["id", "title", "tumor_types", "prior_therapies", "biomarkers", "requires_origin",
                                        "therapies", "excluded_prior_therapies", "effect", "preference", "retest_biomarker", "gates_therapy", "direction",
                                        "mechanism", "evidence", "context", "references", "source", "notes",
                                        "scope", "acquisition_presumed", "context_checked"]

    private func loadRules(_ file: String, _ root: Node) {
        guard let m = YAMLMap(root, file: file, entry: nil, field: nil, sink: sink,
                              allowed: ["schema", "rules", "description"], required: ["rules"]) else { return }
        let facts = Set(catalogue.reviewFacts.map(\.id))
        if (m.list("rules") ?? []).isEmpty {
            // A rule file without rules changes nothing; given on purpose, it is a mistake worth saying.
            sink.add(file, m.node("rules"), entry: nil, field: "rules", "the file lists no rules")
        }
        for item in m.list("rules") ?? [] {
            let idGuess = item["id"]?.scalar?.string
            guard let r = YAMLMap(item, file: file, entry: idGuess, field: nil, sink: sink, allowed: CatalogueLoader.ruleKeys,
                                  required: ["id", "title", "tumor_types", "therapies", "effect", "mechanism", "evidence",
                                             "references", "source"]),
                  let id = r.string("id") else { continue }
            let here = "\(file):\(item.mark?.line ?? 0)"
            if let first = ruleLocations[id] {
                sink.add(file, item, entry: id, field: "id", "duplicate rule id (first defined at \(first))")
                continue
            }
            ruleLocations[id] = here
            if id.isEmpty || !id.allSatisfy({ ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }) {
                sink.add(file, item, entry: id, field: "id", "ids are lowercase letters, digits and underscores")
            }
            if let rule = parseRule(id: id, r, file: file, facts: facts) { catalogue.rules.append(rule) }
        }
    }

    private func therapySpecs(_ names: [String], r: YAMLMap, field: String, id: String) -> [TherapySpec] {
        var out: [TherapySpec] = []
        for text in names {
            var terms: [DrugVocabulary.Term] = []
            var ok = true
            for part in text.split(separator: "+").map({ String($0).trimmingCharacters() }) where !part.isEmpty {
                if let t = catalogue.drugs.resolve(part) { terms.append(t) }
                else {
                    ok = false
                    let hint = catalogue.drugs.suggestion(for: part).map { " (did you mean '\($0)'?)" } ?? ""
                    sink.add(r.file, r.node(field), entry: id, field: field, "unknown drug or drug class '\(part)'\(hint)")
                }
            }
            if ok && !terms.isEmpty { out.append(TherapySpec(terms: terms, text: text)) }
        }
        return out
    }

    private func parseRule(id: String, _ r: YAMLMap, file: String, facts: Set<String>) -> Rule? {
        let problemsBefore = sink.problems.count
        let tumourTypes = parseTumourTypes(r, id: id, file: file)
        let prior = therapySpecs(r.strings("prior_therapies") ?? [], r: r, field: "prior_therapies", id: id)
        let therapies = therapySpecs(r.strings("therapies") ?? [], r: r, field: "therapies", id: id)
        let excludedPrior = therapySpecs(r.strings("excluded_prior_therapies") ?? [], r: r, field: "excluded_prior_therapies", id: id)
        let effectText = r.string("effect") ?? ""
        let effect = Effect(rawValue: effectText)
        if effect == nil && r.has("effect") {
            let hint = Suggest.closest(to: effectText, in: Effect.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            sink.add(file, r.node("effect"), entry: id, field: "effect", "unknown effect '\(effectText)'\(hint)")
        }
        let preference = r.string("preference")
        if effect == .sequencePreference && !(preference == "preferred" || preference == "dispreferred") {
            sink.add(file, r.node("effect"), entry: id, field: "preference", "sequence_preference needs preference: preferred or dispreferred")
        }
        if effect != .sequencePreference && preference != nil {
            sink.add(file, r.node("preference"), entry: id, field: "preference", "only a sequence_preference rule has a preference")
        }
        let retest = r.string("retest_biomarker")
        if effect == .retest && retest == nil {
            sink.add(file, r.node("effect"), entry: id, field: "retest_biomarker", "a retest rule names the biomarker to re-test")
        }
        let gates = r.bool("gates_therapy") ?? false
        let originText = r.string("requires_origin") ?? "any"
        let origin = OriginRequirement(rawValue: originText)
        if origin == nil { sink.add(file, r.node("requires_origin"), entry: id, field: "requires_origin", "must be acquired or any") }
        let direction = r.string("direction") ?? "one_way"
        if !["one_way", "bidirectional", "unknown"].contains(direction) {
            sink.add(file, r.node("direction"), entry: id, field: "direction", "must be one_way, bidirectional or unknown")
        }
        let mechanism = r.string("mechanism") ?? ""
        if r.has("mechanism") && mechanism.count < 10 {
            sink.add(file, r.node("mechanism"), entry: id, field: "mechanism", "describe the mechanism in a sentence")
        }
        var biomarkers: [BiomarkerCondition] = []
        for node in r.list("biomarkers") ?? [] {
            if let b = parseBiomarker(node, id: id, file: file) { biomarkers.append(b) }
        }
        if origin == .acquired && biomarkers.isEmpty {
            sink.add(file, r.node("requires_origin"), entry: id, field: "requires_origin", "requires_origin: acquired needs a biomarker condition")
        }
        let evidence = parseEvidence(r.node("evidence"), id: id, file: file)
        let references = parseReferences(r, id: id, file: file)
        let context = parseContext(r, id: id, file: file, facts: facts)
        let (sourceKind, reviewFacts) = parseSource(r, id: id, file: file, facts: facts)
        let scopeText = r.string("scope") ?? "any_regimen"
        let scope = RuleScope(rawValue: scopeText)
        if scope == nil {
            sink.add(file, r.node("scope"), entry: id, field: "scope", "must be alone, with_chemotherapy or any_regimen")
        }
        let presumed = r.bool("acquisition_presumed") ?? false
        if presumed && origin != .acquired {
            sink.add(file, r.node("acquisition_presumed"), entry: id, field: "acquisition_presumed", "only a rule with requires_origin: acquired presumes acquisition")
        }
        guard sink.problems.count == problemsBefore, let effect, let origin, let evidence, let scope else { return nil }
        var rule = Rule(id: id, title: r.string("title") ?? id, tumourTypes: tumourTypes, priorTherapies: prior,
                    excludedPriorTherapies: excludedPrior,
                    biomarkers: biomarkers, requiresOrigin: origin, therapies: therapies, effect: effect,
                    preference: preference, retestBiomarker: retest, gatesTherapy: gates, direction: direction,
                    mechanism: mechanism, evidence: evidence, context: context, references: references,
                    sourceKind: sourceKind, reviewFacts: reviewFacts, file: file)
        rule.scope = scope
        rule.acquisitionPresumed = presumed
        rule.contextChecked = r.string("context_checked")
        return rule
    }

    private func parseTumourTypes(_ r: YAMLMap, id: String, file: String) -> [String] {
        var tumourTypes: [String] = []
        for t in r.strings("tumor_types") ?? [] {
            if t.lowercased() == "any" { tumourTypes.append("any"); continue }
            if let code = catalogue.tumourTypes.resolve(t) { tumourTypes.append(code) }
            else {
                let hint = catalogue.tumourTypes.suggestion(for: t).map { " (did you mean '\($0)'?)" } ?? ""
                sink.add(file, r.node("tumor_types"), entry: id, field: "tumor_types", "unknown tumour type '\(t)'\(hint)")
            }
        }
        if r.has("tumor_types") && (r.strings("tumor_types") ?? []).isEmpty {
            sink.add(file, r.node("tumor_types"), entry: id, field: "tumor_types", "list at least one OncoTree code, or 'any'")
        }
        return tumourTypes
    }

    private func parseReferences(_ r: YAMLMap, id: String, file: String) -> [Reference] {
        var references: [Reference] = []
        for node in r.list("references") ?? [] {
            guard let m = YAMLMap(node, file: file, entry: id, field: "references", sink: sink,
                                  allowed: ["pmid", "doi", "first_author", "year", "title", "checked_in", "journal", "ref", "note"]) else { continue }
            let pmid = m.string("pmid"), doi = m.string("doi")
            if pmid == nil && doi == nil {
                sink.add(file, node, entry: id, field: "references", "a reference needs a pmid or a doi")
            }
            if let p = pmid, p.isEmpty || !p.allSatisfy(\.isNumber) {
                sink.add(file, node, entry: id, field: "pmid", "'\(p)' is not a PubMed id (digits only)")
            }
            if let d = doi, !d.hasPrefix("10.") || !d.contains("/") {
                sink.add(file, node, entry: id, field: "doi", "'\(d)' is not a DOI (10.xxxx/...)")
            }
            if let c = m.string("checked_in"), !["review_reference_list", "facts_yaml", "outside_references", "lookup"].contains(c) {
                sink.add(file, node, entry: id, field: "checked_in", "must be review_reference_list, facts_yaml, outside_references or lookup")
            }
            references.append(Reference(pmid: pmid, doi: doi, firstAuthor: m.string("first_author"), year: m.int("year"),
                                        title: m.string("title"), checkedIn: m.string("checked_in")))
        }
        if r.has("references") && references.isEmpty {
            sink.add(file, r.node("references"), entry: id, field: "references", "at least one reference is required")
        }
        return references
    }

    private func parseContext(_ r: YAMLMap, id: String, file: String, facts: Set<String>) -> [ContextNote] {
        var context: [ContextNote] = []
        for node in r.list("context") ?? [] {
            guard let m = YAMLMap(node, file: file, entry: id, field: "context", sink: sink, allowed: ["fact", "text"], required: ["text"]) else { continue }
            if let f = m.string("fact"), !facts.contains(f) {
                sink.add(file, node, entry: id, field: "context", "unknown review fact '\(f)'")
            }
            context.append(ContextNote(fact: m.string("fact"), text: m.string("text") ?? ""))
        }
        return context
    }

    private func parseSource(_ r: YAMLMap, id: String, file: String, facts: Set<String>) -> (kind: String, reviewFacts: [String]) {
        var sourceKind = "review"
        var reviewFacts: [String] = []
        if let s = YAMLMap(r.node("source"), file: file, entry: id, field: "source", sink: sink,
                           allowed: ["kind", "review_facts", "note"], required: ["kind"]) {
            sourceKind = s.string("kind") ?? "review"
            if !["review", "outside_review"].contains(sourceKind) {
                sink.add(file, r.node("source"), entry: id, field: "source.kind", "must be review or outside_review")
            }
            reviewFacts = s.strings("review_facts") ?? []
            if sourceKind == "review" && reviewFacts.isEmpty {
                sink.add(file, r.node("source"), entry: id, field: "source.review_facts", "a review rule lists the fact ids it covers")
            }
            for f in reviewFacts where !facts.contains(f) {
                let hint = Suggest.closest(to: f, in: Array(facts)).map { " (did you mean '\($0)'?)" } ?? ""
                sink.add(file, r.node("source"), entry: id, field: "source.review_facts", "unknown review fact '\(f)'\(hint)")
            }
        }
        return (sourceKind, reviewFacts)
    }

    private func parseEvidence(_ node: Node?, id: String, file: String) -> Evidence? {
        guard let m = YAMLMap(node, file: file, entry: id, field: "evidence", sink: sink,
                              allowed: ["study_types", "level", "tentative", "note"], required: ["study_types", "level"]) else { return nil }
        let types = m.strings("study_types") ?? []
        for t in types where !Evidence.studyTypes.contains(t) {
            let hint = Suggest.closest(to: t, in: Array(Evidence.studyTypes)).map { " (did you mean '\($0)'?)" } ?? ""
            sink.add(file, node, entry: id, field: "evidence.study_types", "unknown study type '\(t)'\(hint)")
        }
        let levelText = m.string("level") ?? ""
        guard let level = EvidenceLevel(rawValue: levelText) else {
            sink.add(file, node, entry: id, field: "evidence.level", "unknown level '\(levelText)'; one of \(EvidenceLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return Evidence(studyTypes: types, level: level, tentative: m.bool("tentative") ?? false, note: m.string("note"))
    }

    static let biomarkerKeys: Set<String> = ["gene", "kind", "role", "changes", "codons", "consequences", "region",
                                             "protein_start", "protein_end", "exons", "class", "state", "isoform",
                                             "methods", "results", "change_from_baseline", "partner", "grch37", "grch38", "note",
                                             "in_cis_with", "in_trans_with"]

    private func parseBiomarker(_ node: Node, id: String, file: String, field: String = "biomarkers") -> BiomarkerCondition? {
        guard let m = YAMLMap(node, file: file, entry: id, field: field, sink: sink,
                              allowed: CatalogueLoader.biomarkerKeys, required: ["gene", "kind"]),
              let geneText = m.string("gene"), let kindText = m.string("kind") else { return nil }
        guard let kind = BiomarkerCondition.Kind(rawValue: kindText) else {
            let hint = Suggest.closest(to: kindText, in: BiomarkerCondition.Kind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            sink.add(file, node, entry: id, field: "biomarkers.kind", "unknown biomarker kind '\(kindText)'\(hint)")
            return nil
        }
        guard let gene = catalogue.genes.resolve(geneText) ?? catalogue.genes.geneOfIsoform(geneText) else {
            let hint = catalogue.genes.suggestion(for: geneText).map { " (did you mean '\($0)'?)" } ?? ""
            sink.add(file, node, entry: id, field: "biomarkers.gene", "unknown gene '\(geneText)'\(hint)")
            return nil
        }
        let roleText = m.string("role") ?? "required"
        guard let role = ConditionRole(rawValue: roleText) else {
            sink.add(file, node, entry: id, field: "biomarkers.role", "unknown role '\(roleText)'; required, excluded_if_present or modifier")
            return nil
        }
        var b = BiomarkerCondition(gene: gene, kind: kind, role: role)
        let need: (Bool, String, String) -> Void = { ok, field, message in
            if !ok { self.sink.add(file, node, entry: id, field: "biomarkers.\(field)", message) }
        }
        b.consequences = (m.strings("consequences") ?? []).map { Consequence(term: $0).term }
        switch kind {
        case .allele, .proteinChange, .codon, .region: parseSequenceCondition(&b, m, need: need)
        case .geneClass:
            b.geneClass = m.string("class")
            need(BiomarkerCondition.geneClasses.contains(b.geneClass ?? ""), "class",
                 "class must be one of " + BiomarkerCondition.geneClasses.sorted().joined(separator: ", "))
        case .copyNumber:
            b.state = m.string("state")
            need(BiomarkerCondition.copyNumberStates.contains(b.state ?? ""), "state",
                 "copy_number state must be one of " + BiomarkerCondition.copyNumberStates.sorted().joined(separator: ", "))
        case .expression:
            b.state = m.string("state")
            need(["high", "low", "positive", "negative"].contains(b.state ?? ""), "state", "expression state must be high, low, positive or negative")
            b.methods = m.strings("methods") ?? []
        case .isoform:
            b.isoform = m.string("isoform")
            b.state = m.string("state") ?? "positive"
            need(b.isoform.map { catalogue.genes.geneOfIsoform($0) == gene } ?? false, "isoform",
                 "isoform must be listed under the gene's isoforms in genes.yaml")
        case .proteinLevel:
            b.methods = m.strings("methods") ?? ["IHC"]
            b.results = m.strings("results") ?? []
            b.changeFromBaseline = m.string("change_from_baseline")
            let known = Set(["0", "1+", "2+", "3+", "amplified", "not amplified", "equivocal", "positive", "negative", "high", "low"])
            for x in b.results where !known.contains(x) { need(false, "results", "unknown result '\(x)'") }
            need(!b.results.isEmpty || b.changeFromBaseline != nil, "results", "a protein_level condition lists results or a change_from_baseline")
            if let c = b.changeFromBaseline { need(["loss", "gain"].contains(c), "change_from_baseline", "must be loss or gain") }
        case .fusion:
            b.partner = m.string("partner")
        }
        return b
    }

    /// Conditions placed on the sequence: an allele by coordinates, protein changes (with a phase partner),
    /// codons, or a protein region (named, by residues, or by exons).
    private func parseSequenceCondition(_ b: inout BiomarkerCondition, _ m: YAMLMap, need: (Bool, String, String) -> Void) {
        let gene = b.gene
        switch b.kind {
        case .allele:
            for build in GenomeBuild.allCases {
                if let text = m.string(build == .grch37 ? "grch37" : "grch38") {
                    if let a = Allele(key: text) { b.alleles[build] = a.normalised() }
                    else { need(false, build.rawValue.lowercased(), "'\(text)' is not CHROM:POS:REF:ALT") }
                }
            }
            need(!b.alleles.isEmpty, "grch38", "an allele condition gives grch37 and/or grch38 coordinates")
        case .proteinChange:
            for c in m.strings("changes") ?? [] {
                if let p = ProteinChange(hgvs: c), p.position != nil {
                    b.changes.append(p)
                    if let why = catalogue.proteins.contradiction(p, gene: gene) { need(false, "changes", "\(gene) \(c): \(why)") }
                } else { need(false, "changes", "malformed HGVS protein change '\(c)'") }
            }
            need(m.has("changes"), "changes", "a protein_change condition lists changes")
            for (key, phase) in [("in_cis_with", "cis"), ("in_trans_with", "trans")] {
                guard let partners = m.strings(key) else { continue }
                need(b.phase == nil, key, "give in_cis_with or in_trans_with, not both")
                b.phase = phase
                for c in partners {
                    if let p = ProteinChange(hgvs: c), p.position != nil {
                        b.phasePartners.append(p)
                        if let why = catalogue.proteins.contradiction(p, gene: gene) { need(false, key, "\(gene) \(c): \(why)") }
                    } else { need(false, key, "malformed HGVS protein change '\(c)'") }
                }
            }
        case .codon:
            for c in m.strings("codons") ?? [] {
                if let v = Int(c), v > 0 {
                    b.codons.append(v)
                    if let why = catalogue.proteins.contradiction(codon: v, gene: gene) { need(false, "codons", why) }
                } else { need(false, "codons", "'\(c)' is not a codon number") }
            }
            need(!b.codons.isEmpty, "codons", "a codon condition lists codons")
        case .region:
            if let name = m.string("region") {
                b.regionName = name
                if let r = catalogue.genes.genes[gene]?.regions.first(where: { $0.name == name }) {
                    b.proteinRange = r.start...r.end
                } else {
                    need(false, "region", "gene \(gene) has no region '\(name)' in genes.yaml")
                }
            } else if let s = m.int("protein_start"), let e = m.int("protein_end"), e >= s {
                b.proteinRange = s...e
            } else if let ex = m.strings("exons") {
                b.exons = ex.compactMap(Int.init)
                need(b.exons.count == ex.count && !ex.isEmpty, "exons", "exons are numbers")
            } else {
                need(false, "region", "a region condition names a region, protein_start/protein_end or exons")
            }
            for e in b.exons where catalogue.genes.genes[gene]?.exons[e] == nil {
                need(false, "exons", "exon \(e) of \(gene) has no protein range in genes.yaml (add it under the gene's exons, with its source)")
            }
        default: break
        }
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
