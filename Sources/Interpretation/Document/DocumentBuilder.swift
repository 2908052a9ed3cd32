public import Catalogue
import VariantModel

/// Builds the typed ``InterpretationDocument`` from an ``Interpretation``. Everything a report shows that
/// rests on clinical knowledge is decided here (or earlier): verdict order, the AMP/ASCO/CAP tier, which
/// class verdicts restate drug verdicts, the test that would settle an untested condition, the headline.
public enum DocumentBuilder {
    public static func document(_ i: Interpretation, catalogue: Catalogue, inputs: [InputRecord], caseFile: FileStamp?,
                                referenceInputs: ReferenceInputs?) -> InterpretationDocument {
        let levels = Dictionary(catalogue.rules.map { ($0.id, $0.evidence.level) }, uniquingKeysWith: { a, _ in a })
        let findings = i.findings.map { f in
            var d = finding(f)
            d.tier = tier(f, levels: levels)
            return d
        }
        let verdicts = orderedVerdicts(i.implications.map { verdict($0, catalogue: catalogue) }, catalogue: catalogue,
                                       implications: i.implications)
        let recommendations = i.recommendations.map {
            InterpretationDocument.RecommendationEntry(kind: $0.kind, biomarker: $0.biomarker, therapy: $0.therapy,
                                                       reason: $0.reason, rules: $0.rules)
        }
        let notUsed = i.findings.filter { !$0.used }.map { f in
            InterpretationDocument.NotUsedEntry(gene: f.finding.gene,
                                                hgvsp: f.finding.proteinChange.flatMap { $0.position == nil ? nil : $0.oneLetter },
                                                chrom: f.finding.contig, pos: f.finding.position, ref: f.finding.reference,
                                                alt: f.finding.alternate, reason: f.notUsedReason ?? "")
        }
        return InterpretationDocument(
            tool: .current, catalogue: CatalogueStamp(version: catalogue.version, sha256: catalogue.sha256), inputs: inputs,
            referenceInputs: referenceInputs, genomeBuild: i.build?.rawValue, caseFile: caseFile,
            patientCase: caseSummary(i.patientCase, catalogue: catalogue),
            headline: headline(findings: findings, verdicts: verdicts, recommendations: recommendations, latest: i.latestProgression),
            findings: findings, implications: verdicts, recommendations: recommendations, notUsed: notUsed,
            notAssessable: i.notAssessable.map(NotAssessableEntry.init),
            tumorFractions: i.tumourFractions.map {
                InterpretationDocument.TumorFractionEntry(sample: $0.sampleID, value: $0.value.map(DocumentFinding.round6), how: $0.how)
            },
            latestProgressionSample: i.latestProgression, settings: settings(i.settings), warnings: i.warnings)
    }

    static func caseSummary(_ c: PatientCase, catalogue: Catalogue) -> CaseSummary {
        CaseSummary(
            caseId: c.caseID, tumorType: c.tumourType,
            tumorTypeAsWritten: c.tumourTypeAsWritten != c.tumourType ? c.tumourTypeAsWritten : nil,
            tumorTypeName: catalogue.tumourTypes.types[c.tumourType]?.name, age: c.age, sex: c.sex,
            therapyLines: c.therapyLines.map {
                CaseSummary.TherapyLine(line: $0.line, drugs: $0.drugs, asWritten: $0.asWritten, start: $0.start, end: $0.end,
                                        bestResponse: $0.bestResponse)
            },
            samples: c.samples.map {
                CaseSummary.Sample(id: $0.id, role: $0.role.rawValue, kind: $0.kind.rawValue, vcf: $0.vcf, collected: $0.collected,
                                   tumorFraction: $0.tumourFraction, reads: $0.reads)
            },
            biomarkers: c.biomarkers.map {
                CaseSummary.Biomarker(name: $0.name, gene: $0.gene, method: $0.method, result: $0.result, sample: $0.sample)
            },
            candidates: c.candidates.map(\.text))
    }

    static func settings(_ s: InterpretationSettings) -> InterpretationDocument.SettingsRecord {
        .init(minAltReads: s.minAltReads, detectionConfidence: s.detectionConfidence, lowTumorFraction: s.lowTumourFraction,
              defaultTissueTumorFraction: s.defaultTissueTumourFraction, baselineAssumedDepth: s.baselineAssumedDepth,
              minDepth: s.minDepth, useFlagged: s.useFlagged,
              copyNumberThresholds: .init(
                amplificationMinCopies: s.copyNumber.amplification, gainMinCopies: s.copyNumber.gain,
                shallowDeletionMaxCopies: s.copyNumber.shallowDeletion, deepDeletionMaxCopies: s.copyNumber.deepDeletion,
                adjustment: "tumour copies = 2 + (observed - 2) / tumour fraction for fold changes and log2 ratios; absolute CN as written"),
              readCounting: s.readCounting)
    }

    // MARK: findings

    /// The finding's AMP/ASCO/CAP tier (see ``DocumentFinding/tier``): a rule with randomised evidence → I;
    /// another matched rule, or a known oncogenic / loss-of-function / reversion allele, a fusion, an
    /// amplification or a deep deletion → II (potential significance, even where no rule of this case
    /// fired, as for an EGFR exon 19 deletion after the TKI line); a VUS, a gain or a shallow loss → III;
    /// a known polymorphism → IV.
    static func tier(_ f: InterpretedFinding, levels: [String: EvidenceLevel]) -> Int {
        if f.functionalClass == .polymorphism { return 4 }
        let matched = f.matches.compactMap { levels[$0] }
        if matched.contains(.clinicalRandomised) { return 1 }
        if !matched.isEmpty { return 2 }   // a VUS triggers only rules naming its exact allele
        if f.functionalClass == .vus { return 3 }
        switch f.functionalClass {
        case .oncogenic, .lossOfFunction, .reversion, .fusion: return 2
        case .copyNumber: return [.amplification, .deepDeletion].contains(f.copyNumberCall?.state) ? 2 : 3
        default: return 3
        }
    }

    static func finding(_ f: InterpretedFinding) -> DocumentFinding {
        let samples = f.observations.map { o -> DocumentFinding.SampleEntry in
            var e = o.measurement.map { DocumentFinding.SampleEntry($0, id: o.sampleID) } ?? DocumentFinding.SampleEntry(id: o.sampleID)
            e.role = o.role.rawValue; e.kind = o.kind.rawValue; e.status = o.status; e.collected = o.collected
            return e
        }
        var d = DocumentFinding(f.finding, samples: samples)
        d.origin = f.origin.rawValue; d.originReason = f.originReason; d.flags = f.flags; d.matches = f.matches
        d.used = f.used; d.classification = f.functionalClass.rawValue; d.classificationReason = f.classReason
        d.notUsedReason = f.notUsedReason
        if let call = f.copyNumberCall {
            d.cnState = call.state.rawValue
            d.copyNumberCall = .init(state: call.state.rawValue, observed: call.observed, adjusted: call.adjusted, measure: call.measure,
                                     tumorFraction: call.tumourFraction.map(DocumentFinding.round6), threshold: call.threshold,
                                     note: call.note)
        }
        if let partners = f.fusionPartners { d.fusion = .init(partners: partners, name: partners.joined(separator: "::")) }
        return d
    }
}
