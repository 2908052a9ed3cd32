import Testing
@testable import VariantModel

@Suite("HGVS protein changes")
struct ProteinChangeTests {
    @Test("one- and three-letter spellings parse to the same change and print both forms", arguments: [
        ("p.T790M", "p.T790M", "p.Thr790Met"),
        ("p.Thr790Met", "p.T790M", "p.Thr790Met"),
        ("p.(Thr790Met)", "p.T790M", "p.Thr790Met"),
        ("NP_005219.2:p.Thr790Met", "p.T790M", "p.Thr790Met"),
        ("T790M", "p.T790M", "p.Thr790Met"),
        ("p.E746_A750del", "p.E746_A750del", "p.Glu746_Ala750del"),
        ("p.Glu746_Ala750del", "p.E746_A750del", "p.Glu746_Ala750del"),
        ("p.R553*", "p.R553*", "p.Arg553Ter"),
        ("p.Arg553Ter", "p.R553*", "p.Arg553Ter"),
        ("p.K100Rfs*5", "p.K100Rfs*5", "p.Lys100ArgfsTer5"),
        ("p.Lys100ArgfsTer5", "p.K100Rfs*5", "p.Lys100ArgfsTer5"),
        ("p.L747_P753delinsS", "p.L747_P753delinsS", "p.Leu747_Pro753delinsSer"),
        ("p.A767_V769dup", "p.A767_V769dup", "p.Ala767_Val769dup"),
        ("p.H773_V774insNPH", "p.H773_V774insNPH", "p.His773_Val774insAsnProHis"),
        ("p.T790=", "p.T790=", "p.Thr790="),
    ])
    func roundTrip(input: String, one: String, three: String) throws {
        let p = try #require(ProteinChange(hgvs: input))
        #expect(p.oneLetter == one)
        #expect(p.threeLetter == three)
        #expect(ProteinChange(hgvs: three)?.oneLetter == one)
    }

    @Test("kinds are recognised")
    func kinds() {
        #expect(ProteinChange(hgvs: "p.T790M")?.kind == .missense)
        #expect(ProteinChange(hgvs: "p.R553*")?.kind == .nonsense)
        #expect(ProteinChange(hgvs: "p.E746_A750del")?.kind == .deletion)
        #expect(ProteinChange(hgvs: "p.K100fs")?.kind == .frameshift)
        #expect(ProteinChange(hgvs: "p.M1?")?.kind == .startLoss)
        #expect(ProteinChange(hgvs: "p.?")?.kind == .unknown)
        #expect(ProteinChange(hgvs: "p.Thr790Thr")?.kind == .synonymous)
    }

    @Test("text that is not an HGVS protein change is refused", arguments: ["", "p.", "c.2369C>T", "T790", "790M", "p.Foo790Bar", "p.T790M extra"])
    func malformed(_ text: String) {
        #expect(ProteinChange(hgvs: text) == nil)
    }
}

@Suite("Alleles and contigs")
struct AlleleTests {
    @Test("differently written alleles compare equal once normalised")
    func normalisation() {
        let padded = Allele(chromosome: "7", position: 55174771, reference: "AGGAATTAAGAGAAGCA", alternate: "AA").normalised()
        let plain = Allele(chromosome: "7", position: 55174771, reference: "AGGAATTAAGAGAAGC", alternate: "A").normalised()
        #expect(padded == plain)
        let mnvSuffix = Allele(chromosome: "7", position: 100, reference: "CA", alternate: "TA").normalised()
        #expect(mnvSuffix == Allele(chromosome: "7", position: 100, reference: "C", alternate: "T"))
        let prefix = Allele(chromosome: "7", position: 100, reference: "GC", alternate: "GT").normalised()
        #expect(prefix == Allele(chromosome: "7", position: 101, reference: "C", alternate: "T"))
        #expect(Allele(chromosome: "7", position: 1, reference: "c", alternate: "t").normalised().reference == "C")
    }

    @Test("chr7, 7 and NC_000007 name the same chromosome; alt contigs are not primary", arguments: [
        ("chr7", "7"), ("7", "7"), ("NC_000007.14", "7"), ("NC_000007.13", "7"), ("chrX", "X"), ("NC_000023.11", "X"),
        ("chrM", "MT"), ("MT", "MT"),
    ])
    func contigs(name: String, expected: String) {
        #expect(ContigName.canonical(name) == expected)
    }

    @Test("decoy, alt and unplaced contigs are not primary chromosomes", arguments: ["chr7_KI270803v1_alt", "chrUn_GL000220v1", "hs37d5", "GL000192.1", "chr23", "07", "chrEBV"])
    func notPrimary(_ name: String) {
        #expect(ContigName.canonical(name) == nil)
    }

    @Test("RefSeq accession versions imply the build")
    func refSeqBuild() {
        #expect(ContigName.buildOfRefSeqAccession("NC_000007.13") == .grch37)
        #expect(ContigName.buildOfRefSeqAccession("NC_000007.14") == .grch38)
        #expect(ContigName.buildOfRefSeqAccession("NC_000001.11") == .grch38)
        #expect(ContigName.buildOfRefSeqAccession("chr7") == nil)
    }

    @Test("a copy number of 4 or more is an amplification candidate; a deletion a loss")
    func copyNumber() {
        #expect(StructuralChange(kind: .copyNumberVariant, chromosome: "7", start: 1, end: 2, copyNumber: 6, alternate: "<CNV>").copyNumberState == .amplification)
        #expect(StructuralChange(kind: .deletion, chromosome: "13", start: 1, end: 2, copyNumber: nil, alternate: "<DEL>").copyNumberState == .loss)
        #expect(StructuralChange(kind: .duplication, chromosome: "17", start: 1, end: 2, copyNumber: nil, alternate: "<DUP>").copyNumberState == .gain)
        #expect(StructuralChange(kind: .copyNumberVariant, chromosome: "7", start: 1, end: 2, copyNumber: 2, alternate: "<CNV>").copyNumberState == nil)
    }
}

@Suite("SHA-256 and JSON")
struct DigestAndJSONTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var incremental = SHA256()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for chunk in stride(from: 0, to: million.count, by: 4097) {
            incremental.update(million[chunk..<min(chunk + 4097, million.count)])
        }
        #expect(incremental.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("JSON keys are sorted, nulls explicit, NaN never written, '<' escaped")
    func json() {
        let v: JSONValue = ["b": 1, "a": [.null, .double(0.031), .double(.nan)], "c": "x<y"]
        #expect(v.serialized(pretty: false) == #"{"a":[null,0.031,null],"b":1,"c":"x\u003cy"}"#)
        #expect(v.serialized() == v.serialized())
    }
}
