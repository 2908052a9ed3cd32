import ArgumentParser
import Catalogue
import Interpretation
import Reporting
import VariantModel

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Validate, list and show catalogue rules; print the review coverage table.",
        subcommands: [Validate.self, List.self, Show.self, Coverage.self, Info.self, Drugs.self, TumorTypes.self, Biomarkers.self,
                      Compile.self])

    /// Build step (scripts/embed-annotations.sh): the Swift source of the compiled built-in catalogue.
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the compiled built-in catalogue as Swift source (a build step; see scripts/embed-annotations.sh).",
            shouldDisplay: false)
        func run() throws {
            try CLISupport.reportingErrors {
                try CLISupport.emit(try CatalogueSnapshot.source(for: try Catalogue.parsedBuiltIn()), to: nil)
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate rule files on top of the built-in catalogue (all problems at once).")
        @Argument(help: "Rule files; none validates the built-in catalogue.") var files: [String] = []
        @Option(help: "Validate a catalogue folder (an Annotations/ checkout being edited) instead of the built-in one.")
        var annotations: String?
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try annotations.map { try CLISupport.loadCatalogue(folder: $0, extra: files) } ?? CLISupport.loadCatalogue(extra: files)
                FileHandleStdout.write("valid: \(c.rules.count) rules, catalogue \(c.version), sha256 \(c.sha256)\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rules, optionally for one gene or therapy.")
        @Option(help: "Only rules with a biomarker in this gene.") var gene: String?
        @Option(help: "Only rules about this therapy (drug, brand, class).") var therapy: String?
        @Option(name: .customLong("catalogue"), help: "Extra rule files.") var extra: [String] = []
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try CLISupport.loadCatalogue(extra: extra)
                var rules = c.rules
                if let g = gene {
                    guard let symbol = c.genes.resolve(g) else { throw UsageProblem("unknown gene '\(g)'" + (c.genes.suggestion(for: g).map { "; did you mean '\($0)'?" } ?? "")) }
                    rules = rules.filter { $0.biomarkers.contains { $0.gene == symbol } }
                }
                if let t = therapy {
                    guard let term = c.drugs.resolve(t) else { throw UsageProblem("unknown therapy '\(t)'" + (c.drugs.suggestion(for: t).map { "; did you mean '\($0)'?" } ?? "")) }
                    let drugs = Set(c.drugs.drugs(of: term))
                    rules = rules.filter { r in r.therapies.contains { spec in spec.terms.contains { tt in
                        if tt == term { return true }
                        return !drugs.isDisjoint(with: c.drugs.drugs(of: tt))
                    } } }
                }
                var out = "id\teffect\ttherapies\ttumour_types\tbiomarkers\tprior\tlevel\tsource\n"
                for r in rules.sorted(by: { $0.id < $1.id }) {
                    out += [r.id, r.effect.rawValue, r.therapies.map(\.text).joined(separator: "; "),
                            r.tumourTypes.joined(separator: ","),
                            r.biomarkers.isEmpty ? "-" : r.biomarkers.map(\.summary).joined(separator: "; "),
                            r.priorTherapies.isEmpty ? "-" : r.priorTherapies.map(\.text).joined(separator: "; "),
                            r.evidence.level.rawValue, r.sourceKind].joined(separator: "\t") + "\n"
                }
                FileHandleStdout.write(out)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one rule in full.")
        @Argument(help: "Rule id.") var id: String
        @Option(name: .customLong("catalogue"), help: "Extra rule files.") var extra: [String] = []
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try CLISupport.loadCatalogue(extra: extra)
                guard let r = c.rule(id) else {
                    let hint = Suggest.closest(to: id, in: c.rules.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                    throw UsageProblem("no rule '\(id)'\(hint)")
                }
                var out = "\(r.id): \(r.title)\n"
                out += "  file: \(r.file)\n  effect: \(r.effect.rawValue)\(r.preference.map { " (\($0))" } ?? "") on \(r.therapies.map(\.text).joined(separator: "; "))\n"
                out += "  tumour types: \(r.tumourTypes.joined(separator: ", "))\n"
                out += "  after: \(r.priorTherapies.isEmpty ? "any history" : r.priorTherapies.map(\.text).joined(separator: " | "))\n"
                for b in r.biomarkers { out += "  biomarker (\(b.role.rawValue)): \(b.summary)\n" }
                out += "  origin: \(r.requiresOrigin.rawValue); direction: \(r.direction)\n"
                if let rb = r.retestBiomarker { out += "  re-test: \(rb)\(r.gatesTherapy ? " before the therapy" : "")\n" }
                out += "  mechanism: \(r.mechanism)\n"
                out += "  evidence: \(r.evidence.level.rawValue) (\(r.evidence.studyTypes.joined(separator: ", ")))\(r.evidence.tentative ? ", tentative" : "")\n"
                if let n = r.evidence.note { out += "  note: \(n)\n" }
                for ctx in r.context { out += "  context: \(ctx.text)\n" }
                for ref in r.references {
                    out += "  reference: \(ref.label) \(ref.firstAuthor ?? "") \(ref.year.map(String.init) ?? "") \(ref.title ?? "")\n"
                }
                out += "  source: \(r.sourceKind)\(r.reviewFacts.isEmpty ? "" : " — facts " + r.reviewFacts.joined(separator: ", "))\n"
                FileHandleStdout.write(out)
            }
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The source review's facts and the rules that cover them.")
        enum Format: String, ExpressibleByArgument { case text, json }
        @Option(help: "text or json.") var format: Format = .text
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try Catalogue.builtIn()
                let rows = c.coverage()
                if format == .json {
                    var facts: [String: JSONValue] = [:]
                    for r in rows {
                        if !r.rules.isEmpty { facts[r.id] = ["rules": .strings(r.rules), "kind": .string(r.kind)] }
                        else if let why = r.notEncoded { facts[r.id] = ["not_encoded": .string(why), "kind": .string(r.kind)] }
                        else { facts[r.id] = ["rules": [], "kind": .string(r.kind)] }
                    }
                    let doc: JSONValue = ["facts": .object(facts), "catalogue": ["version": .string(c.version), "sha256": .string(c.sha256)]]
                    FileHandleStdout.write(doc.serialized())
                } else {
                    let required = rows.filter { Catalogue.coveredKinds.contains($0.kind) }
                    let covered = required.filter { !$0.rules.isEmpty || $0.notEncoded != nil }
                    var out = ""
                    for r in rows {
                        out += "\(r.id)\t\(r.kind)\t" + (r.rules.isEmpty ? (r.notEncoded.map { "not encoded: \($0)" } ?? "-") : r.rules.joined(separator: ",")) + "\n"
                    }
                    out += "coverage: \(covered.count) of \(required.count) facts of the required kinds (\(required.isEmpty ? 100 : covered.count * 100 / required.count)%); \(rows.filter { !$0.rules.isEmpty }.count) of \(rows.count) facts in rules\n"
                    FileHandleStdout.write(out)
                }
            }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Catalogue name, version and content hash.")
        @Option(name: .customLong("catalogue"), help: "Extra rule files.") var extra: [String] = []
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try CLISupport.loadCatalogue(extra: extra)
                FileHandleStdout.write("""
                name: \(c.name)
                version: \(c.version)
                sha256: \(c.sha256)
                rules: \(c.rules.count)
                drugs: \(c.drugs.drugs.count), classes: \(c.drugs.classes.count), regimens: \(c.drugs.regimens.count)
                tumour types: \(c.tumourTypes.types.count) (\(c.tumourTypes.release))
                genes: \(c.genes.genes.count), hotspots: \(c.hotspots.count), gene spans: \(c.geneSpans.count)
                files: \(c.files.count)

                """)
            }
        }
    }

    struct Drugs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The drug vocabulary a case file accepts: drugs (with brands and codes), classes, regimens.")
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try CLISupport.loadCatalogue(extra: [])
                var out = "kind\tname\tclasses_or_drugs\taliases\tselected_by\n"
                for d in c.drugs.drugs.values.sorted(by: { $0.name < $1.name }) {
                    out += [d.kind, d.name, d.classes.joined(separator: ","), d.aliases.joined(separator: ","),
                            d.selectedBy.map(\.summary).joined(separator: " | ")].joined(separator: "\t") + "\n"
                }
                for k in c.drugs.classes.values.sorted(by: { $0.id < $1.id }) {
                    out += ["class", k.id, k.parents.joined(separator: ","), ([k.name] + k.aliases).joined(separator: ","), ""].joined(separator: "\t") + "\n"
                }
                for r in c.drugs.regimens.values.sorted(by: { $0.name < $1.name }) {
                    out += ["regimen", r.name, r.drugs.joined(separator: ","), "", ""].joined(separator: "\t") + "\n"
                }
                FileHandleStdout.write(out)
            }
        }
    }

    struct TumorTypes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tumor-types",
                                                        abstract: "The OncoTree codes a case file accepts, with names, parents and aliases.")
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try CLISupport.loadCatalogue(extra: [])
                var out = "code\tname\tparent\taliases\n"
                for t in c.tumourTypes.types.values.sorted(by: { $0.code < $1.code }) {
                    out += [t.code, t.name, t.parent ?? "", t.aliases.joined(separator: ",")].joined(separator: "\t") + "\n"
                }
                FileHandleStdout.write(out + "# OncoTree release \(c.tumourTypes.release)\n")
            }
        }
    }

    struct Biomarkers: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Biomarker names (genes, aliases, isoforms), methods and results a case file accepts.")
        func run() throws {
            try CLISupport.reportingErrors {
                let c = try CLISupport.loadCatalogue(extra: [])
                var out = "gene\trole\taliases\tisoforms\n"
                for g in c.genes.genes.values.sorted(by: { $0.symbol < $1.symbol }) {
                    out += [g.symbol, g.role, g.aliases.joined(separator: ","), g.isoforms.joined(separator: ",")].joined(separator: "\t") + "\n"
                }
                out += "# fusions: GENE1-GENE2 (e.g. EML4-ALK)\n"
                out += "# methods: " + CaseReader.biomarkerMethods.joined(separator: ", ") + "\n"
                out += "# results: " + CaseReader.biomarkerResults.joined(separator: ", ") + "\n"
                FileHandleStdout.write(out)
            }
        }
    }
}
