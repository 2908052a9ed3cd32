import Interpretation

/// Geometry of one finding's VAF-over-time chart (samples in collection order, therapy lines shaded,
/// tumour fraction dashed). Only numbers and labels: the HTML template draws it, escaping every label.
public struct VAFChart: Sendable {
    public struct Point: Sendable { public var x: String; public var y: String; public var label: String; public var detected: Bool }
    public struct Band: Sendable { public var x: String; public var width: String; public var label: String; public var labelX: String }
    public struct Tick: Sendable { public var x: String; public var y: String; public var label: String }
    public var title: String
    public var vafLine: String
    public var tumorFractionLine: String?
    public var points: [Point]
    public var bands: [Band]
    public var xTicks: [Tick]
    public var yTicks: [Tick]
    public var yMaxLabel: String

    static let width = 420.0, height = 150.0, left = 44.0, right = 36.0, top = 14.0, bottom = 34.0

    /// The chart of a finding seen in two or more non-normal samples, else nil.
    static func chart(_ f: DocumentFinding, doc: InterpretationDocument) -> VAFChart? {
        let samples = doc.patientCase.samples.filter { $0.role != "normal" }
        let entries = samples.compactMap { s in f.samples.first { $0.id == s.id }.map { (s, $0) } }
        guard entries.count >= 2 else { return nil }
        let days = entries.map { day($0.0.collected) }
        let dated = days.allSatisfy { $0 != nil }
        let xs: [Double] = dated ? days.map { Double($0 ?? 0) } : entries.indices.map(Double.init)
        var lo = xs.min() ?? 0, hi = xs.max() ?? 1
        let lineDays = doc.patientCase.therapyLines.map { (l: $0, s: day($0.start), e: day($0.end)) }
        if dated { for d in lineDays { if let s = d.s { lo = min(lo, s) }; if let e = d.e { hi = max(hi, e) } } }
        if hi <= lo { hi = lo + 1 }
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ v: Double) -> Double { left + (v - lo) / (hi - lo) * plotW }
        let tfs = entries.map { e in doc.tumorFractions.first { $0.sample == e.0.id }?.value ?? e.0.tumorFraction }
        let vafs = entries.map { $0.1.status == "detected" || $0.1.detected == true ? ($0.1.vaf ?? 0) : 0 }
        let top = max(0.05, (vafs + tfs.compactMap { $0 }).max() ?? 0.05)
        let yMax = (top * 10).rounded(.up) / 10
        func y(_ v: Double) -> Double { VAFChart.top + (1 - v / yMax) * plotH }
        let pts = entries.indices.map { i in
            Point(x: fmt(x(xs[i])), y: fmt(y(vafs[i])),
                  label: "\(entries[i].0.id): " + (vafs[i] > 0 ? "VAF \(ReportView.number(vafs[i]))" : (entries[i].1.status ?? "not detected").spaced),
                  detected: vafs[i] > 0)
        }
        var tfLine: String? = nil
        if tfs.allSatisfy({ $0 != nil }) {
            tfLine = entries.indices.map { "\(fmt(x(xs[$0]))),\(fmt(y(tfs[$0] ?? 0)))" }.joined(separator: " ")
        }
        var bands: [Band] = []
        if dated {
            for d in lineDays {
                guard let s = d.s else { continue }
                let e = d.e ?? hi
                bands.append(Band(x: fmt(x(s)), width: fmt(max(1, x(e) - x(s))), label: "line \(d.l.line)", labelX: fmt(x(s) + 2)))
            }
        }
        let xTicks = entries.indices.map { Tick(x: fmt(x(xs[$0])), y: fmt(height - bottom + 14), label: entries[$0].0.collected ?? entries[$0].0.id) }
        let yTicks = [0.0, yMax / 2, yMax].map { Tick(x: fmt(left - 4), y: fmt(y($0) + 3), label: ReportView.number($0)) }
        return VAFChart(title: "\(f.label): VAF over time", vafLine: pts.map { "\($0.x),\($0.y)" }.joined(separator: " "),
                        tumorFractionLine: tfLine, points: pts, bands: bands, xTicks: xTicks, yTicks: yTicks,
                        yMaxLabel: ReportView.number(yMax))
    }

    /// One decimal; a value no chart can hold (not finite, or beyond ±1e12) prints as 0, never traps.
    static func fmt(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return "0" }
        return String(Double(Int((v * 10).rounded())) / 10)
    }

    /// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, or `YYYY-MM` as its first day).
    static func day(_ text: String?) -> Double? {
        guard let text else { return nil }
        let p = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard p.count >= 2, (1...12).contains(p[1]) else { return nil }
        let (yr, mo, d) = (p[0], p[1], p.count > 2 ? p[2] : 1)
        // Days from civil (Howard Hinnant's algorithm).
        let y = mo <= 2 ? yr - 1 : yr
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Double(era * 146097 + doe - 719468)
    }
}
