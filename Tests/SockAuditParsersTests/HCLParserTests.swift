import Testing
@testable import SockAuditParsers

// MARK: Helpers

private func parse(_ text: String) throws -> HCLBody {
    do throws(ParseError) {
        return try HCLParser.parse(text)
    } catch {
        Issue.record("unexpected parse error \(error.message) at \(error.line):\(error.column)")
        throw error
    }
}

private func parseError(_ text: String) -> ParseError? {
    do throws(ParseError) {
        _ = try HCLParser.parse(text)
        return nil
    } catch {
        return error
    }
}

private func value(_ body: HCLBody, _ name: String) -> HCLExpression? {
    body[attribute: name]?.value
}

// MARK: Blocks and attributes

@Test func terraformResourceWithNestedBlocks() throws {
    let body = try parse("""
        terraform {
          required_providers {
            docker = { source = "kreuzwerker/docker", version = "~> 3.0" }
          }
        }

        resource "docker_container" "agent" {
          name  = "agent"
          image = docker_image.agent.image_id
          privileged = true

          volumes {
            host_path      = "/var/run/docker.sock"
            container_path = "/var/run/docker.sock"
            read_only      = true
          }
          volumes { container_path = "/data" }
        }
        """)
    #expect(body.blocks.map(\.type) == ["terraform", "resource"])
    let resource = try #require(body.blocks(("resource")).first)
    #expect(resource.labels.map(\.text) == ["docker_container", "agent"])
    #expect(resource.labels.map { [$0.line, $0.column] } == [[7, 10], [7, 29]])
    #expect([resource.line, resource.column] == [7, 1])
    let privileged = try #require(resource.body[attribute: "privileged"])
    #expect([privileged.line, privileged.column] == [10, 3])
    #expect(privileged.value.kind == .bool(true))
    #expect([privileged.value.line, privileged.value.column] == [10, 16])
    #expect(value(resource.body, "image")?.kind == .unresolved)
    #expect(value(resource.body, "image")?.source == "docker_image.agent.image_id")
    let volumes = resource.body.blocks("volumes")
    #expect(volumes.count == 2)
    let hostPath = try #require(volumes[0].body[attribute: "host_path"])
    #expect(hostPath.value.literalString == "/var/run/docker.sock")
    #expect([hostPath.line, hostPath.column, hostPath.value.line, hostPath.value.column] == [13, 5, 13, 22])
    #expect(value(volumes[1].body, "container_path")?.literalString == "/data")

    let providers = try #require(body.blocks("terraform").first?.body.blocks("required_providers").first)
    guard case .object(let items) = value(providers.body, "docker")?.kind else {
        Issue.record("docker is not an object")
        return
    }
    #expect(items.map(\.keyName) == ["source", "version"])
}

@Test func bareLabelsEmptyBlocksAndOneLineBlocks() throws {
    let body = try parse("block label1 \"label2\" {}\nother { a = 1 }\nlast {\n}\n")
    #expect(body.blocks.map(\.labels.count) == [2, 0, 0])
    #expect(body.blocks[1].body[attribute: "a"]?.value.kind == .number("1"))
}

@Test func commentsOfEveryKind() throws {
    let body = try parse("""
        # hash comment
        // slash comment
        /* block
           comment */ a = 1 # after
        b = /* inline */ 2 // after
        c = [ # inside a list
          3, /* x */ 4,
        ]
        """)
    #expect(body.attributes.map(\.name) == ["a", "b", "c"])
    #expect([body.attributes[0].line, body.attributes[0].column] == [4, 15])
    guard case .tuple(let items) = value(body, "c")?.kind else {
        Issue.record("c is not a tuple")
        return
    }
    #expect(items.map(\.kind) == [.number("3"), .number("4")])
}

@Test func literalsAndNumbers() throws {
    let body = try parse("a = 1.5e3\nb = -2\nc = false\nd = null\ne = \"\"\nf = 0.25\n")
    #expect(value(body, "a")?.kind == .number("1.5e3"))
    #expect(value(body, "b")?.kind == .number("-2"))
    #expect(value(body, "c")?.kind == .bool(false))
    #expect(value(body, "d")?.kind == .null)
    #expect(value(body, "e")?.kind == .string(""))
    #expect(value(body, "f")?.kind == .number("0.25"))
}

// MARK: Strings and templates

@Test func escapesAndLiteralDollarBraces() throws {
    let body = try parse(#"a = "tab\there \"q\" \\ \u00e9 \U0001F600 $${not} %%{not}""#)
    #expect(value(body, "a")?.literalString == "tab\there \"q\" \\ é 😀 ${not} %{not}")
}

@Test func interpolationsKeepTheirSource() throws {
    let body = try parse(#"path = "${var.run_dir}/docker.sock""# + "\n" + #"x = "${ lookup(var.m, "k", "d") }-${~ local.a ~}""#)
    let path = try #require(value(body, "path"))
    guard case .template(let parts) = path.kind else {
        Issue.record("not a template")
        return
    }
    #expect(parts.count == 2)
    #expect(path.templateText == "${var.run_dir}/docker.sock")
    #expect(value(body, "x")?.templateText == #"${lookup(var.m, "k", "d")}-${local.a}"#)
}

@Test func directivesAreKeptAsWritten() throws {
    let body = try parse(#"a = "%{ if var.on }on%{ else }off%{ endif }""# + "\n" + #"b = "%{ for k, v in var.m ~}${k}=${v},%{ endfor }""#)
    #expect(value(body, "a")?.templateText == "%{ if var.on }on%{ else }off%{ endif }")
    #expect(value(body, "b")?.templateText == "%{ for k, v in var.m ~}${k}=${v},%{ endfor }")
}

@Test func stringsInsideInterpolationsNest() throws {
    let body = try parse(#"a = "x${format("%s-${var.b}", "}")}y""#)
    #expect(value(body, "a")?.templateText == #"x${format("%s-${var.b}", "}")}y"#)
}

@Test func heredocKeepsContentAndPositions() throws {
    let text = """
        resource "aws_ecs_task_definition" "t" {
          container_definitions = <<EOF
        [
          {"name": "app", "privileged": true, "image": "${var.image}"}
        ]
        EOF
          family = "t"
        }
        """
    let body = try parse(text)
    let definitions = try #require(body.blocks.first?.body[attribute: "container_definitions"]?.value)
    #expect([definitions.line, definitions.column] == [2, 27])
    let heredoc = try #require(definitions.heredoc)
    #expect(heredoc.contentLine == 3)
    #expect(heredoc.indent == 0)
    #expect(heredoc.rawContent == "[\n  {\"name\": \"app\", \"privileged\": true, \"image\": \"${var.image}\"}\n]\n")
    #expect(definitions.templateText == heredoc.rawContent)
    #expect(body.blocks.first?.body[attribute: "family"]?.value.literalString == "t")
}

@Test func indentedHeredocStripsTheSmallestIndent() throws {
    let text = "a = <<-JSON\n    {\n      \"k\": \"\\n\"\n\n    }\n    JSON\nb = 1\n"
    let body = try parse(text)
    let heredoc = try #require(value(body, "a")?.heredoc)
    #expect(heredoc.indent == 4)
    #expect(heredoc.contentLine == 2)
    // No escape is decoded in a heredoc; the blank line does not count towards the indentation.
    #expect(heredoc.rawContent == "{\n  \"k\": \"\\n\"\n\n}\n")
    #expect(value(body, "b")?.kind == .number("1"))
}

@Test func heredocMarkerMayBeIndentedAndAnyName() throws {
    let body = try parse("x {\n  policy = <<POLICY\n{}\n  POLICY\n}\n")
    #expect(body.blocks.first?.body[attribute: "policy"]?.value.literalString == "{}\n")
}

@Test func interpolationInsideAHeredocIsLocated() throws {
    let text = "a = <<-EOT\n  one\n  ${var.x +}\n  EOT\n"
    let error = try #require(parseError(text))
    #expect([error.line, error.column] == [3, 12])
}

// MARK: Collections, calls and unresolved expressions

@Test func objectsSeparatedByCommasOrNewlines() throws {
    let body = try parse("""
        tags = {
          Name = "web"
          "kubernetes.io/role" = "x", env: "prod"
          (var.key) = 1
        }
        """)
    guard case .object(let items) = value(body, "tags")?.kind else {
        Issue.record("tags is not an object")
        return
    }
    #expect(items.map(\.keyName) == ["Name", "kubernetes.io/role", "env", nil])
    #expect(items.map { [$0.key.line, $0.key.column] } == [[2, 3], [3, 3], [3, 31], [4, 3]])
}

@Test func functionCallsAndJsonencode() throws {
    let body = try parse("""
        container_definitions = jsonencode([
          {
            name       = "app"
            privileged = true
            mountPoints = [{ sourceVolume = "sock", containerPath = "/var/run/docker.sock" }]
          }
        ])
        file_based = file("${path.module}/task.json")
        spread = concat(var.a, var.b...)
        ns = provider::aws::arn_parse("x")
        """)
    guard case .call(let name, let arguments, _) = value(body, "container_definitions")?.kind else {
        Issue.record("not a call")
        return
    }
    #expect(name == "jsonencode")
    guard case .tuple(let items) = arguments.first?.kind, case .object(let fields) = items.first?.kind else {
        Issue.record("jsonencode's argument is not a list of objects")
        return
    }
    #expect(fields.map(\.keyName) == ["name", "privileged", "mountPoints"])
    #expect(fields[1].value.kind == .bool(true))
    #expect([fields[1].value.line, fields[1].value.column] == [4, 18])
    guard case .call(let fileName, let fileArguments, _) = value(body, "file_based")?.kind else {
        Issue.record("not a call")
        return
    }
    #expect(fileName == "file")
    #expect(fileArguments.first?.templateText == "${path.module}/task.json")
    guard case .call(_, _, let expands) = value(body, "spread")?.kind else {
        Issue.record("not a call")
        return
    }
    #expect(expands)
    guard case .call(let namespaced, _, _) = value(body, "ns")?.kind else {
        Issue.record("not a call")
        return
    }
    #expect(namespaced == "provider::aws::arn_parse")
}

@Test func unresolvedExpressionsKeepTheirSource() throws {
    let body = try parse("""
        a = var.enabled ? "/var/run/docker.sock" : null
        b = local.items[0].name
        c = [for v in var.volumes : v.host_path if v.enabled]
        d = {for k, v in var.m : k => v...}
        e = aws_instance.web[*].id
        f = !var.x && (var.y || var.z)
        g = var.list.*.name
        h = count.index * 2 + 1
        i = -var.n
        j = var.a == "x" ? 1 : var.b != "y" ? 2 : 3
        """)
    let expected = [
        "a": #"var.enabled ? "/var/run/docker.sock" : null"#, "b": "local.items[0].name",
        "c": "[for v in var.volumes : v.host_path if v.enabled]", "d": "{for k, v in var.m : k => v...}",
        "e": "aws_instance.web[*].id", "f": "!var.x && (var.y || var.z)", "g": "var.list.*.name",
        "h": "count.index * 2 + 1", "i": "-var.n", "j": #"var.a == "x" ? 1 : var.b != "y" ? 2 : 3"#,
    ]
    for (name, source) in expected {
        #expect(value(body, name)?.kind == .unresolved, "\(name)")
        #expect(value(body, name).map { String($0.source) } == source, "\(name)")
    }
}

@Test func multiLineExpressionsInsideBrackets() throws {
    let body = try parse("""
        a = concat(
          var.x,
          [
            "y",
          ],
        )
        b = (
          var.p
          ? 1
          : 2
        )
        c = 3
        """)
    #expect(body.attributes.map(\.name) == ["a", "b", "c"])
}

@Test func dynamicBlocksAndMetaArguments() throws {
    let body = try parse("""
        resource "docker_container" "c" {
          count = var.enabled ? 1 : 0
          for_each = toset(var.names)
          dynamic "volumes" {
            for_each = var.mounts
            iterator = m
            content {
              host_path      = m.value.host
              container_path = m.value.target
            }
          }
          lifecycle { ignore_changes = [image] }
        }
        """)
    let resource = try #require(body.blocks.first)
    let dynamic = try #require(resource.body.blocks("dynamic").first)
    #expect(dynamic.labels.map(\.text) == ["volumes"])
    #expect(dynamic.body.blocks("content").first?.body[attribute: "host_path"]?.value.source == "m.value.host")
}

@Test func unicodeColumnsCountScalars() throws {
    let body = try parse("name = \"café\" # é\nnext = \"x\"\nü = 1\n")
    let next = try #require(body[attribute: "next"])
    #expect([next.line, next.column] == [2, 1])
    let error = try #require(parseError("a = \"é\" b"))
    #expect([error.line, error.column] == [1, 9])
}

@Test func crlfLineEnds() throws {
    let body = try parse("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\nd = <<EOF\r\nhi\r\nEOF\r\n")
    #expect(body.attributes.map(\.name) == ["a", "d"])
    #expect(body.blocks.first?.body[attribute: "c"].map { [$0.line, $0.column] } == [3, 3])
}

@Test func templateOnItsOwnForJSONStrings() throws {
    let expression = try HCLParser.parseTemplate("${var.dir}/docker.sock", line: 4, column: 20)
    #expect(expression.templateText == "${var.dir}/docker.sock")
    #expect([expression.line, expression.column] == [4, 20])
    do throws(ParseError) {
        _ = try HCLParser.parseTemplate("${var.dir", line: 4, column: 20)
        Issue.record("an unclosed interpolation parsed")
    } catch {
        #expect([error.line, error.column] == [4, 29])
    }
}

// MARK: Errors

@Test func errorsSayWhatAndWhere() {
    let cases: [(String, String, Int, Int)] = [
        ("a = \"open\n", "not closed on its line", 1, 5),
        ("block {\n  a = 1\n", "never closed", 1, 7),
        ("a = 1\na = 2\n", "set twice", 2, 1),
        ("a = 1 b = 2\n", "expected a newline", 1, 7),
        ("a = <<EOF\nnever\n", "never closed", 1, 5),
        ("a = <<EOF trailing\nEOF\n", "must end its line", 1, 10),
        ("a = [1 2]\n", "expected \",\" or \"]\"", 1, 8),
        ("a = {b = 1 c = 2}\n", "after the object item", 1, 12),
        ("a = \"\\q\"\n", "invalid escape", 1, 6),
        ("a = \"\\u12\"\n", "hexadecimal", 1, 6),
        ("}\n", "no block is open", 1, 1),
        ("= 1\n", "expected an attribute name", 1, 1),
        ("a = \n", "expected an expression", 1, 5),
        ("a = var.\n", "attribute name after", 1, 9),
        ("a = f(1,\n", "expected an expression", 2, 1),
        ("a = \"%{ bogus }\"\n", "unknown template directive", 1, 6),
        ("a = 1 /* open\n", "never closed", 1, 7),
        ("block \"${x}\" {}\n", "cannot contain interpolation", 1, 7),
        ("a = x ? 1\n", "\":\" of a conditional", 1, 10),
        ("resource \"a\" \"b\"\n{}\n", "block's \"{\"", 1, 17),
        ("\"a.b\" {}\n", "after the quoted attribute name", 1, 7),
        ("\"${x}\" = 1\n", "attribute name cannot contain interpolation", 1, 1),
        ("\"a\" = 1\na = 2\n", "set twice", 2, 1),
    ]
    for (text, message, line, column) in cases {
        let error = parseError(text)
        #expect(error?.message.contains(message) == true, "\(text.debugDescription): \(error?.message ?? "no error")")
        #expect(error.map { [$0.line, $0.column] } == [line, column], "\(text.debugDescription): \(error?.message ?? "")")
    }
}

/// Nomad's agent configuration is read with HCL 1, which names attributes by strings too
/// (`options { "docker.volumes.enabled" = "true" }`, `chroot_env { "/bin" = "/bin" }`).
@Test func quotedAttributeNamesInABody() throws {
    let body = try parse("client {\n  options {\n    \"docker.privileged.enabled\" = \"true\"\n  }\n  meta { \"node_type\" = \"worker\" }\n}\n")
    let client = try #require(body.blocks("client").first?.body)
    let options = try #require(client.blocks("options").first?.body)
    let attribute = try #require(options[attribute: "docker.privileged.enabled"])
    #expect(attribute.value.literalString == "true")
    #expect([attribute.line, attribute.column] == [3, 5])
    #expect(client.blocks("meta").first?.body[attribute: "node_type"]?.value.literalString == "worker")
}

/// Terraform 0.11 and old Nomad jobs wrote block types and attribute names in quotes (HCL 1);
/// those tools read them as the bare word.
@Test func quotedBlockTypesAndNamesOfHCL1() throws {
    let body = try parse("""
        resource "kubernetes_service" "web" {
          "metadata" {
            name = "web"
          }
          "spec" {
            "type" = "NodePort"
          }
        }
        """)
    let resource = try #require(body.blocks.first)
    let blocks = resource.body.blocks
    #expect(blocks.map { $0.type } == ["metadata", "spec"])
    #expect(blocks.map { [$0.line, $0.column] } == [[2, 3], [5, 3]])
    #expect(blocks.last?.body[attribute: "type"]?.line == 6)
    #expect(blocks.last?.body[attribute: "type"]?.column == 5)
    let error = parseError("\"${var.kind}\" {}\n")
    #expect(error?.message.contains("cannot contain interpolation") == true)
    #expect(error.map { [$0.line, $0.column] } == [1, 1])
}

@Test func deepNestingIsAnErrorNotACrash() {
    for (open, close) in [("[", "]"), ("(", ")"), ("{a=", "}"), ("\"${", "}\"")] {
        let depth = 10_000
        let text = "a = " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + "\n"
        let error = parseError(text)
        #expect(error?.message.contains("nested deeper than") == true, "\(open): \(error?.message ?? "no error")")
    }
    let blocks = String(repeating: "b {\n", count: 5_000) + String(repeating: "}\n", count: 5_000)
    #expect(parseError(blocks)?.message.contains("nested deeper than") == true)
    // Just under the limit still parses.
    let fine = "a = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
    #expect(parseError(fine) == nil)
}

/// A block's labels nest in the tree it becomes (`type "a" "b"` is type.a.b), so thousands of labels
/// (a fuzzed `capabilities"""""…" {}` did it) are as deep as thousands of blocks.
@Test func manyLabelsCountTowardTheDepthBound() {
    let labels = "capabilities" + String(repeating: "\"\"", count: 4_000) + " { add = [\"SYS_ADMIN\"] }\n"
    let error = parseError("resource \"kubernetes_pod\" \"p\" {\n  spec {\n    " + labels + "  }\n}\n")
    #expect(error?.message.contains("nests deeper than") == true, "\(error?.message ?? "no error")")
    #expect(error?.line == 3)
    // Labels and blocks add up: 30 blocks of 3 labels each go past the limit, 20 do not.
    func nested(_ count: Int) -> String {
        String(repeating: "b \"x\" \"y\" \"z\" {\n", count: count) + String(repeating: "}\n", count: count)
    }
    #expect(parseError(nested(30)) != nil)
    #expect(parseError(nested(20)) == nil)
}

@Test func longChainsAreLoopsNotRecursion() {
    let chain = "a = " + String(repeating: "var.x + ", count: 50_000) + "1\n"
    #expect(parseError(chain) == nil)
    let prefixes = "a = " + String(repeating: "!", count: 50_000) + "var.x\n"
    #expect(parseError(prefixes) == nil)
    let traversal = "a = var" + String(repeating: ".x[0]", count: 50_000) + "\n"
    #expect(parseError(traversal) == nil)
}

@Test func byteOrderMarkAndEmptyFiles() throws {
    #expect(try parse("").items.isEmpty)
    #expect(try parse("\u{FEFF}a = 1\n")[attribute: "a"].map { [$0.line, $0.column] } == [1, 1])
    #expect(try parse("# only a comment").items.isEmpty)
}
