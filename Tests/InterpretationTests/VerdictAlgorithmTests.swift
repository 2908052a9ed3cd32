import Testing
@testable import Catalogue
@testable import Interpretation
import VariantModel

/// docs/interpretation.md, class by class, on a catalogue of test rules over the real vocabularies (no built-in
/// rule can interfere): regimens vs components, independent mechanisms, evidence tiers, origin
/// uncertainty, detection, functional classes, copy-number levels, low tumour fraction and unknown
/// candidates. Each class is tested where it must fire and where it must not.
@Suite("Verdict algorithm v2")
struct VerdictAlgorithmTests {
    static let rules = """
    schema: nextline/catalogue-rules/v1
    rules:
    - \(rule("t_pik3ca_endocrine_alone", "BRCA", "[{gene: PIK3CA, kind: gene_class, class: activating_mutation, role: required}]", "[fulvestrant]", "reduced_efficacy", "clinical_other", extra: "scope: alone"))
    - \(rule("t_pik3ca_alpelisib_fulvestrant", "BRCA", "[{gene: PIK3CA, kind: gene_class, class: activating_mutation, role: required}]", "['alpelisib + fulvestrant']", "sensitivity", "clinical_randomised"))
    - \(rule("t_kras_antiegfr", "COADREAD", "[{gene: KRAS, kind: codon, codons: [12, 13, 61], role: required}]", "[cetuximab]", "resistance", "clinical_randomised"))
    - \(rule("t_egfr_chemo_only", "LUAD", "[{gene: EGFR, kind: protein_change, changes: [C797S], role: required}]", "[erlotinib]", "resistance", "clinical_other", extra: "scope: with_chemotherapy"))
    - \(rule("t_t790m_osimertinib", "LUAD", "[{gene: EGFR, kind: protein_change, changes: [T790M], role: required}]", "[osimertinib]", "sensitivity", "clinical_randomised"))
    - \(rule("t_c797s_osimertinib", "LUAD", "[{gene: EGFR, kind: protein_change, changes: [C797S], role: required}]", "[osimertinib]", "resistance", "clinical_other"))
    - \(rule("t_l858r_osimertinib_preclinical_r", "LUAD", "[{gene: EGFR, kind: protein_change, changes: [L858R], role: required}]", "[osimertinib]", "resistance", "preclinical"))
    - \(rule("t_braf_region_vus_retest", "SKCM", "[{gene: BRAF, kind: region, protein_start: 450, protein_end: 620, role: required}]", "[dabrafenib]", "sensitivity", "clinical_other"))
    - \(rule("t_erbb2_activating_neratinib", "BRCA", "[{gene: ERBB2, kind: gene_class, class: activating_mutation, role: required}]", "[neratinib]", "sensitivity", "clinical_other"))
    - \(rule("t_esr1_acquired_ai", "BRCA", "[{gene: ESR1, kind: protein_change, changes: [D538G, Y537S], role: required}]", "[letrozole]", "resistance", "clinical_other", extra: "requires_origin: acquired", "acquisition_presumed: true", "prior_therapies: [aromatase_inhibitor]"))
    - \(rule("t_erbb2_acquired_lapatinib", "BRCA", "[{gene: ERBB2, kind: protein_change, changes: [L755S], role: required}]", "[lapatinib]", "resistance", "clinical_other", extra: "requires_origin: acquired", "prior_therapies: [trastuzumab]"))
    - \(rule("t_met_amp", "LUAD", "[{gene: MET, kind: copy_number, state: amplification, role: required}]", "[osimertinib]", "resistance", "clinical_other"))
    - \(rule("t_c797s_trans", "LUAD", "[{gene: EGFR, kind: protein_change, changes: [C797S], in_trans_with: [T790M], role: required}]", "['gefitinib + osimertinib']", "sensitivity", "clinical_other"))
    - \(rule("t_rb1_lof", "BRCA", "[{gene: RB1, kind: gene_class, class: loss_of_function, role: required}]", "[palbociclib]", "resistance", "clinical_other", extra: "requires_origin: acquired", "prior_therapies: [cdk46_inhibitor]"))
    """

    static func rule(_ id: String, _ tumour: String, _ biomarkers: String, _ therapies: String, _ effect: String, _ level: String,
                     extra: String...) -> String {
        """
        id: \(id)
          title: test rule \(id)
          tumor_types: [\(tumour)]
          biomarkers: \(biomarkers)
          therapies: \(therapies)
          effect: \(effect)
          mechanism: A test mechanism described in a sentence.
          evidence: {study_types: [\(level == "preclinical" ? "in_vitro" : "phase_3")], level: \(level)}
          references: [{doi: 10.1000/test.\(id)}]
          source: {kind: outside_review}
        """ + extra.map { "\n  " + $0 }.joined()
    }

    static let catalogue: Catalogue = {
        let vocab = EmbeddedAnnotations.files.filter { !$0.path.contains("/rules/") }.map { (path: $0.path, contents: $0.contents) }
        do { return try Catalogue.load(files: vocab + [("test_rules.yaml", rules)]) } catch { fatalError("test catalogue: \(error)") }
    }()

    // MARK: builders

    static func snv(_ gene: String, _ change: String, _ key: String, vaf: Double, depth: Int = 1000, alt: Int? = nil,
                    sample: String, filter: String = "PASS", consequence: String = "missense_variant") -> Finding {
        let a = Allele(key: key)!.normalised()
        var f = Finding(gene: gene, contig: "chr" + a.chromosome, position: a.position, reference: a.reference, alternate: a.alternate,
                        build: .grch38, source: sample)
        f.allele = a
        f.proteinChange = ProteinChange(hgvs: change)
        f.consequence = Consequence(term: consequence)
        f.filters = [filter]
        let reads = alt ?? Int((vaf * Double(depth)).rounded())
        f.measurement = SampleMeasurement(sample: sample, vaf: vaf, altReads: reads, depth: depth, vafSource: "FORMAT/AF", detected: reads > 0)
        return f
    }

    static func cnv(_ gene: String, _ chrom: String, _ start: Int, alt: String, cn: Double? = nil, fc: Double? = nil, sample: String) -> Finding {
        var f = Finding(gene: gene, contig: "chr" + chrom, position: start, reference: "N", alternate: alt, build: .grch38, source: sample)
        var s = StructuralChange(kind: alt == "<DEL>" ? .deletion : .duplication, chromosome: chrom, start: start + 1, end: start + 1000,
                                 copyNumber: cn, alternate: alt)
        s.foldChange = fc
        f.structural = s
        f.copyNumber = s.copyNumberState
        f.measurement = SampleMeasurement(sample: sample)
        return f
    }

    static func sample(_ id: String, _ role: PatientCase.SampleRole, _ kind: PatientCase.SampleKind = .tissue, tf: Double? = nil) -> PatientCase.Sample {
        .init(id: id, role: role, kind: kind, vcf: id + ".vcf", column: nil, collected: nil, tumourFraction: tf)
    }

    static func run(_ tumour: String, lines: [[String]] = [], candidates: [String], samples: [(PatientCase.Sample, [Finding])],
                    catalogue: Catalogue = catalogue, bestResponse: String? = nil) throws -> Interpretation {
        let cands = try candidates.map { text -> PatientCase.Candidate in
            var terms: [DrugVocabulary.Term] = [], drugs: [String] = []
            for part in text.split(separator: "+") {
                guard let t = catalogue.drugs.resolve(part.trimmingCharacters(in: .whitespaces)) else {
                    return .init(text: text, terms: [], drugs: [], known: false, suggestion: catalogue.drugs.suggestion(for: String(part)))
                }
                terms.append(t); drugs += catalogue.drugs.drugs(of: t)
            }
            _ = try #require(!terms.isEmpty)
            return .init(text: text, terms: terms, drugs: drugs)
        }
        let therapy = lines.enumerated().map { i, d in
            PatientCase.TherapyLine(line: i + 1, drugs: d, asWritten: d, start: nil, end: nil, bestResponse: bestResponse)
        }
        let pc = PatientCase(caseID: "T", tumourType: tumour, tumourTypeAsWritten: tumour, therapyLines: therapy,
                             samples: samples.map(\.0), biomarkers: [], candidates: cands)
        return Interpreter.run(patientCase: pc, samples: samples.map { SampleFindings(sample: $0.0, findings: $0.1, notAssessable: [], build: .grch38) },
                               catalogue: catalogue)
    }

    static func verdict(_ i: Interpretation, _ therapy: String) -> Verdict? { i.implications.first { $0.therapy == therapy }?.verdict }

    static let h1047r = "3:179234297:A:G", g12d = "12:25245350:C:T", t790m = "7:55181378:C:T", c797s = "7:55181398:T:A",
               l858r = "7:55191822:T:G", l755s = "17:39723967:T:C", d538g = "6:152094402:A:G"
    static let prog = sample("prog", .progression, .tissue, tf: 0.5)

    // MARK: regimens

    @Test("a resistance of the drug alone does not carry to the regimen that adds the targeted partner")
    func regimenScope() throws {
        let pik3ca = Self.snv("PIK3CA", "H1047R", Self.h1047r, vaf: 0.2, sample: "prog")
        let i = try Self.run("BRCA", candidates: ["fulvestrant", "alpelisib + fulvestrant", "fulvestrant + palbociclib"],
                             samples: [(Self.prog, [pik3ca])])
        #expect(Self.verdict(i, "fulvestrant") == .reducedEfficacy)
        #expect(Self.verdict(i, "alpelisib + fulvestrant") == .sensitivity, "the regimen made for the finding must not inherit the component's resistance")
        #expect(Self.verdict(i, "fulvestrant + palbociclib") == .noKnownEffect, "scope alone: not carried to any regimen")
    }

    @Test("with_chemotherapy carries to chemotherapy partners only; any_regimen carries everywhere")
    func withChemotherapyScope() throws {
        let c797s = Self.snv("EGFR", "C797S", Self.c797s, vaf: 0.1, sample: "prog")
        let i = try Self.run("LUAD", candidates: ["erlotinib", "erlotinib + carboplatin", "erlotinib + bevacizumab"], samples: [(Self.prog, [c797s])])
        #expect(Self.verdict(i, "erlotinib") == .resistance)
        #expect(Self.verdict(i, "erlotinib + carboplatin") == .resistance)
        #expect(Self.verdict(i, "erlotinib + bevacizumab") == .noKnownEffect)
        let kras = Self.snv("KRAS", "G12D", Self.g12d, vaf: 0.2, sample: "prog")
        let k = try Self.run("COADREAD", candidates: ["cetuximab + FOLFIRI", "cetuximab"], samples: [(Self.prog, [kras])])
        #expect(Self.verdict(k, "cetuximab + FOLFIRI") == .resistance)
    }

    // MARK: mechanisms

    @Test("independent mechanisms do not cancel: another clone's resistance beats a sensitivity")
    func independentMechanisms() throws {
        let both = [Self.snv("EGFR", "T790M", Self.t790m, vaf: 0.1, sample: "prog"), Self.snv("EGFR", "C797S", Self.c797s, vaf: 0.05, sample: "prog")]
        let i = try Self.run("LUAD", candidates: ["osimertinib"], samples: [(Self.prog, both)])
        let imp = try #require(i.implications.first)
        #expect(imp.verdict == .resistance)
        #expect(imp.conflicting == ["t_t790m_osimertinib"])
        let onlyT790M = try Self.run("LUAD", candidates: ["osimertinib"], samples: [(Self.prog, [both[0]])])
        #expect(Self.verdict(onlyT790M, "osimertinib") == .sensitivity)
    }

    // MARK: evidence tiers

    @Test("a preclinical signal never nets against patient data; alone it decides at most reduced_efficacy")
    func evidenceTiers() throws {
        let l858r = Self.snv("EGFR", "L858R", Self.l858r, vaf: 0.3, sample: "prog"), t790m = Self.snv("EGFR", "T790M", Self.t790m, vaf: 0.1, sample: "prog")
        let i = try Self.run("LUAD", candidates: ["osimertinib"], samples: [(Self.prog, [l858r, t790m])])
        let imp = try #require(i.implications.first)
        #expect(imp.verdict == .sensitivity)
        #expect(imp.preclinicalSignals == ["t_l858r_osimertinib_preclinical_r"])
        #expect(!imp.preclinicalOnly)
        let alone = try #require(try Self.run("LUAD", candidates: ["osimertinib"], samples: [(Self.prog, [l858r])]).implications.first)
        #expect(alone.verdict == .reducedEfficacy)
        #expect(alone.preclinicalOnly)
    }

    // MARK: origin

    @Test("acquired-only rules: fire on acquired, fire marked uncertain on indeterminate/no baseline, never on persistent")
    func originUncertainty() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5), p = Self.sample("prog", .progression, .plasma, tf: 0.2)
        let now = Self.snv("ERBB2", "L755S", Self.l755s, vaf: 0.05, depth: 2000, sample: "prog")
        let lines = [["trastuzumab"]]
        let absent = Self.snv("ERBB2", "L755S", Self.l755s, vaf: 0, depth: 800, alt: 0, sample: "dx")
        let acquired = try #require(try Self.run("BRCA", lines: lines, candidates: ["lapatinib"], samples: [(dx, [absent]), (p, [now])]).implications.first)
        #expect(acquired.verdict == .resistance && !acquired.originUncertain)
        let indeterminate = try #require(try Self.run("BRCA", lines: lines, candidates: ["lapatinib"], samples: [(dx, []), (p, [now])]).implications.first)
        #expect(indeterminate.verdict == .resistance && indeterminate.originUncertain)
        let noBaseline = try #require(try Self.run("BRCA", lines: lines, candidates: ["lapatinib"], samples: [(p, [now])]).implications.first)
        #expect(noBaseline.originUncertain && noBaseline.originNotes.contains { $0.contains("baseline") })
        let present = Self.snv("ERBB2", "L755S", Self.l755s, vaf: 0.2, depth: 800, sample: "dx")
        let persistent = try #require(try Self.run("BRCA", lines: lines, candidates: ["lapatinib"], samples: [(dx, [present]), (p, [now])]).implications.first)
        #expect(persistent.verdict == .noKnownEffect)
    }

    @Test("an alteration that only arises under the therapy needs no proof of acquisition")
    func acquisitionPresumed() throws {
        let p = Self.sample("prog", .progression, .plasma, tf: 0.2)
        let esr1 = Self.snv("ESR1", "D538G", Self.d538g, vaf: 0.04, depth: 2000, sample: "prog")
        let imp = try #require(try Self.run("BRCA", lines: [["letrozole"]], candidates: ["letrozole"], samples: [(p, [esr1])]).implications.first)
        #expect(imp.verdict == .resistance && !imp.originUncertain)
    }

    // MARK: detection

    @Test("detection needs min_alt_reads alt reads in a record that passed its filters", arguments: [(2, "PASS", false), (3, "PASS", true), (30, "strand_bias", false)])
    func detection(alt: Int, filter: String, detected: Bool) throws {
        let f = Self.snv("EGFR", "C797S", Self.c797s, vaf: Double(alt) / 1000, depth: 1000, alt: alt, sample: "prog", filter: filter)
        let i = try Self.run("LUAD", candidates: ["osimertinib"], samples: [(Self.prog, [f])])
        #expect((Self.verdict(i, "osimertinib") == .resistance) == detected)
        #expect(i.findings.first?.used == detected)
    }

    @Test("fewer than min_alt_reads at baseline is not a detection there: the finding is not persistent")
    func baselineBelowThreshold() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5), p = Self.sample("prog", .progression, .tissue, tf: 0.5)
        let now = Self.snv("ERBB2", "L755S", Self.l755s, vaf: 0.2, depth: 1000, sample: "prog")
        for (alt, origin) in [(2, Origin.acquired), (3, Origin.persistent)] {
            let before = Self.snv("ERBB2", "L755S", Self.l755s, vaf: Double(alt) / 1000, depth: 1000, alt: alt, sample: "dx")
            let i = try Self.run("BRCA", lines: [["trastuzumab"]], candidates: ["lapatinib"], samples: [(dx, [before]), (p, [now])])
            #expect(i.findings.first?.origin == origin, "\(alt) alt reads at baseline")
        }
    }

    // MARK: functional classes

    @Test("a VUS does not trigger class or region rules; a known oncogenic allele does")
    func vus() throws {
        let vus = Self.snv("ERBB2", "A775V", "17:39724026:C:T", vaf: 0.2, sample: "prog")
        let i = try Self.run("BRCA", candidates: ["neratinib"], samples: [(Self.prog, [vus])])
        #expect(Self.verdict(i, "neratinib") == .noKnownEffect)
        #expect(i.findings.first?.functionalClass == .vus)
        let known = Self.snv("ERBB2", "L755S", Self.l755s, vaf: 0.2, sample: "prog")
        #expect(Self.verdict(try Self.run("BRCA", candidates: ["neratinib"], samples: [(Self.prog, [known])]), "neratinib") == .sensitivity)
        let braf = Self.snv("BRAF", "G478V", "7:140781600:C:A", vaf: 0.2, sample: "prog")
        #expect(Self.verdict(try Self.run("SKCM", candidates: ["dabrafenib"], samples: [(Self.prog, [braf])]), "dabrafenib") == .noKnownEffect)
    }

    @Test("a shallow RB1 loss is not loss of function; a deep one is, and so is a shallow one with a second hit")
    func shallowVersusDeep() throws {
        let lines = [["palbociclib", "letrozole"]]
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5)
        let baselineCalls = [Self.cnv("ERBB2", "17", 39_700_000, alt: "<DUP>", cn: 3, sample: "dx")]
        func verdict(_ prog: [Finding]) throws -> Verdict? {
            Self.verdict(try Self.run("BRCA", lines: lines, candidates: ["palbociclib"], samples: [(dx, baselineCalls), (Self.prog, prog)]), "palbociclib")
        }
        #expect(try verdict([Self.cnv("RB1", "13", 48_300_000, alt: "<DEL>", cn: 1, sample: "prog")]) == .noKnownEffect)
        #expect(try verdict([Self.cnv("RB1", "13", 48_300_000, alt: "<DEL>", cn: 0, sample: "prog")]) == .resistance)
        let secondHit = Self.snv("RB1", "R320*", "13:48367512:C:T", vaf: 0.2, sample: "prog", consequence: "stop_gained")
        #expect(try verdict([Self.cnv("RB1", "13", 48_300_000, alt: "<DEL>", cn: 1, sample: "prog"), secondHit]) == .resistance)
    }

    @Test("plasma fold changes are adjusted for tumour fraction before an amplification is called", arguments: [(0.5, false), (0.1, true)])
    func amplificationAdjusted(tf: Double, amplified: Bool) throws {
        let p = Self.sample("prog", .progression, .plasma, tf: tf)
        let met = Self.cnv("MET", "7", 116_700_000, alt: "<DUP>", fc: 1.3, sample: "prog")
        let i = try Self.run("LUAD", candidates: ["osimertinib"], samples: [(p, [met])])
        #expect(i.findings.first?.copyNumberCall?.state == (amplified ? .amplification : .gain))
        #expect((Self.verdict(i, "osimertinib") == .resistance) == amplified)
        #expect(i.recommendations.contains { $0.kind == "confirm" && $0.biomarker == "MET" } == !amplified)
    }

    @Test("a copy-number change absent from the baseline's copy-number calls is acquired")
    func copyNumberOrigin() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5)
        let deep = Self.cnv("RB1", "13", 48_300_000, alt: "<DEL>", cn: 0, sample: "prog")
        let other = Self.cnv("ERBB2", "17", 39_700_000, alt: "<DUP>", cn: 3, sample: "dx")
        let acquired = try Self.run("BRCA", lines: [["palbociclib"]], candidates: ["palbociclib"], samples: [(dx, [other]), (Self.prog, [deep])])
        #expect(acquired.findings.first?.origin == .acquired)
        #expect(Self.verdict(acquired, "palbociclib") == .resistance)
        let before = Self.cnv("RB1", "13", 48_300_000, alt: "<DEL>", cn: 0, sample: "dx")
        let persistent = try Self.run("BRCA", lines: [["palbociclib"]], candidates: ["palbociclib"], samples: [(dx, [before]), (Self.prog, [deep])])
        #expect(persistent.findings.first?.origin == .persistent)
        #expect(Self.verdict(persistent, "palbociclib") == .noKnownEffect)
    }

    // MARK: phase

    @Test("a cis/trans condition is decided only by phased calls in one phase set", arguments: [
        // In trans the combination rule outranks the osimertinib component's C797S resistance; in cis, or
        // with the phase unknown, it does not fire and the component's resistance stands.
        ((0, 1), "7", "sensitivity"), ((1, 1), "7", "resistance"), ((0, 1), nil, "resistance"),
    ] as [((Int, Int), String?, String)])
    func phase(haplotypes: (Int, Int), phaseSet: String?, expected: String) throws {
        var t790m = Self.snv("EGFR", "T790M", Self.t790m, vaf: 0.1, sample: "prog")
        var c797s = Self.snv("EGFR", "C797S", Self.c797s, vaf: 0.1, sample: "prog")
        if let phaseSet {
            t790m.measurement?.haplotype = haplotypes.0; t790m.measurement?.phaseSet = phaseSet
            c797s.measurement?.haplotype = haplotypes.1; c797s.measurement?.phaseSet = phaseSet
        }
        let i = try Self.run("LUAD", candidates: ["gefitinib + osimertinib"], samples: [(Self.prog, [t790m, c797s])])
        #expect(Self.verdict(i, "gefitinib + osimertinib")?.rawValue == expected)
        let fired = try #require(i.implications.first).rules.map(\.rule.id)
        #expect(fired.contains("t_c797s_trans") == (expected == "sensitivity"))
    }

    // MARK: low tumour fraction and negative selection

    @Test("an anti-EGFR antibody is selected by RAS/BRAF absence: a low-TF plasma negative cannot show it", arguments: [(0.005, "retest"), (0.2, "no_known_effect")])
    func negativeSelection(tf: Double, expected: String) throws {
        let p = Self.sample("prog", .progression, .plasma, tf: tf)
        let i = try Self.run("COADREAD", lines: [["fluorouracil", "leucovorin", "oxaliplatin"]], candidates: ["panitumumab"], samples: [(p, [])])
        #expect(Self.verdict(i, "panitumumab")?.rawValue == expected)
        #expect(i.recommendations.contains { $0.kind == "retest" } == (expected == "retest"))
    }

    // MARK: re-giving a failed therapy

    @Test("a therapy wholly within a primary-refractory line (best response PD) is resistance; after a response it is only noted", arguments: [("PD", "resistance"), ("PR", "no_known_effect")])
    func primaryRefractory(best: String, expected: String) throws {
        let i = try Self.run("SKCM", lines: [["nivolumab", "ipilimumab"]], candidates: ["nivolumab + ipilimumab", "nivolumab"],
                             samples: [(Self.prog, [])], bestResponse: best)
        let imp = try #require(i.implications.first)
        #expect(imp.verdict.rawValue == expected)
        #expect(imp.because.contains { $0.contains("line 1") })
        #expect(Self.verdict(i, "nivolumab")?.rawValue == expected, "a part of a primary-refractory regimen failed too")
    }

    // MARK: one alteration, two spellings

    @Test("an indel left-aligned in one sample and right-aligned in another is one alteration (same HGVS c.)")
    func indelSpellings() throws {
        let dx = Self.sample("dx", .baseline, .tissue, tf: 0.5)
        func pten(_ key: String, sample: String) -> Finding {
            var f = Self.snv("PTEN", "K267Rfs*9", key, vaf: 0.3, sample: sample, consequence: "frameshift_variant")
            f.hgvsc = "ENST00000371953.8:c.800del"
            return f
        }
        let i = try Self.run("BRCA", candidates: ["palbociclib"],
                             samples: [(dx, [pten("10:87958017:AA:A", sample: "dx")]), (Self.prog, [pten("10:87958012:TA:T", sample: "prog")])])
        #expect(i.findings.count == 1)
        #expect(i.findings.first?.origin == .persistent)
        #expect(Classifier.key(pten("10:87958017:AA:A", sample: "x")) == Classifier.key(pten("10:87958012:TA:T", sample: "y")))
    }

    @Test("a sensitivity does not apply to a drug of the line now failing; it is listed as overridden with the reason")
    func sensitivityAfterFailure() throws {
        let t790m = Self.snv("EGFR", "T790M", Self.t790m, vaf: 0.1, sample: "prog")
        let afterOsimertinib = try #require(try Self.run("LUAD", lines: [["osimertinib"]], candidates: ["osimertinib"], samples: [(Self.prog, [t790m])]).implications.first)
        #expect(afterOsimertinib.verdict == .noKnownEffect)
        #expect(afterOsimertinib.overridden.contains("t_t790m_osimertinib"))
        #expect(afterOsimertinib.because.contains { $0.contains("not applied") && $0.contains("line 1") })
        let afterGefitinib = try #require(try Self.run("LUAD", lines: [["gefitinib"]], candidates: ["osimertinib"], samples: [(Self.prog, [t790m])]).implications.first)
        #expect(afterGefitinib.verdict == .sensitivity)
    }

    // MARK: candidates

    @Test("a candidate the catalogue does not know is not_in_catalogue")
    func notInCatalogue() throws {
        let i = try Self.run("LUAD", candidates: ["zipalertinib", "osimertinib"], samples: [(Self.prog, [])])
        #expect(Self.verdict(i, "zipalertinib") == .notInCatalogue)
        #expect(Self.verdict(i, "osimertinib") == .noKnownEffect)
    }
}
