#!/usr/bin/env python3
"""Validates a FHIR Bundle written by `nextline interpret --format fhir` (or any Bundle that follows the
HL7 Genomics Reporting IG STU3 profiles the way docs/fhir-notes.md describes).

Checks, in this order:
  1. structure   the whole Bundle parses with the fhir.resources R4B `Bundle` model, so every
                 entry.resource is validated as its own resource type (required elements, data types,
                 no unknown elements). Needs fhir.resources (scripts/fhir-venv.sh installs the pinned
                 version); --no-model skips this step.
  2. json        no null, empty string, empty array or empty object anywhere (FHIR JSON rule).
     ids         every entry has fullUrl `urn:uuid:<uuid>` (lower-case, canonical form) and a
                 resource.id equal to that UUID; fullUrls are unique.
  3. references  every `reference` anywhere in a resource resolves to an entry fullUrl of the bundle
                 (`#id` references must name a contained resource); subject, specimen, result and
                 derivedFrom point at resources of the right type.
  4. profiles    resources that claim a Genomics Reporting profile in meta.profile carry its fixed codes:
                   genomic-report           DiagnosticReport, code LOINC 51969-4, category v2-0074 GE
                   variant                  Observation, code LOINC 69548-6, categories laboratory + GE,
                                            value from LL1971-2, components 48018-6 (gene studied) and
                                            48002-0 (genomic source class, LL378-1); every other known
                                            component has the value type the profile requires
                   molecular-biomarker      Observation, categories laboratory + tbd-codes-cs#biomarker-category,
                                            a code (coding or text)
                   therapeutic-implication  Observation, code tbd-codes-cs#therapeutic-implication,
                                            categories laboratory + GE, no value[x], derivedFrom >= 1
                                            (to variant / biomarker / genotype / haplotype observations),
                                            a therapeutic-implication component and a medication-assessed
                                            (51963-7) or therapy-assessed component
                 and every Observation / DiagnosticReport in the bundle claims one of the profiles
                 (unless --allow-unprofiled), and every profiled observation is listed in the report's
                 result.

Usage:
  scripts/validate-fhir.py BUNDLE.json [--require-profile URL_OR_NAME ...] [--type collection]
                           [--no-model] [--allow-unprofiled] [--quiet]
  BUNDLE.json         the bundle (`-` reads standard input)
  --require-profile   fail unless at least one resource claims this profile; a bare name
                      (`variant`) means the Genomics Reporting canonical
                      http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/<name>
  --type              the expected Bundle.type (default: collection)
  --no-model          skip step 1 (when fhir.resources is not installed)
  --allow-unprofiled  do not require a Genomics Reporting profile on Observations / DiagnosticReports
  --quiet             print nothing when the bundle is valid

Exit status: 0 valid, 1 problems found (each is listed on stderr), 2 usage or input error (unreadable
file, not JSON), 3 fhir.resources missing or not importable (run scripts/fhir-venv.sh, or pass --no-model).
Works with fhir.resources 6.x-8.x (pydantic v1 `parse_obj` or v2 `model_validate`); pinned version:
see scripts/fhir-venv.sh.
"""
import argparse
import json
import re
import sys

GR = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/"
P_REPORT = GR + "genomic-report"
P_VARIANT = GR + "variant"
P_TXIMP = GR + "therapeutic-implication"
P_DXIMP = GR + "diagnostic-implication"
P_BIOMARKER = GR + "molecular-biomarker"
P_GENOTYPE = GR + "genotype"
P_HAPLOTYPE = GR + "haplotype"
P_MOLCONSEQ = GR + "molecular-consequence"
KNOWN_PROFILES = {P_REPORT, P_VARIANT, P_TXIMP, P_DXIMP, P_BIOMARKER, P_GENOTYPE, P_HAPLOTYPE, P_MOLCONSEQ,
                  GR + "sequence-phase-relationship"}
FINDING_PROFILES = {P_VARIANT, P_BIOMARKER, P_GENOTYPE, P_HAPLOTYPE}

LOINC = "http://loinc.org"
TBD = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
HGVS = "http://varnomen.hgvs.org"
HGNC = "http://www.genenames.org"

# LL1971-2 (variant assessment): Present, Absent, No call, Indeterminate.
LL1971_2 = {"LA9633-4", "LA9634-2", "LA18198-4", "LA11884-6"}
# LL378-1 (genomic source class): Germline, Somatic, Fetal, Likely germline, Likely somatic,
# Likely fetal, Unknown genomic origin, De novo.
LL378_1 = {"LA6683-2", "LA6684-0", "LA10429-1", "LA18194-3", "LA18195-0", "LA18196-8", "LA18197-6",
           "LA26807-0"}

# Variant component code -> (slice name, required value[x] key). Codes from the Variant profile of the IG.
VARIANT_COMPONENTS = {
    (LOINC, "48018-6"): ("gene-studied", "valueCodeableConcept"),
    (LOINC, "48001-2"): ("cytogenetic-location", "valueCodeableConcept"),
    (LOINC, "62374-4"): ("reference-sequence-assembly", "valueCodeableConcept"),
    (LOINC, "48000-4"): ("chromosome-identifier", "valueCodeableConcept"),
    (LOINC, "48004-6"): ("representative-coding-hgvs", "valueCodeableConcept"),
    (LOINC, "81290-9"): ("genomic-hgvs", "valueCodeableConcept"),
    (LOINC, "81291-7"): ("cytogenomic-nomenclature", "valueCodeableConcept"),
    (LOINC, "48013-7"): ("genomic-ref-seq", "valueCodeableConcept"),
    (TBD, "protein-ref-seq"): ("representative-protein-ref-seq", "valueCodeableConcept"),
    (LOINC, "51958-7"): ("representative-transcript-ref-seq", "valueCodeableConcept"),
    (LOINC, "81254-5"): ("exact-start-end", "valueRange"),
    (LOINC, "81302-2"): ("inner-start-end", "valueRange"),
    (LOINC, "81301-4"): ("outer-start-end", "valueRange"),
    (LOINC, "92822-6"): ("coordinate-system", "valueCodeableConcept"),
    (LOINC, "69547-8"): ("ref-allele", "valueString"),
    (LOINC, "69551-0"): ("alt-allele", "valueString"),
    (LOINC, "48019-4"): ("coding-change-type", "valueCodeableConcept"),
    (LOINC, "48002-0"): ("genomic-source-class", "valueCodeableConcept"),
    (LOINC, "81258-6"): ("sample-allelic-frequency", "valueQuantity"),
    (LOINC, "82121-5"): ("allelic-read-depth", "valueQuantity"),
    (LOINC, "53034-5"): ("allelic-state", "valueCodeableConcept"),
    (LOINC, "81252-9"): ("variation-code", "valueCodeableConcept"),
    (LOINC, "48005-3"): ("representative-protein-hgvs", "valueCodeableConcept"),
    (LOINC, "82155-3"): ("copy-number", ("valueQuantity", "valueRange")),
    (TBD, "variant-confidence-status"): ("variant-confidence-status", "valueCodeableConcept"),
    (TBD, "conclusion-string"): ("conclusion-string", "valueString"),
}
ONE_ONLY = {"representative-coding-hgvs", "genomic-hgvs", "cytogenomic-nomenclature", "genomic-ref-seq",
            "representative-protein-ref-seq", "representative-transcript-ref-seq", "exact-start-end",
            "inner-start-end", "outer-start-end", "coordinate-system", "ref-allele", "alt-allele",
            "coding-change-type", "genomic-source-class", "sample-allelic-frequency", "allelic-read-depth",
            "allelic-state", "representative-protein-hgvs", "copy-number", "variant-confidence-status",
            "conclusion-string"}

# Implication component code -> (slice name, value key).
IMPLICATION_COMPONENTS = {
    (TBD, "therapeutic-implication"): ("therapeutic-implication", "valueCodeableConcept"),
    (LOINC, "81259-4"): ("phenotypic-treatment-context", "valueCodeableConcept"),
    (LOINC, "51963-7"): ("medication-assessed", "valueCodeableConcept"),
    (TBD, "associated-therapy"): ("therapy-assessed", "valueCodeableConcept"),
    (LOINC, "93044-6"): ("evidence-level", "valueCodeableConcept"),
    (LOINC, "53037-8"): ("clinical-significance", "valueCodeableConcept"),
    (TBD, "conclusion-string"): ("conclusion-string", "valueString"),
}

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
URN_UUID_RE = re.compile(r"^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
VALUE_KEYS = ("valueQuantity", "valueCodeableConcept", "valueString", "valueBoolean", "valueInteger",
              "valueRange", "valueRatio", "valueSampledData", "valueTime", "valueDateTime", "valuePeriod")


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, message):
        self.items.append(f"{where}: {message}")


# ---------------------------------------------------------------------------------------------------
# Step 1: the fhir.resources model.

def load_bundle_model():
    """Returns (Bundle class, description) or raises ImportError."""
    try:
        import fhir.resources as fr
    except ImportError as e:  # not installed, or installed against an incompatible pydantic
        raise ImportError(f"fhir.resources cannot be imported ({e})")
    version = getattr(fr, "__version__", "?")
    try:
        from fhir.resources.R4B.bundle import Bundle  # fhir.resources >= 7: R4B (4.3.0) subpackage
        import fhir.resources.R4B as r4b
        return Bundle, f"fhir.resources {version}, FHIR {getattr(r4b, '__fhir_version__', '4.3.0')} (R4B)"
    except ImportError:
        pass
    from fhir.resources.bundle import Bundle  # fhir.resources 6.x: the default package is R4 (4.0.1)
    return Bundle, f"fhir.resources {version}, FHIR {getattr(fr, '__fhir_version__', '?')} (default package)"


def validate_with_model(bundle_class, data, problems):
    try:
        if hasattr(bundle_class, "model_validate"):  # pydantic v2 (fhir.resources >= 8)
            bundle_class.model_validate(data)
        else:  # pydantic v1 (fhir.resources 6.x / 7.x)
            bundle_class.parse_obj(data)
    except Exception as e:  # pydantic.ValidationError (v1 or v2) or a fhir.resources error
        errors = getattr(e, "errors", None)
        listed = False
        if callable(errors):
            try:
                for err in errors():
                    loc = ".".join(str(x) for x in err.get("loc", ()))
                    problems.add(f"model {loc or 'Bundle'}", err.get("msg", str(err)))
                    listed = True
            except Exception:
                listed = False
        if not listed:
            problems.add("model Bundle", f"{type(e).__name__}: {e}")


# ---------------------------------------------------------------------------------------------------
# Helpers.

def profiles_of(resource):
    out = set()
    for p in (resource.get("meta") or {}).get("profile") or []:
        if isinstance(p, str):
            out.add(p.split("|", 1)[0])  # a canonical may carry |version
    return out


def codings(concept):
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


def has_coding(concept, system, code):
    return any(c.get("system") == system and c.get("code") == code for c in codings(concept))


def component_key(component, table):
    """The (system, code) of a component whose code is in `table`, else None."""
    for c in codings(component.get("code")):
        key = (c.get("system"), c.get("code"))
        if key in table:
            return key
    return None


def value_keys(obj):
    return [k for k in VALUE_KEYS if k in obj]


def walk_references(node, path, out):
    """Collects (path, reference string) for every Reference.reference below node."""
    if isinstance(node, dict):
        ref = node.get("reference")
        if isinstance(ref, str):
            out.append((path + ".reference", ref))
        for k, v in node.items():
            if k == "reference":
                continue
            walk_references(v, f"{path}.{k}", out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_references(v, f"{path}[{i}]", out)


def reference_targets(resource, element):
    """The reference strings of resource.element (a Reference or a list of them)."""
    value = resource.get(element)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [(i, r.get("reference")) for i, r in enumerate(items) if isinstance(r, dict)]


# ---------------------------------------------------------------------------------------------------
# Step 2 and 3: ids and references.

def check_empty(node, path, problems):
    """FHIR JSON has no null, no empty string, no empty array and no empty object (R4 json.html)."""
    if node is None:
        problems.add(path, "is null (FHIR JSON omits an element without a value)")
    elif isinstance(node, str) and node == "":
        problems.add(path, "is an empty string")
    elif isinstance(node, (list, dict)) and not node:
        problems.add(path, f"is an empty {'array' if isinstance(node, list) else 'object'}")
    elif isinstance(node, dict):
        for k, v in node.items():
            check_empty(v, f"{path}.{k}", problems)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            check_empty(v, f"{path}[{i}]", problems)


def check_ids(entries, problems):
    by_url = {}
    for i, entry in enumerate(entries):
        where = f"entry[{i}]"
        if not isinstance(entry, dict):
            problems.add(where, "is not an object")
            continue
        resource = entry.get("resource")
        if not isinstance(resource, dict):
            problems.add(where, "has no resource")
            continue
        rtype = resource.get("resourceType", "?")
        where = f"entry[{i}] ({rtype})"
        full_url = entry.get("fullUrl")
        if not isinstance(full_url, str):
            problems.add(where, "has no fullUrl")
            continue
        m = URN_UUID_RE.match(full_url)
        if not m:
            problems.add(where, f"fullUrl {full_url!r} is not urn:uuid:<lower-case canonical UUID>")
        rid = resource.get("id")
        if rid is None:
            problems.add(where, "resource has no id")
        elif not isinstance(rid, str) or not UUID_RE.match(rid):
            problems.add(where, f"resource id {rid!r} is not a lower-case canonical UUID")
        elif m and rid != m.group(1):
            problems.add(where, f"resource id {rid} differs from the fullUrl's UUID {m.group(1)}")
        if full_url in by_url:
            problems.add(where, f"fullUrl {full_url} repeats entry[{by_url[full_url][0]}]")
        else:
            by_url[full_url] = (i, resource)
    return by_url


def check_references(entries, by_url, problems):
    for i, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            continue
        rtype = resource.get("resourceType", "?")
        contained_ids = {c.get("id") for c in resource.get("contained") or [] if isinstance(c, dict)}
        refs = []
        walk_references(resource, rtype, refs)
        for path, ref in refs:
            if ref.startswith("#"):
                if ref[1:] not in contained_ids:
                    problems.add(f"entry[{i}] {path}", f"{ref} names no contained resource")
            elif ref not in by_url:
                problems.add(f"entry[{i}] {path}", f"{ref} does not resolve to an entry fullUrl of the bundle")


def target(by_url, ref):
    hit = by_url.get(ref)
    return hit[1] if hit else None


def check_reference_types(i, resource, by_url, problems):
    """subject -> Patient, specimen -> Specimen, performer resolvable kinds are not checked."""
    rtype = resource.get("resourceType")
    if rtype not in ("Observation", "DiagnosticReport", "Specimen"):
        return
    for element, wanted in (("subject", {"Patient"}), ("specimen", {"Specimen"})):
        for _, ref in reference_targets(resource, element):
            t = target(by_url, ref)
            if t is not None and t.get("resourceType") not in wanted:
                problems.add(f"entry[{i}] {rtype}.{element}",
                             f"{ref} is a {t.get('resourceType')}, expected {'/'.join(sorted(wanted))}")


# ---------------------------------------------------------------------------------------------------
# Step 4: profiles.

def check_categories(where, resource, problems):
    cats = resource.get("category") or []
    if not any(has_coding(c, OBSCAT, "laboratory") for c in cats):
        problems.add(where, "category lacks observation-category#laboratory")
    if not any(has_coding(c, V2_0074, "GE") for c in cats):
        problems.add(where, "category lacks v2-0074#GE (Genetics)")


def check_report(where, resource, by_url, problems):
    if resource.get("resourceType") != "DiagnosticReport":
        problems.add(where, "claims genomic-report but is not a DiagnosticReport")
        return
    if not has_coding(resource.get("code"), LOINC, "51969-4"):
        problems.add(where, "code is not LOINC 51969-4 (Genetic analysis report)")
    if not any(has_coding(c, V2_0074, "GE") for c in resource.get("category") or []):
        problems.add(where, "category lacks v2-0074#GE (Genetics)")
    if "subject" not in resource:
        problems.add(where, "has no subject")
    for k, ref in reference_targets(resource, "result"):
        t = target(by_url, ref)
        if t is not None and t.get("resourceType") != "Observation":
            problems.add(f"{where} result[{k}]", f"{ref} is a {t.get('resourceType')}, not an Observation")


def check_hgvs(where, comp, kind, problems):
    concept = comp.get("valueCodeableConcept") or {}
    hgvs = [c for c in codings(concept) if c.get("system") == HGVS]
    others = [c for c in codings(concept) if c.get("system") != HGVS]
    if others:
        problems.add(where, f"{kind} coding system is not {HGVS}: {[c.get('system') for c in others]}")
    for c in hgvs:
        code = c.get("code") or ""
        if f":{kind}." not in code:
            problems.add(where, f"{kind}.HGVS code {code!r} is not '<reference sequence>:{kind}.<change>'")
    if not hgvs and not concept.get("text"):
        problems.add(where, f"{kind}.HGVS component has neither an HGVS coding nor text")


def check_variant(where, resource, problems):
    if resource.get("resourceType") != "Observation":
        problems.add(where, "claims variant but is not an Observation")
        return
    if not has_coding(resource.get("code"), LOINC, "69548-6"):
        problems.add(where, "code is not LOINC 69548-6 (Genetic variant assessment)")
    check_categories(where, resource, problems)
    value = resource.get("valueCodeableConcept")
    if not value:
        problems.add(where, "has no valueCodeableConcept (LL1971-2 Present/Absent/No call/Indeterminate)")
    elif not any(c.get("system") == LOINC and c.get("code") in LL1971_2 for c in codings(value)):
        problems.add(where, f"value is not from LL1971-2: {[(c.get('system'), c.get('code')) for c in codings(value)]}")
    other_values = [k for k in value_keys(resource) if k != "valueCodeableConcept"]
    if other_values:
        problems.add(where, f"value[x] must be valueCodeableConcept, found {other_values}")
    seen = {}
    for n, comp in enumerate(resource.get("component") or []):
        cwhere = f"{where} component[{n}]"
        key = component_key(comp, VARIANT_COMPONENTS)
        if key is None:
            if not codings(comp.get("code")) and not (comp.get("code") or {}).get("text"):
                problems.add(cwhere, "has an empty code")
            continue  # open slicing: other components are allowed
        name, wanted = VARIANT_COMPONENTS[key]
        seen[name] = seen.get(name, 0) + 1
        keys = value_keys(comp)
        wanted_set = set(wanted) if isinstance(wanted, tuple) else {wanted}
        if len(keys) != 1 or keys[0] not in wanted_set:
            problems.add(cwhere, f"{name} ({key[1]}) needs {' or '.join(sorted(wanted_set))}, found {keys or 'no value'}")
            continue
        if name == "gene-studied":
            concept = comp["valueCodeableConcept"]
            hg = [c for c in codings(concept) if c.get("system") == HGNC]
            for c in hg:
                code = c.get("code")
                if code is not None and not re.match(r"^HGNC:\d+$", str(code)):
                    problems.add(cwhere, f"gene-studied HGNC code {code!r} is not 'HGNC:<number>'")
            if not hg and not concept.get("text"):
                problems.add(cwhere, f"gene-studied has neither a {HGNC} coding nor text")
        elif name == "genomic-source-class":
            if not any(c.get("system") == LOINC and c.get("code") in LL378_1
                       for c in codings(comp["valueCodeableConcept"])):
                problems.add(cwhere, "genomic-source-class value is not from LL378-1")
        elif name == "representative-coding-hgvs":
            check_hgvs(cwhere, comp, "c", problems)
        elif name == "representative-protein-hgvs":
            check_hgvs(cwhere, comp, "p", problems)
        elif name == "genomic-hgvs":
            check_hgvs(cwhere, comp, "g", problems)
        elif name in ("sample-allelic-frequency", "copy-number") and "valueQuantity" in comp:
            q = comp["valueQuantity"]
            if q.get("system") not in (None, UCUM):
                problems.add(cwhere, f"{name} quantity system {q.get('system')!r} is not UCUM")
            if name == "sample-allelic-frequency":
                v = q.get("value")
                if not isinstance(v, (int, float)) or not 0 <= v <= 1:
                    problems.add(cwhere, f"sample-allelic-frequency {v!r} is not a fraction in [0, 1]")
                if q.get("system") != UCUM:
                    problems.add(cwhere, "sample-allelic-frequency quantity must have system UCUM (fixed by the profile)")
            if name == "copy-number" and q.get("value") is not None and q.get("code") != "1":
                problems.add(cwhere, "copy-number quantity needs code '1' (UCUM unity)")
        elif name in ("exact-start-end", "inner-start-end", "outer-start-end"):
            r = comp["valueRange"]
            low, high = (r.get("low") or {}).get("value"), (r.get("high") or {}).get("value")
            if low is None:
                problems.add(cwhere, f"{name} has no low value")
            elif high is not None and high < low:
                problems.add(cwhere, f"{name} high {high} < low {low}")
    for name in ("gene-studied", "genomic-source-class"):
        if name not in seen:
            problems.add(where, f"has no {name} component ({'48018-6' if name == 'gene-studied' else '48002-0'})")
    for name, count in seen.items():
        if count > 1 and name in ONE_ONLY:
            problems.add(where, f"has {count} {name} components (max 1)")
    if any(n in seen for n in ("exact-start-end", "inner-start-end", "outer-start-end")) and "coordinate-system" not in seen:
        problems.add(where, "has coordinates but no coordinate-system component (92822-6)")


def check_therapeutic_implication(where, resource, by_url, problems):
    if resource.get("resourceType") != "Observation":
        problems.add(where, "claims therapeutic-implication but is not an Observation")
        return
    if not has_coding(resource.get("code"), TBD, "therapeutic-implication"):
        problems.add(where, "code is not tbd-codes-cs#therapeutic-implication")
    check_categories(where, resource, problems)
    if value_keys(resource):
        problems.add(where, f"must not have value[x] (found {value_keys(resource)})")
    derived = reference_targets(resource, "derivedFrom")
    if not derived:
        problems.add(where, "has no derivedFrom (the profile requires 1..*)")
    for k, ref in derived:
        t = target(by_url, ref)
        if t is None:
            continue  # reported by the reference check
        if t.get("resourceType") != "Observation" or not (profiles_of(t) & FINDING_PROFILES):
            problems.add(f"{where} derivedFrom[{k}]",
                         f"{ref} is not a variant / molecular-biomarker / genotype / haplotype Observation")
    seen = {}
    for n, comp in enumerate(resource.get("component") or []):
        key = component_key(comp, IMPLICATION_COMPONENTS)
        if key is None:
            continue
        name, wanted = IMPLICATION_COMPONENTS[key]
        seen[name] = seen.get(name, 0) + 1
        keys = value_keys(comp)
        if keys != [wanted]:
            problems.add(f"{where} component[{n}]", f"{name} needs {wanted}, found {keys or 'no value'}")
            continue
        if wanted == "valueCodeableConcept":
            concept = comp[wanted]
            if not codings(concept) and not concept.get("text"):
                problems.add(f"{where} component[{n}]", f"{name} value has neither coding nor text")
    if "therapeutic-implication" not in seen:
        problems.add(where, "has no therapeutic-implication component (tbd-codes-cs#therapeutic-implication)")
    if "medication-assessed" not in seen and "therapy-assessed" not in seen:
        problems.add(where, "has neither a medication-assessed (51963-7) nor a therapy-assessed component")


def check_biomarker(where, resource, problems):
    if resource.get("resourceType") != "Observation":
        problems.add(where, "claims molecular-biomarker but is not an Observation")
        return
    cats = resource.get("category") or []
    if not any(has_coding(c, OBSCAT, "laboratory") for c in cats):
        problems.add(where, "category lacks observation-category#laboratory")
    if not any(has_coding(c, TBD, "biomarker-category") for c in cats):
        problems.add(where, "category lacks tbd-codes-cs#biomarker-category")
    code = resource.get("code") or {}
    if not codings(code) and not code.get("text"):
        problems.add(where, "code has neither coding nor text")
    for n, comp in enumerate(resource.get("component") or []):
        if has_coding(comp.get("code"), LOINC, "48018-6") and value_keys(comp) != ["valueCodeableConcept"]:
            problems.add(f"{where} component[{n}]", "gene-studied (48018-6) needs valueCodeableConcept")


def check_profiles(entries, by_url, allow_unprofiled, problems):
    claimed = {}
    for i, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            continue
        rtype = resource.get("resourceType", "?")
        where = f"entry[{i}] ({rtype} {resource.get('id', '?')})"
        profs = profiles_of(resource)
        for p in profs:
            claimed[p] = claimed.get(p, 0) + 1
        check_reference_types(i, resource, by_url, problems)
        if P_REPORT in profs:
            check_report(where, resource, by_url, problems)
        if P_VARIANT in profs:
            check_variant(where, resource, problems)
        if P_TXIMP in profs:
            check_therapeutic_implication(where, resource, by_url, problems)
        if P_BIOMARKER in profs:
            check_biomarker(where, resource, problems)
        if rtype in ("Observation", "DiagnosticReport") and not (profs & KNOWN_PROFILES) and not allow_unprofiled:
            problems.add(where, "claims no Genomics Reporting profile in meta.profile")
    return claimed


def check_report_results(entries, by_url, problems):
    """Every variant, biomarker and implication observation is listed in some genomic report's result."""
    reports = [e["resource"] for e in entries if isinstance(e, dict) and isinstance(e.get("resource"), dict)
               and P_REPORT in profiles_of(e["resource"])]
    if not reports:
        return
    listed = {ref for r in reports for _, ref in reference_targets(r, "result")}
    for i, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            continue
        if profiles_of(resource) & {P_VARIANT, P_BIOMARKER, P_TXIMP} and entry.get("fullUrl") not in listed:
            problems.add(f"entry[{i}] ({resource.get('resourceType')} {resource.get('id')})",
                         "is not listed in the genomic report's result")


# ---------------------------------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bundle")
    ap.add_argument("--require-profile", action="append", default=[], metavar="URL_OR_NAME")
    ap.add_argument("--type", default="collection", dest="bundle_type")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--allow-unprofiled", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    try:
        text = sys.stdin.read() if args.bundle == "-" else open(args.bundle, encoding="utf-8").read()
    except OSError as e:
        print(f"error: cannot read {args.bundle}: {e}", file=sys.stderr)
        return 2
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        print(f"error: {args.bundle} is not JSON: {e}", file=sys.stderr)
        return 2

    problems = Problems()
    model_note = "model check skipped (--no-model)"
    if not args.no_model:
        try:
            bundle_class, model_note = load_bundle_model()
        except ImportError as e:
            print(f"error: {e}; run scripts/fhir-venv.sh and use the python it prints, or pass --no-model",
                  file=sys.stderr)
            return 3
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        problems.add("root", f"resourceType is {data.get('resourceType') if isinstance(data, dict) else type(data).__name__!r}, not Bundle")
    else:
        if not args.no_model:
            validate_with_model(bundle_class, data, problems)
        if data.get("type") != args.bundle_type:
            problems.add("Bundle.type", f"is {data.get('type')!r}, expected {args.bundle_type!r}")
        check_empty(data, "Bundle", problems)
        entries = data.get("entry") or []
        if not entries:
            problems.add("Bundle.entry", "is empty")
        by_url = check_ids(entries, problems)
        check_references(entries, by_url, problems)
        claimed = check_profiles(entries, by_url, args.allow_unprofiled, problems)
        check_report_results(entries, by_url, problems)
        for p in args.require_profile:
            url = p if "/" in p else GR + p
            if not claimed.get(url):
                problems.add("Bundle", f"no resource claims the required profile {url}")

    if problems.items:
        print(f"FAIL {args.bundle}: {len(problems.items)} problem(s) [{model_note}]", file=sys.stderr)
        for item in problems.items:
            print(f"  - {item}", file=sys.stderr)
        return 1
    if not args.quiet:
        n = len(data.get("entry") or [])
        kinds = {}
        for e in data.get("entry") or []:
            for p in profiles_of(e.get("resource") or {}):
                name = p.rsplit("/", 1)[-1]
                kinds[name] = kinds.get(name, 0) + 1
        summary = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))
        print(f"OK {args.bundle}: {n} entries ({summary or 'no profiled resources'}) [{model_note}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
