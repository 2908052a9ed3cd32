import Testing
@testable import Catalogue
@testable import Interpretation
import VariantModel

/// Every rule of the catalogue, in its own context and out of it: for each rule a case is built from
/// the rule itself (its tumour type, its first prior-therapy alternative, findings and case biomarkers
/// that satisfy its required conditions), and the test checks that the rule fires there, and does not
/// fire with another tumour type, without the prior therapy, or — for acquired-only rules — on an
/// allele that was already present at baseline. A rule no case can trigger fails here.
@Suite("Every rule in and out of context")
struct RuleFamilyTests {
    static let catalogue: Catalogue = {
        do { return try Catalogue.builtIn() } catch { fatalError("built-in catalogue invalid: \(error)") }
    }()

    static var ruleIDs: [String] { catalogue.rules.map(\.id).sorted() }
    /// Acquired-only rules whose required condition is a sequence or copy-number alteration.
    static var acquiredRuleIDs: [String] {
        let sequence: Set<BiomarkerCondition.Kind> = [.allele, .proteinChange, .codon, .region, .geneClass, .copyNumber]
        return catalogue.rules.filter { rule in
            rule.requiresOrigin == .acquired && rule.biomarkers.contains { $0.role == .required && sequence.contains($0.kind) }
        }.map(\.id).sorted()
    }

    struct Context {
        var tumour: String
        var lines: [[String]]
        var findings: [InterpretedFinding]
        var biomarkers: [PatientCase.Biomarker]
        var samples: [PatientCase.Sample]
        var sequencedAtProgression: Bool
    }

    static let prog = PatientCase.Sample(id: "prog", role: .progression, kind: .tissue, vcf: "prog.vcf", column: nil, collected: nil, tumourFraction: 0.5)
    static let dx = PatientCase.Sample(id: "dx", role: .baseline, kind: .tissue, vcf: "dx.vcf", column: nil, collected: nil, tumourFraction: 0.5)

    static func finding(gene: String, change: String?, consequence: String, copyNumber: CopyNumberState? = nil,
                        cnState: CopyNumberCall.State? = nil, functionalClass: FunctionalClass? = nil,
                        origin: Origin) -> InterpretedFinding {
        var f = Finding(gene: gene, contig: "chr1", position: 1000, reference: "A", alternate: "G", build: .grch38, source: "prog")
        if let change { f.proteinChange = ProteinChange(hgvs: change) }
        f.consequence = Consequence(term: consequence)
        if let cn = copyNumber {
            f.copyNumber = cn
            f.structural = StructuralChange(kind: cn == .loss ? .deletion : .amplification, chromosome: "1", start: 1, end: 2,
                                            copyNumber: cn == .loss ? 0 : 8, alternate: cn == .loss ? "<DEL>" : "<AMP>")
        } else {
            f.allele = Allele(chromosome: "1", position: 1000, reference: "A", alternate: "G")
        }
        f.measurement = SampleMeasurement(sample: "prog", vaf: 0.2, altReads: 100, depth: 500, vafSource: "FORMAT/AF")
        var i = InterpretedFinding(finding: f, origin: origin, originReason: "test", flags: [], observations: [], matches: [],
                                   used: true, notUsedReason: nil, key: "\(gene):\(change ?? copyNumber?.rawValue ?? "")")
        (i.functionalClass, i.classReason) = FunctionalClass.of(f, catalogue: catalogue)
        if let functionalClass { i.functionalClass = functionalClass }
        if let s = f.structural {
            i.copyNumberCall = CopyNumberCall.call(s, tumourFraction: nil, settings: InterpretationSettings())
            if let cnState { i.copyNumberCall?.state = cnState }
        }
        return i
    }

    /// A finding or case biomarker that makes `c` positive.
    static func satisfy(_ c: BiomarkerCondition, origin: Origin, into ctx: inout Context) {
        let gene = c.gene
        switch c.kind {
        case .allele:
            var f = finding(gene: gene, change: nil, consequence: "missense_variant", origin: origin)
            if let a = c.alleles[.grch38] { f.finding.allele = a; f.key = a.key }
            ctx.findings.append(f)
        case .proteinChange:
            let p = c.changes[0]
            let term = p.kind == .nonsense ? "stop_gained" : p.kind == .deletion ? "inframe_deletion" : "missense_variant"
            var f = finding(gene: gene, change: p.oneLetter, consequence: term, origin: origin)
            if let phase = c.phase, let partnerChange = c.phasePartners.first {
                // Phased heterozygous calls in one phase set, on the same or the other haplotype.
                f.finding.measurement?.haplotype = 0
                f.finding.measurement?.phaseSet = "1"
                var partner = finding(gene: gene, change: partnerChange.oneLetter, consequence: "missense_variant", origin: origin)
                partner.finding.allele = Allele(chromosome: "1", position: 1500, reference: "C", alternate: "T")
                partner.finding.measurement?.haplotype = phase == "cis" ? 0 : 1
                partner.finding.measurement?.phaseSet = "1"
                ctx.findings.append(partner)
            }
            ctx.findings.append(f)
        case .codon:
            ctx.findings.append(finding(gene: gene, change: "p.A\(c.codons[0])V", consequence: c.consequences.first ?? "missense_variant", origin: origin))
        case .region:
            let range = c.proteinRange ?? c.exons.compactMap { catalogue.genes.genes[gene]?.exons[$0] }.first ?? 1...1
            let pos = (range.lowerBound + range.upperBound) / 2
            let term = c.consequences.first ?? "missense_variant"
            let change = term == "inframe_deletion" ? "p.A\(pos)_A\(pos + 1)del" : term == "stop_gained" ? "p.A\(pos)*" : "p.A\(pos)V"
            // A region rule (other than a re-test) needs a known oncogenic allele in the region.
            ctx.findings.append(finding(gene: gene, change: change, consequence: term, functionalClass: .oncogenic, origin: origin))
        case .geneClass:
            switch c.geneClass {
            case "truncating", "loss_of_function":
                ctx.findings.append(finding(gene: gene, change: "p.R10*", consequence: "stop_gained", functionalClass: .lossOfFunction, origin: origin))
            case "reversion":
                var primary = finding(gene: gene, change: "p.R10fs", consequence: "frameshift_variant", functionalClass: .lossOfFunction, origin: .persistent)
                primary.finding.allele = Allele(chromosome: "1", position: 900, reference: "A", alternate: "AG")
                primary.key = "primary"
                primary.used = false
                ctx.findings.append(primary)
                var rev = finding(gene: gene, change: "p.A20_A21del", consequence: "inframe_deletion", origin: origin)
                rev.finding.allele = Allele(chromosome: "1", position: 1000, reference: "AGCT", alternate: "A")
                ctx.findings.append(rev)
            default:
                ctx.findings.append(finding(gene: gene, change: "p.A10V", consequence: "missense_variant", functionalClass: .oncogenic, origin: origin))
            }
        case .copyNumber:
            let state: CopyNumberCall.State
            switch c.state {
            case "loss", "deep_deletion": state = .deepDeletion
            case "shallow_deletion": state = .shallowDeletion
            case "gain": state = .gain
            default: state = .amplification
            }
            ctx.findings.append(finding(gene: gene, change: nil, consequence: "transcript_amplification",
                                        copyNumber: state.isLossSide ? .loss : .amplification, cnState: state, origin: origin))
        case .expression:
            ctx.biomarkers.append(.init(name: gene, gene: gene, isoform: nil, method: c.methods.first ?? "other", result: c.state ?? "positive", sample: "prog"))
        case .isoform:
            ctx.biomarkers.append(.init(name: c.isoform ?? gene, gene: gene, isoform: c.isoform, method: "CTC-mRNA", result: "positive", sample: "prog"))
        case .proteinLevel:
            let result = c.results.first { Matcher.rank($0) < 3 } ?? c.results.first ?? "0"
            if c.changeFromBaseline == "loss" {
                ctx.biomarkers.append(.init(name: gene, gene: gene, isoform: nil, method: c.methods.first ?? "IHC", result: "3+", sample: "dx"))
            }
            ctx.biomarkers.append(.init(name: gene, gene: gene, isoform: nil, method: c.methods.first ?? "IHC", result: result, sample: "prog"))
        case .fusion:
            let partner = c.partner ?? (gene == "EML4" ? "ALK" : "EML4")
            ctx.biomarkers.append(.init(name: "\(partner)-\(gene)", gene: gene, isoform: nil, method: "NGS", result: "positive", sample: "prog"))
        }
    }

    /// Drugs that give `spec` in one line; for a class, its first drug that the rule does not exclude.
    static func drugs(for spec: TherapySpec, excluding excluded: [TherapySpec] = []) -> [String] {
        spec.terms.flatMap { t -> [String] in
            let all = catalogue.drugs.drugs(of: t)
            if case .drugClass = t {
                let allowed = all.filter { d in !excluded.contains { $0.terms.allSatisfy { catalogue.drugs.drug(d, isCoveredBy: $0) } } }
                return Array((allowed.isEmpty ? all : allowed).prefix(1))
            }
            return all
        }
    }

    static func context(for rule: Rule, origin: Origin = .acquired) -> Context {
        var ctx = Context(tumour: rule.isPanCancer ? "LUAD" : rule.tumourTypes[0], lines: [], findings: [], biomarkers: [],
                          samples: [dx, prog], sequencedAtProgression: true)
        // Re-test rules that stand down once the gene has been profiled fire while it is untested.
        if !rule.biomarkers.isEmpty && !rule.biomarkers.contains(where: { $0.role == .required }) { ctx.sequencedAtProgression = false }
        if let spec = rule.priorTherapies.first { ctx.lines = [drugs(for: spec, excluding: rule.excludedPriorTherapies)] }
        for c in rule.biomarkers where c.role == .required { satisfy(c, origin: origin, into: &ctx) }
        return ctx
    }

    static func evaluate(_ rule: Rule, _ ctx: Context) -> RuleMatch {
        let lines = ctx.lines.enumerated().map { PatientCase.TherapyLine(line: $0.offset + 1, drugs: $0.element, asWritten: $0.element, start: nil, end: nil, bestResponse: nil) }
        let pc = PatientCase(caseID: "R", tumourType: ctx.tumour, tumourTypeAsWritten: ctx.tumour, therapyLines: lines,
                             samples: ctx.samples, biomarkers: ctx.biomarkers, candidates: [])
        var sample = prog
        if !ctx.sequencedAtProgression { sample.vcf = nil }
        let latest = SampleFindings(sample: sample, findings: ctx.findings.map(\.finding), notAssessable: [], build: .grch38)
        let m = Matcher(catalogue: catalogue, patientCase: pc, usable: ctx.findings.filter(\.used), latest: latest,
                        latestIsLowTF: false, lowTFNote: nil, settings: InterpretationSettings(), allSampleFindings: ctx.findings)
        return m.evaluate(rule)
    }

    @Test("the rule fires in the context it describes", arguments: ruleIDs)
    func fires(_ id: String) throws {
        let rule = try #require(Self.catalogue.rule(id))
        let m = Self.evaluate(rule, Self.context(for: rule))
        #expect(m.fired == true, "\(id) did not fire in its own context: \(m.notFiredReason ?? "")")
    }

    @Test("the rule does not fire with another tumour type or without its prior therapy", arguments: ruleIDs)
    func outOfContext(_ id: String) throws {
        let rule = try #require(Self.catalogue.rule(id))
        if !rule.isPanCancer {
            var other = Self.context(for: rule)
            other.tumour = rule.tumourTypes.contains { Self.catalogue.tumourTypes.code("PRAD", isWithin: $0) } ? "SKCM" : "PRAD"
            #expect(!Self.evaluate(rule, other).fired, "\(id) fired for \(other.tumour)")
        }
        if !rule.priorTherapies.isEmpty {
            var untreated = Self.context(for: rule)
            untreated.lines = []
            #expect(!Self.evaluate(rule, untreated).fired, "\(id) fired without its prior therapy")
        }
    }

    @Test("an acquired-only rule does not fire on an alteration present at baseline", arguments: acquiredRuleIDs)
    func acquiredOnly(_ id: String) throws {
        let rule = try #require(Self.catalogue.rule(id))
        let m = Self.evaluate(rule, Self.context(for: rule, origin: .persistent))
        #expect(!m.fired, "\(id) fired on a persistent alteration")
    }

    @Test("rules that may fire on pre-existing alterations label them primary")
    func primary() throws {
        let kras = try #require(Self.catalogue.rules.first { $0.requiresOrigin == .any && $0.biomarkers.contains { $0.gene == "KRAS" && $0.role == .required } })
        let m = Self.evaluate(kras, Self.context(for: kras, origin: .persistent))
        #expect(m.fired && m.primary)
    }
}
