import SockAuditCore
import Testing
@testable import SockAuditParsers

/// YAML a shell here-document feeds `kubectl apply -f -`, `kind create cluster --config -` or
/// `ctlptl apply -f -`, in the shapes scripts take: piped from `cat`, indented in a function,
/// `<<-` with tabs, quoted delimiters, several documents, and bodies the scan cannot see.
@Suite struct KubernetesHeredocTests {
    func facts(_ script: String) -> Facts {
        ShellFacts.facts(from: ShellSource(script), path: "up.sh")
    }

    func mounts(_ facts: Facts) -> [String] {
        facts.containers.flatMap { spec in spec.mounts.map { "\(spec.subject) \($0.source) \($0.location.line):\($0.location.column)" } }
    }

    @Test func kindConfigPipedFromCatAndGivenDirectly() {
        let found = facts("""
            #!/bin/bash
            create() {
                cat <<EOF | kind create cluster --name "$1" --config=-
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                  - role: control-plane
                    extraMounts:
                      - hostPath: /var/run/docker.sock
                        containerPath: /var/run/docker.sock
            EOF
            }
            kind create cluster --config /dev/stdin <<'CONFIG'
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
            - role: worker
              extraMounts: [{hostPath: /run/containerd/containerd.sock, containerPath: /run/containerd/containerd.sock}]
            CONFIG
            """)
        #expect(mounts(found) == [
            "kind node \"control-plane\" in Cluster/kind /var/run/docker.sock 9:23",
            "kind node \"worker\" in Cluster/kind /run/containerd/containerd.sock 18:28",
        ])
        #expect(found.unscannable.isEmpty)
    }

    /// `<<-` strips the tabs the shell strips, so the YAML under it parses at its own columns.
    @Test func tabStrippedBodyAndSeveralDocuments() {
        let found = facts("if true; then\n\tkubectl apply -f - <<-EOF\n\t---\n\tapiVersion: v1\n\tkind: Pod\n\tmetadata: {name: a}\n"
            + "\tspec:\n\t  containers: [{name: a, image: alpine, securityContext: {privileged: true}}]\n\t---\n"
            + "\tapiVersion: ctlptl.dev/v1alpha1\n\tkind: Cluster\n\tproduct: kind\n\tkindV1Alpha4Cluster:\n"
            + "\t  nodes: [{role: control-plane, extraMounts: [{hostPath: /var/run/docker.sock, containerPath: /s}]}]\n\tEOF\nfi\n")
        let privileged = found.containers.compactMap(\.privileged).map { "\($0.location.line):\($0.location.column)" }
        #expect(privileged == ["8:72"])
        #expect(mounts(found) == ["kind node \"control-plane\" in Cluster/kind /var/run/docker.sock 14:59"])
    }

    @Test func whichCommandsReadTheirInput() {
        #expect(ClusterToolStdin.readsStdin(words("kubectl apply -f -")) == "kubectl apply -f -")
        #expect(ClusterToolStdin.readsStdin(words("kubectl --context kind-ci create --filename=-")) == "kubectl create -f -")
        #expect(ClusterToolStdin.readsStdin(words("k3s kubectl apply -f-")) == "kubectl apply -f -")
        #expect(ClusterToolStdin.readsStdin(words("oc replace -f /dev/stdin")) == "oc replace -f -")
        #expect(ClusterToolStdin.readsStdin(words("ctlptl apply -f -")) == "ctlptl apply -f -")
        #expect(ClusterToolStdin.readsStdin(words("kind create cluster --config=-")) == "kind create cluster --config -")
        #expect(ClusterToolStdin.readsStdin(words("kubectl delete -f -")) == nil)
        #expect(ClusterToolStdin.readsStdin(words("kubectl apply -f deploy.yaml")) == nil)
        #expect(ClusterToolStdin.readsStdin(words("kind create cluster --config kind.yaml")) == nil)
        #expect(ClusterToolStdin.readsStdin(words("kind delete cluster --config=-")) == nil)
    }

    /// A here-document written to a file that a later command names: read at its lines; a file
    /// written but never given to a tool, or a tool given a file the script did not write, is not.
    @Test func hereDocumentWrittenToAFile() {
        let found = facts("""
            DIR=/tmp/ci
            cat <<EOF > "$DIR/kind.yaml"
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes: [{role: control-plane, extraMounts: [{hostPath: /var/run/docker.sock, containerPath: /s}]}]
            EOF
            cat >> /tmp/unused.yaml <<EOF
            apiVersion: v1
            kind: Pod
            spec: {containers: [{name: a, image: alpine, securityContext: {privileged: true}}]}
            EOF
            kind create cluster --config "$DIR/kind.yaml"
            kubectl apply -f deploy/
            """)
        #expect(mounts(found) == ["kind node \"control-plane\" in Cluster/kind /var/run/docker.sock 5:56"])
        #expect(found.containers.compactMap(\.privileged).isEmpty)
    }

    @Test func teePassesItOn() {
        let found = facts("""
            tee /tmp/kind.yaml <<EOF | kind create cluster --config=-
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes: [{role: control-plane, extraMounts: [{hostPath: /var/run/docker.sock, containerPath: /s}]}]
            EOF
            """)
        #expect(mounts(found) == ["kind node \"control-plane\" in Cluster/kind /var/run/docker.sock 4:56"])
    }

    /// Only `cat` and `tee` pass a here-document on (`sed` changes it); a body that runs commands is not judged and is no
    /// parse error; a body that is broken YAML is SA901 at its line in the script.
    @Test func bodiesThatAreNotTheToolsInput() {
        let found = facts("""
            sed "s/SOCK/$SOCK/" <<EOF | kind create cluster --config=-
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes: [{role: control-plane, extraMounts: [{hostPath: /var/run/docker.sock, containerPath: /s}]}]
            EOF
            kind create cluster --config - <<EOF
            $(envsubst < kind.tmpl)
            EOF
            kubectl apply -f - <<EOF
            apiVersion: v1
            kind: Pod
            spec: {containers: [{name: a
            EOF
            """)
        #expect(mounts(found).isEmpty)
        #expect(found.unscannable.map { "\($0.location.line)" } == ["12"])
    }

    private func words(_ text: String) -> [ShellWord] {
        ShellScript.parse(text).commands.first?.words ?? []
    }
}
