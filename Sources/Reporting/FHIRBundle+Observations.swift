import Interpretation
import VariantModel

extension FHIRBundle.Builder {
    typealias F = FHIRBundle

    /// A genomics-reporting `variant` Observation for one finding (one per fusion).
    func variant(_ f: DocumentFinding) -> JSONValue {
        let m = f.samples.first { $0.id == doc.latestProgressionSample }
        // Alt reads below min_alt_reads (subthreshold) are neither a detection nor proof of absence.
        let present: JSONValue = m?.status == "subthreshold" ? F.coding(F.loinc, "LA11884-6", "Indeterminate")
            : m?.status == "detected" || (m?.status == nil && m?.detected == true)
            ? F.coding(F.loinc, "LA9633-4", "Present")
            : m?.status == "not_detected" || m?.detected == false ? F.coding(F.loinc, "LA9634-2", "Absent") : F.coding(F.loinc, "LA11884-6", "Indeterminate")
        var components: [JSONValue] = f.fusion.map { $0.partners.map(F.gene) } ?? [F.gene(f.gene)]
        let germline = (f.flags ?? []).contains("possible_germline") || f.classification == "polymorphism"
        components.append(F.component(F.coding(F.loinc, "48002-0", "Genomic source class [Type]"), "valueCodeableConcept",
                                      F.concept([germline ? F.coding(F.loinc, "LA18194-3", "Likely germline") : F.coding(F.loinc, "LA6684-0", "Somatic")])))
        components.append(F.component(F.coding(F.loinc, "62374-4", "Human reference sequence assembly version"), "valueCodeableConcept",
                                      F.concept([f.genomeBuild == "GRCh37" ? F.coding(F.loinc, "LA14029-5", "GRCh37") : F.coding(F.loinc, "LA26806-2", "GRCh38")])))
        if let fusion = f.fusion {
            components.append(F.component(F.coding(F.loinc, "48019-4", "DNA change type"), "valueCodeableConcept",
                                          F.concept([F.coding(F.so, "SO:0001565", "gene_fusion")])))
            components.append(F.component(F.coding(F.loinc, "81252-9", "Discrete genetic variant"), "valueCodeableConcept", F.text(fusion.name)))
        } else if let state = f.cnState ?? f.copyNumber?.state {
            components += copyNumber(f, state: state)
        } else {
            components += smallVariant(f)
        }
        if let v = m?.vaf { components.append(F.component(F.coding(F.loinc, "81258-6", "Sample variant allelic frequency [NFr]"), "valueQuantity", F.quantity(v))) }
        if let a = m?.altReads { components.append(F.component(F.coding(F.loinc, "82121-5", "Allelic read depth"), "valueQuantity", F.quantity(Double(a)))) }
        if let d = m?.depth { components.append(F.component(F.local("total-read-depth"), "valueQuantity", F.quantity(Double(d)))) }
        if let o = f.origin { components.append(F.component(F.local("finding-origin"), "valueCodeableConcept", F.concept([F.local(o)], text: o.replacingUnderscores))) }
        if let c = f.classification { components.append(F.component(F.local("finding-classification"), "valueCodeableConcept", F.concept([F.local(c)], text: c.replacingUnderscores))) }
        for flag in f.flags ?? [] { components.append(F.component(F.local("finding-flag"), "valueCodeableConcept", F.concept([F.local(flag)], text: flag.replacingUnderscores))) }
        if let used = f.used { components.append(F.component(F.local("used-in-verdicts"), "valueBoolean", .bool(used))) }
        var notes: [JSONValue] = []
        if let r = f.originReason { notes.append(["text": .string("origin: " + r)]) }
        if let r = f.notUsedReason, f.used == false { notes.append(["text": .string("not used: " + r)]) }
        var o: [String: JSONValue] = [
            "resourceType": "Observation", "meta": ["profile": .strings([F.gr + "variant"])], "status": "final",
            "category": F.categories, "subject": ref("patient"),
            "code": F.concept([F.coding(F.loinc, "69548-6", "Genetic variant assessment")]),
            "valueCodeableConcept": F.concept([present]), "method": F.concept([F.coding(F.loinc, "LA26398-0", "Sequencing")]),
            "component": .array(components),
        ]
        if !notes.isEmpty { o["note"] = .array(notes) }
        if let s = latest {
            o["specimen"] = ref("specimen:" + s.id)
            if let c = s.collected, F.isDate(c) { o["effectiveDateTime"] = .string(c) }
        }
        return .object(o)
    }

    func smallVariant(_ f: DocumentFinding) -> [JSONValue] {
        var c: [JSONValue] = [
            F.component(F.coding(F.loinc, "92822-6", "Genomic coordinate system [Type]"), "valueCodeableConcept",
                        F.concept([F.coding(F.loinc, "LA30102-0", "1-based character counting")])),
            F.component(F.coding(F.loinc, "81254-5", "Genomic allele start-end"), "valueRange",
                        ["low": ["value": .int(f.pos)], "high": ["value": .int(f.pos + max(f.ref.count, 1) - 1)]]),
            F.component(F.coding(F.loinc, "69547-8", "Genomic ref allele [ID]"), "valueString", .string(f.ref)),
            F.component(F.coding(F.loinc, "69551-0", "Genomic alt allele [ID]"), "valueString", .string(f.alt)),
        ]
        let type = f.ref.count == f.alt.count ? (f.ref.count == 1 ? ("SO:0001483", "SNV") : ("SO:0002007", "MNV"))
            : f.ref.count < f.alt.count ? ("SO:0000667", "insertion") : ("SO:0000159", "deletion")
        c.append(F.component(F.coding(F.loinc, "48019-4", "DNA change type"), "valueCodeableConcept", F.concept([F.coding(F.so, type.0, type.1)])))
        if let t = f.transcript {
            let system = t.hasPrefix("ENST") ? "http://www.ensembl.org" : "http://www.ncbi.nlm.nih.gov/refseq"
            c.append(F.component(F.coding(F.loinc, "51958-7", "Transcript reference sequence [ID]"), "valueCodeableConcept", F.concept([F.coding(system, t)])))
            if let h = f.hgvsc {
                let code = t + ":" + h
                c.append(F.component(F.coding(F.loinc, "48004-6", "DNA change (c.HGVS)"), "valueCodeableConcept", F.concept([F.coding(F.hgvs, code)], text: code)))
            }
        }
        if let p = f.hgvspLong {
            let predicted = p.hasPrefix("p.(") ? p : "p.(" + p.dropFirst(2) + ")"
            c.append(F.component(F.coding(F.loinc, "48005-3", "Amino acid change (pHGVS)"), "valueCodeableConcept",
                                 F.concept([], text: predicted)))
        }
        return c
    }

    func copyNumber(_ f: DocumentFinding, state: String) -> [JSONValue] {
        let gain = state == "amplification" || state == "gain"
        var c: [JSONValue] = [
            F.component(F.coding(F.loinc, "48019-4", "DNA change type"), "valueCodeableConcept",
                        F.concept([gain ? F.coding(F.so, "SO:0001742", "copy_number_gain") : F.coding(F.so, "SO:0001743", "copy_number_loss")])),
            F.component(F.local("copy-number-state"), "valueCodeableConcept", F.concept([F.local(state)], text: state.replacingUnderscores)),
        ]
        if let cn = f.copyNumber {
            c.append(F.component(F.coding(F.loinc, "92822-6", "Genomic coordinate system [Type]"), "valueCodeableConcept",
                                 F.concept([F.coding(F.loinc, "LA30102-0", "1-based character counting")])))
            c.append(F.component(F.coding(F.loinc, "81302-2", "Genomic structural variant inner start and end"), "valueRange",
                                 ["low": ["value": .int(cn.start)], "high": ["value": .int(max(cn.end, cn.start))]]))
        }
        if let adjusted = f.copyNumberCall?.adjusted {
            c.append(F.component(F.coding(F.loinc, "82155-3", "Genomic structural variant copy number"), "valueQuantity", F.quantity(adjusted)))
        }
        return c
    }

    /// A `therapeutic-implication` Observation for one verdict.
    func implication(_ v: TherapyVerdict, derived: [String]) -> JSONValue {
        let effect: JSONValue = v.verdict == "resistance" ? F.coding(F.loinc, "LA6676-6", "Resistant")
            : v.verdict == "sensitivity" ? F.coding(F.loinc, "LA6677-4", "Responsive") : F.local("reduced_efficacy")
        var c: [JSONValue] = [F.component(F.coding(F.tbd, "therapeutic-implication", "Therapeutic Implication"), "valueCodeableConcept",
                                          F.concept([effect], text: v.verdict.replacingUnderscores))]
        for drug in v.drugs.isEmpty ? [v.therapy] : v.drugs {
            c.append(F.component(F.coding(F.loinc, "51963-7", "Medication assessed [ID]"), "valueCodeableConcept", F.text(drug)))
        }
        if let level = v.evidenceLevel {
            c.append(F.component(F.coding(F.loinc, "93044-6", "Level of evidence"), "valueCodeableConcept", F.concept([F.local(level)], text: level.replacingUnderscores)))
        }
        if let tier = v.ampTier {
            c.append(F.component(F.coding(F.loinc, "93044-6", "Level of evidence"), "valueCodeableConcept", F.text("AMP/ASCO/CAP 2017 " + tier)))
        }
        let context = doc.patientCase.tumorTypeName.map { "\($0) (OncoTree \(doc.patientCase.tumorType))" } ?? "OncoTree \(doc.patientCase.tumorType)"
        c.append(F.component(F.coding(F.loinc, "81259-4", "Associated phenotype"), "valueCodeableConcept", F.text(context)))
        for (flag, on) in [("tentative", v.tentative), ("preclinical_only", v.preclinicalOnly), ("origin_uncertain", v.originUncertain), ("primary", v.primary)] where on {
            c.append(F.component(F.local("verdict-qualifier"), "valueCodeableConcept", F.concept([F.local(flag)], text: flag.replacingUnderscores)))
        }
        c.append(F.component(F.coding(F.tbd, "conclusion-string", "Conclusion string"), "valueString",
                             .string("\(v.therapy): \(v.verdict.replacingUnderscores)" + (v.because.isEmpty ? "" : " — " + v.because.joined(separator: "; ")))))
        var seen = Set<String>()
        let citations: [JSONValue] = v.ruleDetails.flatMap(\.references).filter { seen.insert($0.label).inserted }.map { r in
            var a: [String: JSONValue] = ["type": "citation", "label": .string(r.label)]
            if let t = r.title { a["display"] = .string(t) }
            if let u = r.url { a["url"] = .string(u) }
            return ["url": "http://hl7.org/fhir/StructureDefinition/workflow-relatedArtifact", "valueRelatedArtifact": .object(a)]
        }
        var o: [String: JSONValue] = [
            "resourceType": "Observation", "meta": ["profile": .strings([F.gr + "therapeutic-implication"])], "status": "final",
            "category": F.categories, "subject": ref("patient"),
            "code": F.concept([F.coding(F.tbd, "therapeutic-implication", "Therapeutic Implication")]),
            "derivedFrom": .array(derived.map(ref)), "component": .array(c),
        ]
        if !citations.isEmpty { o["extension"] = .array(citations) }
        if !v.originNotes.isEmpty { o["note"] = .array(v.originNotes.map { ["text": .string($0)] }) }
        if let s = latest?.collected, F.isDate(s) { o["effectiveDateTime"] = .string(s) }
        return .object(o)
    }
}
