import Yams

/// A clinical trial in MatchMiner's CTML (YAML or JSON): trial identifiers and its arms, each with the
/// `match` tree of the step and arm it belongs to. Only what screening reads is kept.
public struct Trial: Sendable, Hashable {
    public var protocolNo: String
    public var nctID: String?
    public var title: String?
    public var file: String
    public var arms: [Arm]
}

/// One arm (or, for a step without arms, the step itself) and the criteria a patient must meet.
public struct Arm: Sendable, Hashable {
    public var code: String
    public var description: String?
    public var stepCode: String?
    /// `arm_suspended: Y` — closed to accrual; still screened, and shown as closed.
    public var suspended: Bool
    /// The step's and the arm's `match` trees, all of which must hold.
    public var criteria: [Criterion]
}

/// A node of a CTML `match` tree.
public indirect enum Criterion: Sendable, Hashable {
    case and([Criterion])
    case or([Criterion])
    /// `genomic:` — field → value as written (a leading `!` negates the value).
    case genomic([String: String])
    /// `clinical:` — field → value as written.
    case clinical([String: String])
    /// A node kind screening does not know (evaluated as needs review, never ignored).
    case unsupported(String)
}

/// A problem with a trial file: the file, where, and what.
public struct TrialFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
    public init(path: String, message: String) { self.path = path; self.message = message }
}

public enum TrialReader {
    /// Reads one CTML file (YAML or JSON text).
    public static func read(text: String, path: String) throws(TrialFileError) -> Trial {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { throw TrialFileError(path: path, message: "the trial file is empty") }
            root = n
        } catch let e as TrialFileError { throw e } catch {
            throw TrialFileError(path: path, message: "not valid YAML/JSON: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let top = root.mapping else { throw TrialFileError(path: path, message: "a CTML trial is a mapping (protocol_no, treatment_list, …)") }
        guard let protocolNo = top["protocol_no"].flatMap(scalar) ?? top["nct_id"].flatMap(scalar) else {
            throw TrialFileError(path: path, message: "no protocol_no or nct_id")
        }
        guard let treatment = top["treatment_list"]?.mapping, let steps = treatment["step"] else {
            throw TrialFileError(path: path, message: "no treatment_list.step (CTML puts arms under treatment_list → step → arm)")
        }
        var arms: [Arm] = []
        for (s, step) in list(steps).enumerated() {
            guard let stepMap = step.mapping else { throw TrialFileError(path: path, message: "treatment_list.step[\(s)] is not a mapping") }
            let stepCode = stepMap["step_code"].flatMap(scalar)
            let stepCriteria = try criteria(stepMap["match"], path: path, at: "step[\(s)].match")
            let armNodes = stepMap["arm"].map(list) ?? []
            if armNodes.isEmpty {
                arms.append(Arm(code: stepCode ?? "step \(s + 1)", description: nil, stepCode: stepCode, suspended: false, criteria: stepCriteria))
            }
            for (a, node) in armNodes.enumerated() {
                guard let arm = node.mapping else { throw TrialFileError(path: path, message: "step[\(s)].arm[\(a)] is not a mapping") }
                let code = arm["arm_code"].flatMap(scalar) ?? arm["arm_internal_id"].flatMap(scalar) ?? "arm \(a + 1)"
                let suspended = arm["arm_suspended"].flatMap(scalar).map { ["y", "yes", "true"].contains($0.lowercased()) } ?? false
                var own = try criteria(arm["match"], path: path, at: "step[\(s)].arm[\(a)].match")
                // Dose levels carry their own match trees; a patient may match any one of them.
                var doses: [Criterion] = []
                for (d, dose) in (arm["dose_level"].map(list) ?? []).enumerated() {
                    let c = try criteria(dose.mapping?["match"], path: path, at: "step[\(s)].arm[\(a)].dose_level[\(d)].match")
                    if !c.isEmpty { doses.append(c.count == 1 ? c[0] : .and(c)) }
                }
                if !doses.isEmpty { own.append(doses.count == 1 ? doses[0] : .or(doses)) }
                arms.append(Arm(code: code, description: arm["arm_description"].flatMap(scalar), stepCode: stepCode,
                                suspended: suspended, criteria: stepCriteria + own))
            }
        }
        guard !arms.isEmpty else { throw TrialFileError(path: path, message: "no arm to screen") }
        return Trial(protocolNo: protocolNo, nctID: top["nct_id"].flatMap(scalar), title: top["long_title"].flatMap(scalar)
                     ?? top["short_title"].flatMap(scalar), file: path, arms: arms)
    }

    /// A `match` value: a list of nodes (all must hold) or one node.
    static func criteria(_ node: Node?, path: String, at: String) throws(TrialFileError) -> [Criterion] {
        guard let node else { return [] }
        var out: [Criterion] = []
        for (i, n) in list(node).enumerated() { out.append(try criterion(n, path: path, at: "\(at)[\(i)]")) }
        return out
    }

    static func criterion(_ node: Node, path: String, at: String) throws(TrialFileError) -> Criterion {
        guard let m = node.mapping, m.count == 1, let (k, v) = m.first, let key = k.string else {
            throw TrialFileError(path: path, message: "\(at): a match node is one of and, or, genomic or clinical")
        }
        switch key.lowercased() {
        case "and", "or":
            var children: [Criterion] = []
            for (i, n) in list(v).enumerated() { children.append(try criterion(n, path: path, at: "\(at).\(key)[\(i)]")) }
            guard !children.isEmpty else { throw TrialFileError(path: path, message: "\(at).\(key) lists no criteria") }
            return key.lowercased() == "and" ? .and(children) : .or(children)
        case "genomic", "clinical":
            guard let fields = v.mapping else { throw TrialFileError(path: path, message: "\(at).\(key) must be a mapping of fields") }
            var out: [String: String] = [:]
            for (fk, fv) in fields {
                guard let name = fk.string else { continue }
                guard let value = scalar(fv) ?? fv.sequence.map({ $0.compactMap(scalar).joined(separator: ",") }) else {
                    throw TrialFileError(path: path, message: "\(at).\(key).\(name) must be a value")
                }
                out[name.lowercased()] = value
            }
            return key.lowercased() == "genomic" ? .genomic(out) : .clinical(out)
        default:
            return .unsupported(key)
        }
    }

    static func list(_ node: Node) -> [Node] { node.sequence.map(Array.init) ?? [node] }
    static func scalar(_ node: Node) -> String? { node.scalar?.string }
}
