// Target hgvs: the input (as text) is an HGVS protein change, parsed by ProteinChange(hgvs:) — the parser
// behind catalogue rules, hotspot tables and the HGVSp of VEP/SnpEff annotations.
// Passes: nil, or a change whose one- and three-letter forms parse back to the same change.
// Fails: a crash, a sanitizer report, a form that does not parse back, or parses to another change.
import FuzzSupport
import VariantModel

Fuzz.run { data in
    let text = data.lossyString
    guard let change = ProteinChange(hgvs: text) else { return }
    let one = change.oneLetter, three = change.threeLetter
    Fuzz.check(one.hasPrefix("p."), "one-letter form \(one) of \(text.debugDescription)")
    Fuzz.check(ProteinChange(hgvs: one) == change,
               "\(text.debugDescription) → \(one) → \(ProteinChange(hgvs: one).map { "\($0.kind) \($0.oneLetter)" } ?? "nil") (was \(change.kind))")
    Fuzz.check(ProteinChange(hgvs: three) == change,
               "\(text.debugDescription) → \(three) → \(ProteinChange(hgvs: three).map { "\($0.kind) \($0.threeLetter)" } ?? "nil") (was \(change.kind))")
    if change.position != nil { _ = change.shortForm }
}
