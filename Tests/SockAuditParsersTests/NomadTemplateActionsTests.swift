import SockAuditCore
import Testing
@testable import SockAuditParsers

/// nomad-pack and Levant job templates: `[[ … ]]` actions set aside with every line and column
/// kept, in the shapes templates take.
@Suite struct NomadTemplateActionsTests {
    static func setAside(_ text: String) throws -> String {
        try #require(NomadTemplateActions.setAside(text))
    }

    /// What an action becomes: blank, a reference, or an interpolation, as wide as it was.
    static func blank(_ action: String) -> String { String(repeating: " ", count: action.count) }
    static func reference(_ action: String) -> String { String(repeating: "_", count: action.count) }
    static func interpolation(_ action: String) -> String { "${" + String(repeating: "_", count: action.count - 3) + "}" }

    @Test func anActionAloneOnItsLineIsBlank() throws {
        let region = #"[[ template "region" . ]]"#, open = "[[- if .x.namespace ]]", end = "[[- end ]]"
        let text = "job \"a\" {\n  \(region)\n  \(open)\n  namespace = \"n\"\n  \(end)\n}"
        let expected = "job \"a\" {\n  \(Self.blank(region))\n  \(Self.blank(open))\n  namespace = \"n\"\n  \(Self.blank(end))\n}"
        #expect(try Self.setAside(text) == expected)
    }

    @Test func aValueOutsideAStringIsAReferenceOfItsWidth() throws {
        let count = "[[ .x.count ]]", name = #"[[ template "job_name" . ]]"#
        #expect(try Self.setAside("  count = \(count)") == "  count = \(Self.reference(count))")
        #expect(try Self.setAside("job \(name) {") == "job \(Self.reference(name)) {")
    }

    @Test func aValueInAStringIsAnUnresolvedInterpolation() throws {
        let dir = "[[ .dir ]]", image = "[[.i]]", tag = "[[.t]]"
        #expect(try Self.setAside(#"  v = [""# + dir + #"/docker.sock:/s"]"#)
                    == #"  v = [""# + Self.interpolation(dir) + #"/docker.sock:/s"]"#)
        #expect(try Self.setAside(#"  image = ""# + image + ":" + tag + #"""#)
                    == #"  image = ""# + Self.interpolation(image) + ":" + Self.interpolation(tag) + #"""#)
    }

    @Test func aValueInALabelStaysPlain() throws {
        let name = "[[ $p.name ]]"
        #expect(try Self.setAside(#"  port ""# + name + #"" { to = 80 }"#) == #"  port ""# + Self.reference(name) + #"" { to = 80 }"#)
    }

    @Test func controlActionsInALineAreBlank() throws {
        let open = "[[if ne (len $v) 0 ]]", key = "[[ $k | upper ]]", value = "[[ $v | quote ]]", end = "[[ end ]]"
        #expect(try Self.setAside("  \(open)\(key) = \(value)\(end)")
                    == "  \(Self.blank(open))\(Self.reference(key)) = \(Self.reference(value))\(Self.blank(end))")
    }

    @Test func anActionOverLinesIsBlankAndKeepsItsLines() throws {
        #expect(try Self.setAside("a = 1\n[[/* a\ncomment */]]\nb = 2") == "a = 1\n\(Self.blank("[[/* a"))\n\(Self.blank("comment */]]"))\nb = 2")
    }

    @Test func quotedBracketsInsideAnActionDoNotCloseIt() throws {
        let action = #"[[ or .v "]]" ]]"#
        #expect(try Self.setAside(#"x = ""# + action + #"""#) == #"x = ""# + Self.interpolation(action) + #"""#)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let result = try Self.setAside("x = [[ .é ]] y")
        #expect(result == "x = \(Self.reference("[[ .é ]]")) y")
        #expect(result.unicodeScalars.count == "x = [[ .é ]] y".unicodeScalars.count)
    }

    @Test func aTerraformTemplatesDirectiveLinesAreBlank() throws {
        #expect(NomadTemplateActions.hasDirectiveLines("a {\n  %{ if x }\n  b = 1\n  %{ endif }\n}"))
        #expect(!NomadTemplateActions.hasDirectiveLines("a = \"%{ if x }y%{ endif }\""))
        #expect(try Self.setAside("a {\n  %{ if x }\n  b = 1\n  %{ endif }\n}")
                    == "a {\n\(Self.blank("  %{ if x }"))\n  b = 1\n\(Self.blank("  %{ endif }"))\n}")
    }

    @Test func lineEndsInsideWhatIsSetAsideStay() throws {
        // a CRLF inside an action, a skipped branch and a directive line keeps both bytes
        let text = "a = [[ .x\r\n ]]\r\n[[ if .y ]]\r\nb = 1\r\n[[ else ]]\r\nb = 2\r\n[[ end ]]\r\n%{ if z }\r\n"
        let result = try Self.setAside(text)
        #expect(result.utf8.filter { $0 == UInt8(ascii: "\r") }.count == 8)
        #expect(result.utf8.filter { $0 == UInt8(ascii: "\n") }.count == 8)
        #expect(!result.contains("b = 2"))
    }

    @Test func anActionNeverClosedIsNoTemplate() {
        #expect(NomadTemplateActions.setAside("x = [[ .a ") == nil)
        #expect(!NomadTemplateActions.hasActions("x = [[ .a "))
    }

    @Test func aPlainJobWithANestedListIsReadAsWritten() throws {
        let text = "job \"a\" {\n  meta { m = [[\"x\"]] }\n}"
        let root = try NomadJobFile.tree(text, path: "a.nomad")
        #expect(root["job"]?["a"]?["meta"] != nil)
    }

    @Test func aLevantJobThatDoesNotParseAsWrittenIsReadWithItsActionsSetAside() throws {
        let text = "job \"a\" {\n  group \"g\" {\n    count = [[ .count ]]\n  }\n}"
        let root = try NomadJobFile.tree(text, path: "a.nomad")
        #expect(root["job"]?["a"]?["group"]?["g"]?["count"]?.location(in: "a.nomad").line == 3)
    }

    @Test func aTemplateThatStillDoesNotParseIsTheOriginalError() {
        #expect(throws: ParseError.self) { try NomadJobFile.tree("job \"a\" {\n  count = [[ .c ]] +\n", path: "a.nomad") }
    }
}

/// Which files are Nomad jobs: by name, and `.hcl` files by a top-level `job` block.
@Suite struct NomadJobFileTests {
    static func claimed(_ path: String, _ text: String) -> Bool {
        NomadInput().claims(SourceFile(path: path, bytes: Array(text.utf8)))
    }

    @Test func jobNames() {
        #expect(Self.claimed("web.nomad", ""))
        #expect(Self.claimed("jobs/web.nomad.hcl", ""))
        #expect(Self.claimed("packs/web/templates/web.nomad.tpl", ""))
        #expect(!Self.claimed("packs/web/templates/_helpers.tpl", ""))
    }

    @Test func anHCLFileIsAJobWhenALineOpensAJobBlock() {
        #expect(Self.claimed("nomad/jobs/edge.hcl", "# edge proxy\n\njob \"edge\" {\n}\n"))
        #expect(Self.claimed("deploy/web.hcl", "variable \"x\" {}\njob   \"web\" {}"))
        #expect(Self.claimed("nomad/client.hcl", "job [[ template \"job_name\" . ]] {\n}"))
        #expect(!Self.claimed("nomad/client.hcl", "client {\n  enabled = true\n}\n"))
        #expect(!Self.claimed("nomad/acl/ops.hcl", "namespace \"default\" {\n  policy = \"write\"\n}\n# job \"x\" {"))
        #expect(!Self.claimed("nomad/packer.pkr.hcl", "job \"x\" {}"))
        #expect(!Self.claimed("nomad/jobs.hcl", "  job \"indented\" {}\njobs = 1"))
    }

    @Test func nomadsOwnVariablesBlockGivesDefaults() throws {
        let root = try TerraformModule.tree(hcl: "variables {\n  a = \"x\"\n}\nvariable \"a\" {\n  default = \"y\"\n}\nvariables {\n  b = 2\n}")
        let module = NomadJobFile.module(path: "j.nomad", root: root)
        // a `variable` block's default comes first; the `variables` block fills in the rest
        #expect(module.variables["a"]?.scalar?.text == "y")
        #expect(module.variables["b"]?.scalar?.text == "2")
    }
}
