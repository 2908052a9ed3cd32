extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}

/// Transcript ids compare without their version (`NM_005228.5` ~ `NM_005228.3`).
func transcriptBase(_ id: String) -> String {
    var s = Substring(id)
    if let colon = s.firstIndex(of: ":") { s = s[..<colon] }
    if let dot = s.lastIndex(of: "."), s[s.index(after: dot)...].allSatisfy(\.isNumber) { s = s[..<dot] }
    return String(s)
}
