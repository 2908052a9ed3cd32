import Foundation
import Testing
import TestSupport
import Yams
@testable import Catalogue
import VariantModel

@Suite("Built-in catalogue")
struct BuiltInCatalogueTests {
    @Test("a user rule file saved with a byte-order mark and CRLF line ends is read as plain text")
    func bomAndCRLF() throws {
        let text = try String(contentsOfFile: Fixtures.path("TestVCFs/catalogue-valid/extra_rule.yaml"), encoding: .utf8)
        let windows = "\u{FEFF}" + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let plain = try Catalogue.builtIn(adding: [("extra_rule.yaml", text)])
        let fromWindows = try Catalogue.builtIn(adding: [("extra_rule.yaml", windows)])
        #expect(fromWindows.rules.count == plain.rules.count)
        #expect(fromWindows.rules.map(\.id) == plain.rules.map(\.id))
    }

    @Test("the built-in catalogue validates and carries a version and a content hash")
    func validates() throws {
        let c = try Catalogue.builtIn()
        #expect(c.rules.count >= 100)
        #expect(!c.version.isEmpty)
        #expect(c.sha256.count == 64)
        #expect(c.hotspots.count >= 30)
        #expect(c.geneSpans.contains { $0.gene == "EGFR" && $0.build == .grch38 })
    }

    @Test("the compiled-in annotations are the files of Annotations/ (regenerate with scripts/embed-annotations.sh)")
    func notStale() throws {
        let dir = Fixtures.path("Annotations")
        var onDisk: [String: String] = [:]
        let e = try #require(FileManager.default.enumerator(atPath: dir))
        for case let p as String in e where p.hasSuffix(".yaml") || p.hasSuffix(".tsv") || p == "NOT_ENCODED.md" {
            onDisk["Annotations/" + p] = try String(contentsOfFile: dir + "/" + p, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedAnnotations.files.map { ($0.path, $0.contents) })
        #expect(Set(onDisk.keys) == Set(embedded.keys))
        for (path, text) in onDisk {
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            #expect(embedded[path] == trimmed, "\(path) changed: run scripts/embed-annotations.sh")
        }
    }

    @Test("the compiled catalogue is current (run scripts/embed-annotations.sh) and equals the catalogue parsed from its files")
    func compiledIsCurrent() throws {
        #expect(CatalogueSnapshot.isCurrent, "Generated/CompiledCatalogue.swift is stale: run scripts/embed-annotations.sh")
        let compiled = try #require(CatalogueSnapshot.load(), "the compiled catalogue does not decode")
        let parsed = try Catalogue.parsedBuiltIn()
        #expect(compiled == parsed)
        #expect(compiled.rules == parsed.rules && compiled.sha256 == parsed.sha256 && compiled.hotspots.map(\.regions) == parsed.hotspots.map(\.regions))
        // Written twice, the same bytes (dictionaries and sets are sorted, not in hash order).
        #expect(try CatalogueSnapshot.source(for: parsed) == (try CatalogueSnapshot.source(for: compiled)))
        // And the committed snapshot is exactly what this code writes (else: run scripts/embed-annotations.sh).
        #expect(try CompactEncoder.encode(parsed) == CompiledCatalogue.text)
    }

    @Test("the compact coding round-trips values the catalogue uses: optionals, nested optionals, enums with payloads, sets, dictionaries")
    func compactRoundTrip() throws {
        struct Sample: Codable, Equatable {
            var text: String; var count: Int; var ratio: Double; var flag: Bool
            var maybe: String?; var none: Int?; var list: [String?]; var set: Set<String>
            var byInt: [Int: ClosedRange<Int>]; var byBuild: [GenomeBuild: String]; var byName: [String: [Int]]
            var terms: [DrugVocabulary.Term]; var nested: [[String]]
        }
        let value = Sample(text: "a=1:[{~}] ünï\ncode", count: -42, ratio: 0.1, flag: true, maybe: "x", none: nil,
                           list: ["p", nil, ""], set: ["b", "a", "c"], byInt: [3: 1...2, 1: 5...9],
                           byBuild: [.grch38: "38", .grch37: "37"], byName: ["z": [1], "y": []],
                           terms: [.drug("osimertinib"), .drugClass("egfr_tki"), .regimen("FOLFOX", ["oxaliplatin", "fluorouracil"])],
                           nested: [[], ["q"]])
        let text = try CompactEncoder.encode(value)
        #expect(try CompactDecoder.decode(Sample.self, from: text) == value)
        #expect(try CompactEncoder.encode(value) == text)
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Sample.self, from: String(text.dropLast(3))) }
    }

    @Test("user rule files load on top of the built-in catalogue; a colliding id is refused")
    func userRules() throws {
        let path = Fixtures.path("TestVCFs/catalogue-valid/extra_rule.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let c = try Catalogue.builtIn(adding: [(path, text)])
        #expect(c.rule("user_egfr_t790m_erlotinib_test") != nil)
        let base = try Catalogue.builtIn()
        #expect(c.sha256 != base.sha256)
        let collide = text.replacingOccurrences(of: "user_egfr_t790m_erlotinib_test", with: base.rules[0].id)
        let e = #expect(throws: CatalogueError.self) { try Catalogue.builtIn(adding: [(path, collide)]) }
        #expect(e?.problems.contains { $0.message.contains("duplicate rule id") && $0.entry == base.rules[0].id } == true)
    }
}

@Suite("Invalid catalogue files")
struct InvalidCatalogueTests {
    static let fixtures: [String] = {
        let dir = Fixtures.path("TestVCFs/catalogue-invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("each invalid fixture gives its expected message, naming the file", arguments: fixtures)
    func fixture(_ name: String) throws {
        let path = Fixtures.path("TestVCFs/catalogue-invalid/" + name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = try #require(text.split(separator: "\n").first.map { String($0.dropFirst("# expect: ".count)) })
        let e = #expect(throws: CatalogueError.self) { try Catalogue.builtIn(adding: [(path, text)]) }
        let problems = e?.problems ?? []
        #expect(problems.contains { $0.description.contains(expected) }, "\(name): \(problems.map(\.description))")
        #expect(problems.allSatisfy { $0.file == path || $0.file == "catalogue" }, "\(problems.map(\.file))")
    }

    @Test("all problems of a file are reported at once")
    func allAtOnce() throws {
        let a = try String(contentsOfFile: Fixtures.path("TestVCFs/catalogue-invalid/unknown_gene.yaml"), encoding: .utf8)
        let b = try String(contentsOfFile: Fixtures.path("TestVCFs/catalogue-invalid/unknown_drug.yaml"), encoding: .utf8)
        let e = #expect(throws: CatalogueError.self) { try Catalogue.builtIn(adding: [("a.yaml", a), ("b.yaml", b)]) }
        #expect(e?.problems.contains { $0.file == "a.yaml" } == true)
        #expect(e?.problems.contains { $0.file == "b.yaml" } == true)
    }
}

@Suite("Vocabularies")
struct VocabularyTests {
    let c: Catalogue
    init() throws { c = try Catalogue.builtIn() }

    @Test("brand names and abbreviations resolve, case- and punctuation-insensitively", arguments: [
        ("T-DM1", "trastuzumab emtansine"), ("tdm1", "trastuzumab emtansine"), ("Kadcyla", "trastuzumab emtansine"),
        ("T-DXd", "trastuzumab deruxtecan"), ("Enhertu", "trastuzumab deruxtecan"), ("5-FU", "fluorouracil"),
        ("Tagrisso", "osimertinib"), ("OSIMERTINIB", "osimertinib"), ("abiraterone acetate", "abiraterone"),
    ])
    func drugs(_ name: String, _ generic: String) {
        #expect(c.drugs.resolve(name) == .drug(generic))
    }

    @Test("every agent the issue lists is known")
    func listedAgents() {
        let names = """
        anastrozole letrozole exemestane tamoxifen fulvestrant elacestrant palbociclib ribociclib abemaciclib alpelisib everolimus
        capecitabine trastuzumab pertuzumab lapatinib neratinib tucatinib pyrotinib docetaxel paclitaxel cabazitaxel doxorubicin
        cyclophosphamide carboplatin cisplatin oxaliplatin fluorouracil leucovorin irinotecan bevacizumab ramucirumab cetuximab
        panitumumab gefitinib erlotinib afatinib dacomitinib osimertinib crizotinib alectinib lorlatinib pemetrexed etoposide
        abiraterone enzalutamide apalutamide darolutamide prednisone leuprolide goserelin dabrafenib trametinib vemurafenib
        cobimetinib encorafenib binimetinib dacarbazine nivolumab pembrolizumab ipilimumab atezolizumab vorinostat vincristine
        vinblastine ifosfamide topotecan mitoxantrone sorafenib lenvatinib cabozantinib sotorasib SP-2509
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for n in names { #expect(c.drugs.resolve(n) != nil, "\(n)") }
        #expect(c.drugs.resolve("radiotherapy") != nil)
        #expect(c.drugs.resolve("surgery") != nil)
    }

    @Test("FOLFIRINOX is a regimen of its four drugs; classes contain their drugs")
    func regimensAndClasses() throws {
        guard case .regimen(_, let drugs)? = c.drugs.resolve("FOLFIRINOX") else { Issue.record("FOLFIRINOX not a regimen"); return }
        #expect(Set(drugs) == ["fluorouracil", "leucovorin", "irinotecan", "oxaliplatin"])
        #expect(c.drugs.classes(of: "osimertinib").contains("egfr_tki"))
        #expect(c.drugs.classes(of: "gefitinib").contains("egfr_tki_1st_gen"))
        #expect(!c.drugs.classes(of: "osimertinib").contains("egfr_tki_1st_gen"))
        #expect(c.drugs.suggestion(for: "osimertinb") == "osimertinib")
    }

    @Test("OncoTree: a rule for NSCLC applies to LUAD, not to BRCA")
    func tumourTypes() {
        #expect(c.tumourTypes.code("LUAD", isWithin: "NSCLC"))
        #expect(c.tumourTypes.code("LUSC", isWithin: "NSCLC"))
        #expect(!c.tumourTypes.code("BRCA", isWithin: "NSCLC"))
        #expect(c.tumourTypes.resolve("non-small cell lung cancer") == "NSCLC")
        #expect(c.genes.resolve("HER2") == "ERBB2")
        #expect(c.genes.geneOfIsoform("AR-V7") == "AR")
    }
}

@Suite("Review coverage", .enabled(if: Fixtures.sharedReviewAvailable, "shared/review is absent: coverage against facts.yaml skipped"))
struct CoverageTests {
    static func facts() throws -> [[String: Any]] {
        let path = Fixtures.sharedReview + "/facts.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (try Yams.load(yaml: text) as? [[String: Any]]) ?? []
    }

    @Test("every fact of the six covered kinds is in a rule or in NOT_ENCODED.md (at most 15 there): 100%")
    func coverage() throws {
        let c = try Catalogue.builtIn()
        let facts = try Self.facts()
        #expect(facts.count == 168)
        // Annotations/review_facts.tsv must list the same ids and kinds as facts.yaml.
        let embedded = Dictionary(uniqueKeysWithValues: c.reviewFacts.map { ($0.id, $0.kind) })
        var required = 0, covered = 0
        var missing: [String] = []
        let inRules = Set(c.rules.flatMap(\.reviewFacts))
        for f in facts {
            guard let id = f["id"] as? String, let kind = f["kind"] as? String else { continue }
            #expect(embedded[id] == kind, "\(id) kind")
            guard Catalogue.coveredKinds.contains(kind) else { continue }
            required += 1
            if inRules.contains(id) || c.notEncoded[id] != nil { covered += 1 } else { missing.append(id) }
        }
        #expect(covered == required, "uncovered: \(missing)")
        #expect(c.notEncoded.count <= 15)
        print("review coverage: \(covered)/\(required) facts of the required kinds; \(inRules.count) of \(facts.count) facts in rules")
    }

    @Test("every reference identifier in the rules was seen in the review's facts or the outside-references list")
    func referencesChecked() throws {
        let c = try Catalogue.builtIn()
        let shared = Fixtures.sharedReview
        let known = try ["facts.yaml", "outside-references.yaml", "outside-references-2.yaml", "cross-resistance-review-2022.md"]
            .map { try String(contentsOfFile: shared + "/" + $0, encoding: .utf8).lowercased() }.joined(separator: "\n")
        for r in c.rules {
            for ref in r.references {
                if let d = ref.doi { #expect(known.contains(d.lowercased()), "\(r.id): DOI \(d) not found in the review material") }
                if let p = ref.pmid { #expect(known.contains(p), "\(r.id): PMID \(p) not found in the review material") }
            }
            if r.sourceKind == "review" { #expect(!r.reviewFacts.isEmpty, "\(r.id)") }
        }
    }
}

@Suite("Rules checked against the reference protein")
struct ReferenceProteinTests {
    /// A one-rule file with one protein_change condition on `gene`, phase partners optional.
    static func rule(gene: String, changes: [String], cis: [String] = [], codons: [Int]? = nil) -> String {
        let condition = codons.map { "{gene: \(gene), kind: codon, codons: [\($0.map(String.init).joined(separator: ", "))]}" }
            ?? "{gene: \(gene), kind: protein_change, changes: [\(changes.joined(separator: ", "))]"
               + (cis.isEmpty ? "" : ", in_cis_with: [\(cis.joined(separator: ", "))]") + "}"
        return """
        schema: nextline/catalogue-rules/v1
        rules:
          - id: protein_check_rule
            title: Protein check
            tumor_types: [NSCLC]
            prior_therapies: [gefitinib]
            biomarkers:
              - \(condition)
            requires_origin: acquired
            therapies: [erlotinib]
            effect: resistance
            direction: one_way
            mechanism: A rule written to test the check against the reference protein.
            evidence: {study_types: [patient_samples], level: clinical_other}
            references:
              - {doi: "10.1158/1078-0432.CCR-12-2246", first_author: Yu HA, year: 2013, checked_in: lookup}
            source: {kind: outside_review}
        """
    }

    static func problems(_ text: String) -> [String] {
        do { _ = try Catalogue.builtIn(adding: [("check.yaml", text)]); return [] } catch let e as CatalogueError {
            return e.problems.map(\.message)
        } catch { return ["\(error)"] }
    }

    @Test("the built-in proteins were translated whole: EGFR 1210, KRAS 188, PIK3CA 1068, PTEN 403, TP53 393 residues")
    func builtIn() throws {
        let c = try Catalogue.builtIn()
        let lengths = c.proteins.proteins.mapValues { $0.sequence.count }
        #expect(lengths == ["EGFR": 1210, "KRAS": 188, "PIK3CA": 1068, "PTEN": 403, "TP53": 393])
        let egfr = try #require(c.proteins.proteins["EGFR"]).sequence
        #expect(String(egfr[745..<750]) == "ELREA" && egfr[789] == "T" && egfr[796] == "C" && egfr[857] == "L")
    }

    @Test("rules that fit the protein load", arguments: [
        ("EGFR", ["T790M"]), ("EGFR", ["E746_A750del"]), ("EGFR", ["Thr790Met"]), ("EGFR", ["L858R", "L861Q"]),
        ("KRAS", ["G12C", "Q61H"]), ("PIK3CA", ["H1047R"]), ("TP53", ["R175H"]), ("PTEN", ["R130G"]),
        ("ERBB2", ["L755S"]), ("ESR1", ["D538G", "Y537S"]), ("MET", ["D1228N"]),
    ])
    func fits(_ gene: String, _ changes: [String]) {
        #expect(ReferenceProteinTests.problems(ReferenceProteinTests.rule(gene: gene, changes: changes)).isEmpty)
    }

    @Test("a reference residue the protein contradicts is refused, naming the residue", arguments: [
        ("EGFR", "A790M", "residue 790 of EGFR is T"), ("EGFR", "E746_E750del", "residue 750 of EGFR is A"),
        ("KRAS", "A12D", "residue 12 of KRAS is G"), ("TP53", "R176H", "residue 176 of TP53 is C"),
        ("ERBB2", "V755S", "residue 755 of ERBB2 is L"), ("ESR1", "E538G", "residue 538 of ESR1 is D"),
    ])
    func wrongResidue(_ gene: String, _ change: String, _ message: String) {
        let problems = ReferenceProteinTests.problems(ReferenceProteinTests.rule(gene: gene, changes: [change]))
        #expect(problems.contains { $0.contains(message) }, "\(problems)")
    }

    @Test("a position beyond the protein is refused, in changes, phase partners and codons")
    func beyondTheEnd() {
        #expect(ReferenceProteinTests.problems(ReferenceProteinTests.rule(gene: "EGFR", changes: ["T9790M"]))
            .contains { $0.contains("position 9790 is beyond the 1210 residues of EGFR") })
        #expect(ReferenceProteinTests.problems(ReferenceProteinTests.rule(gene: "EGFR", changes: ["C797S"], cis: ["T1790M"]))
            .contains { $0.contains("position 1790 is beyond") })
        #expect(ReferenceProteinTests.problems(ReferenceProteinTests.rule(gene: "KRAS", changes: [], codons: [12, 212]))
            .contains { $0.contains("codon 212 is beyond the 188 residues of KRAS") })
        #expect(ReferenceProteinTests.problems(ReferenceProteinTests.rule(gene: "KRAS", changes: [], codons: [12, 13, 61])).isEmpty)
    }
}
