public import VariantModel
public import Interpretation
public import Catalogue

/// Builds the `nextline/interpretation/v1` document (DESIGN §4) from an ``Interpretation``; the JSON,
/// text, Markdown and HTML renderers all read this one document. No clinical logic here.
public struct InterpretationReport: Sendable {
    public var interpretation: Interpretation
    public var catalogueVersion: String
    public var catalogueSHA256: String
    public var inputs: [InputRecord]
    public var caseFile: (path: String, sha256: String)?
    /// `--reference`/`--gff` provenance (or null).
    public var referenceInputs: JSONValue

    public init(interpretation: Interpretation, catalogueVersion: String, catalogueSHA256: String, inputs: [InputRecord],
                caseFile: (path: String, sha256: String)?, referenceInputs: JSONValue = .null) {
        self.interpretation = interpretation; self.catalogueVersion = catalogueVersion
        self.catalogueSHA256 = catalogueSHA256; self.inputs = inputs; self.caseFile = caseFile
        self.referenceInputs = referenceInputs
    }

    public var json: JSONValue {
        let i = interpretation
        let c = i.patientCase
        var caseJSON: [String: JSONValue] = [
            "case_id": .string(c.caseID), "tumor_type": .string(c.tumourType),
            "therapy_lines": .array(c.therapyLines.map { l in
                var o: [String: JSONValue] = ["line": .int(l.line), "drugs": .strings(l.drugs), "as_written": .strings(l.asWritten)]
                if let s = l.start { o["start"] = .string(s) }
                if let e = l.end { o["end"] = .string(e) }
                if let r = l.bestResponse { o["best_response"] = .string(r) }
                return .object(o)
            }),
            "samples": .array(c.samples.map { s in
                ["id": .string(s.id), "role": .string(s.role.rawValue), "kind": .string(s.kind.rawValue),
                 "vcf": .optional(s.vcf), "collected": .optional(s.collected), "tumor_fraction": .optional(s.tumourFraction)]
            }),
            "biomarkers": .array(c.biomarkers.map { b in
                ["name": .string(b.name), "gene": .optional(b.gene), "method": .string(b.method), "result": .string(b.result),
                 "sample": .optional(b.sample)]
            }),
            "candidates": .strings(c.candidates.map(\.text)),
        ]
        if c.tumourTypeAsWritten != c.tumourType { caseJSON["tumor_type_as_written"] = .string(c.tumourTypeAsWritten) }
        if let a = c.age { caseJSON["age"] = .int(a) }
        if let s = c.sex { caseJSON["sex"] = .string(s) }

        var doc: [String: JSONValue] = [
            "schema": "nextline/interpretation/v1",
            "tool": ["name": .string(ToolInfo.name), "version": .string(ToolInfo.version)],
            "catalogue": ["version": .string(catalogueVersion), "sha256": .string(catalogueSHA256)],
            "inputs": .array(inputs.map(\.json)),
            "reference_inputs": referenceInputs,
            "genome_build": .optional(i.build?.rawValue),
            "case": .object(caseJSON),
            "findings": .array(i.findings.map(findingJSON)),
            "implications": .array(i.implications.map(implicationJSON)),
            "recommendations": .array(i.recommendations.map { r in
                ["kind": .string(r.kind), "biomarker": .optional(r.biomarker), "therapy": .optional(r.therapy),
                 "reason": .string(r.reason), "rules": .strings(r.rules)]
            }),
            "not_used": .array(i.findings.filter { !$0.used }.map { f in
                ["gene": .string(f.finding.gene), "hgvsp": .optional(hgvsp(f.finding)), "chrom": .string(f.finding.contig),
                 "pos": .int(f.finding.position), "ref": .string(f.finding.reference), "alt": .string(f.finding.alternate),
                 "reason": .string(f.notUsedReason ?? "")]
            }),
            "not_assessable": .array(i.notAssessable.map(FindingJSON.notAssessable)),
            "tumor_fractions": .array(i.tumourFractions.map { t in
                ["sample": .string(t.sampleID), "value": .optional(t.value.map(FindingJSON.round6)), "how": .string(t.how)]
            }),
            "latest_progression_sample": .optional(i.latestProgression),
            "settings": [
                "min_alt_reads": .int(i.settings.minAltReads), "detection_confidence": .double(i.settings.detectionConfidence),
                "low_tumor_fraction": .double(i.settings.lowTumourFraction),
                "default_tissue_tumor_fraction": .double(i.settings.defaultTissueTumourFraction),
                "baseline_assumed_depth": .int(i.settings.baselineAssumedDepth), "min_depth": .int(i.settings.minDepth),
                "use_flagged": .bool(i.settings.useFlagged),
                "copy_number_thresholds": [
                    "amplification_min_copies": .double(i.settings.copyNumber.amplification),
                    "gain_min_copies": .double(i.settings.copyNumber.gain),
                    "shallow_deletion_max_copies": .double(i.settings.copyNumber.shallowDeletion),
                    "deep_deletion_max_copies": .double(i.settings.copyNumber.deepDeletion),
                    "adjustment": "tumour copies = 2 + (observed - 2) / tumour fraction for fold changes and log2 ratios; absolute CN as written",
                ],
            ],
            "warnings": .strings(i.warnings),
        ]
        if let cf = caseFile { doc["case_file"] = ["path": .string(cf.path), "sha256": .string(cf.sha256)] }
        return .object(doc)
    }

    func hgvsp(_ f: Finding) -> String? { f.proteinChange.flatMap { $0.position == nil ? nil : $0.oneLetter } }

    func findingJSON(_ f: InterpretedFinding) -> JSONValue {
        let samples = f.observations.map { o -> JSONValue in
            var m: JSONValue = o.measurement.map { FindingJSON.measurement($0, id: o.sampleID) } ?? ["id": .string(o.sampleID)]
            if case .object(var obj) = m {
                obj["role"] = .string(o.role.rawValue); obj["kind"] = .string(o.kind.rawValue); obj["status"] = .string(o.status)
                if let c = o.collected { obj["collected"] = .string(c) }
                m = .object(obj)
            }
            return m
        }
        var o = FindingJSON.finding(f.finding, samples: samples)
        o["origin"] = .string(f.origin.rawValue)
        o["origin_reason"] = .string(f.originReason)
        o["flags"] = .strings(f.flags)
        o["matches"] = .strings(f.matches)
        o["used"] = .bool(f.used)
        o["classification"] = .string(f.functionalClass.rawValue)
        o["classification_reason"] = .string(f.classReason)
        if let r = f.notUsedReason { o["not_used_reason"] = .string(r) }
        if let call = f.copyNumberCall {
            o["cn_state"] = .string(call.state.rawValue)
            o["copy_number_call"] = [
                "state": .string(call.state.rawValue), "observed": .optional(call.observed), "adjusted": .optional(call.adjusted),
                "measure": .string(call.measure), "tumor_fraction": .optional(call.tumourFraction.map(FindingJSON.round6)),
                "threshold": .string(call.threshold), "note": .optional(call.note),
            ]
        }
        if let partners = f.fusionPartners {
            o["fusion"] = ["partners": .strings(partners), "name": .string(partners.joined(separator: "::"))]
        }
        return .object(o)
    }

    func implicationJSON(_ imp: Implication) -> JSONValue {
        var refs: [String] = []
        for m in imp.rules { for r in m.rule.references where !refs.contains(r.label) { refs.append(r.label) } }
        return [
            "therapy": .string(imp.therapy),
            "drugs": .strings(imp.drugs),
            "verdict": .string(imp.verdict.rawValue),
            "because": .strings(imp.because),
            "rules": .strings(imp.rules.map(\.rule.id)),
            "rule_details": .array(imp.rules.map(ruleJSON)),
            "conflicting": .strings(imp.conflicting),
            "overridden": .strings(imp.overridden),
            "evidence_level": .optional(imp.evidenceLevel?.rawValue),
            "amp_tier": .optional(imp.evidenceLevel.flatMap { lvl in imp.rules.contains { !$0.rule.biomarkers.isEmpty } ? lvl.ampTier : nil }),
            "preclinical_only": .bool(imp.preclinicalOnly),
            "primary": .bool(imp.primary),
            "references": .strings(refs),
            "components": .object(imp.components.mapValues { .strings($0) }),
            "preclinical_signals": .strings(imp.preclinicalSignals),
            "origin_uncertain": .bool(imp.originUncertain),
            "origin_notes": .strings(imp.originNotes),
        ]
    }

    func ruleJSON(_ m: RuleMatch) -> JSONValue {
        let r = m.rule
        var o: [String: JSONValue] = [
            "id": .string(r.id), "title": .string(r.title), "effect": .string(r.effect.rawValue),
            "evidence_level": .string(r.evidence.level.rawValue), "study_types": .strings(r.evidence.studyTypes),
            "tentative": .bool(r.evidence.tentative), "mechanism": .string(r.mechanism),
            "references": .array(r.references.map { ref in
                ["pmid": .optional(ref.pmid), "doi": .optional(ref.doi), "first_author": .optional(ref.firstAuthor),
                 "year": .optional(ref.year), "title": .optional(ref.title)]
            }),
            "conditions": .array(m.conditions.map { c in
                ["biomarker": .string(c.summary), "role": .string(c.role.rawValue), "status": .string(c.status.rawValue),
                 "evidence": .strings(c.evidence), "note": .optional(c.note)]
            }),
            "because": .strings(m.because), "primary": .bool(m.primary), "strengthened": .bool(m.strengthened),
            "source": .string(r.sourceKind), "review_facts": .strings(r.reviewFacts),
            "context": .strings(r.context.map(\.text)),
        ]
        if let p = r.preference { o["preference"] = .string(p) }
        o["scope"] = .string(r.scope.rawValue)
        o["origin_uncertain"] = .bool(m.originUncertain)
        if let n = m.originNote { o["origin_note"] = .string(n) }
        if let c = r.contextChecked { o["context_checked"] = .string(c) }
        if let n = r.evidence.note { o["evidence_note"] = .string(n) }
        if let l = m.priorLine { o["prior_line"] = .int(l) }
        return .object(o)
    }
}
