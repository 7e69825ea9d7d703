#!/usr/bin/env python3
"""Scaling probe: each input shape at two sizes (4x apart), scanned by the CLI; a time that grows
by more than 7x is flagged as superlinear. The quadratic paths listed in RELIABILITY.md were found
this way. Usage: scripts/scaling-probe.py [path/to/sockaudit] [kind ...] (every kind by default)"""
import os, shutil, subprocess, sys, tempfile, time, json

binary = sys.argv[1] if len(sys.argv) > 1 else '.build/debug/sockaudit'

def gen(kind, n):
    if kind == 'compose-services':
        return {'docker-compose.yml': 'services:\n' + ''.join(f'  s{i}: {{image: x, volumes: ["/var/run/docker.sock:/s"], environment: {{A: b}}}}\n' for i in range(n))}
    if kind == 'compose-command':
        return {'docker-compose.yml': 'services:\n  a:\n    image: x\n    command: "' + 'dockerd -H tcp://0.0.0.0:2375 ' * n + '"\n'}
    if kind == 'compose-env':
        return {'docker-compose.yml': 'services:\n  a:\n    image: x\n    environment:\n' + ''.join(f'      - V{i}=${{X{i}:-/var/run/docker.sock}}\n' for i in range(n))}
    if kind == 'k8s-containers':
        return {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n' + ''.join(f'  - {{name: c{i}, image: x, volumeMounts: [{{name: s, mountPath: /s}}]}}\n' for i in range(n)) + '  volumes: [{name: s, hostPath: {path: /run}}]\n'}
    if kind == 'k8s-volumes':
        return {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    volumeMounts:\n' + ''.join(f'    - {{name: v{i}, mountPath: /m{i}}}\n' for i in range(n)) + '  volumes:\n' + ''.join(f'  - {{name: v{i}, hostPath: {{path: /x{i}}}}}\n' for i in range(n))}
    if kind == 'gha-run':
        return {'.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n' + ''.join(f'    - run: echo {i}\n' for i in range(n))}
    if kind == 'gha-long-run':
        return {'.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n    - run: |\n' + ''.join(f'        echo {i} \\\n' for i in range(n)) + '        done\n'}
    if kind == 'suppressions':
        return {'run.sh': ''.join(f'docker run --privileged x  # sockaudit:ignore SA301 -- ok {i}\n' for i in range(n))}
    if kind == 'systemd-cont':
        return {'docker.service': '[Service]\nExecStart=/usr/bin/dockerd \\\n' + '  --a=b \\\n' * n + '  -H tcp://0.0.0.0:2375\n'}
    if kind == 'dockerfile-cont':
        return {'Dockerfile': 'FROM x\nRUN a \\\n' + '  # c\n  b \\\n' * n + '  c\n'}
    if kind == 'makefile-vars':
        return {'Makefile': ''.join(f'V{i} := $(V{i-1}) x\n' if i else 'V0 := x\n' for i in range(n)) + f'all:\n\techo $(V{n-1})\n'}
    if kind == 'shell-vars':
        return {'run.sh': ''.join(f'V{i}="$V{i-1}x"\n' if i else 'V0=x\n' for i in range(n)) + f'docker run -v "$V{n-1}":/s x\n'}
    if kind == 'shell-heredoc':
        return {'run.sh': 'sh <<EOF\n' * n + 'docker run --privileged x\n' + 'EOF\n' * n}
    if kind == 'shell-subst':
        return {'run.sh': 'echo ' + '$(echo ' * n + 'x' + ')' * n + '\n'}
    if kind == 'shell-branches':
        return {'run.sh': ''.join(f'if [ -n "$C{i}" ]; then V{i}="-v /h{i}:/c"; else V{i}=--privileged; fi\n' for i in range(n)) + ''.join(f'docker run $V{i} $V{(i + 1) % n} x\n' for i in range(n))}
    if kind == 'shell-case-arms':
        return {'run.sh': 'case "$1" in\n' + ''.join(f'  a{i}) V{i}=x; opts="-v /h{i}:/c" ;;\n' for i in range(n)) + 'esac\ndocker run $opts x\n'}
    if kind == 'shell-arrays':
        return {'run.sh': 'args=(dockerd)\n' + ''.join(f'[ -n "$A{i}" ] && args+=(--host=tcp://0.0.0.0:{i})\n' for i in range(n)) + 'exec "${args[@]}"\n'}
    if kind == 'shell-set-positional':
        return {'run.sh': ''.join(f'if [ "$1" = a{i} ]; then set -- dockerd --host=tcp://0.0.0.0:{i} "$@"; fi\n' for i in range(n)) + 'exec "$@"\n'}
    if kind == 'shell-heredoc-subst':
        return {'run.sh': ''.join(f'x{i}=$(cat <<EOF\nit\'s ({i}\nEOF\n)\n' for i in range(n)) + 'docker run --privileged x\n'}
    if kind == 'dockerfile-stages':
        return {'Dockerfile': ''.join(f'FROM x AS s{i}\nENTRYPOINT ["dockerd"]\nCMD ["--host=tcp://0.0.0.0:{i}"]\n' for i in range(n))}
    if kind == 'pwsh-continuation':
        return {'.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n    - run: |\n        docker run `\n' + ''.join(f'          -e "V{i}=it`"s" `\n' for i in range(n)) + '          alpine\n'}
    if kind == 'pwsh-steps':
        return {'.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n' + ''.join(f"    - run: docker run -v 'C:\\d{i}:C:\\d' x; echo ''\n" for i in range(n))}
    if kind == 'makefile-if':
        return {'Makefile': ''.join(f'F{i} = $(if $(C{i}),-v /h{i}:/c,--privileged)\n' for i in range(n)) + 'all:\n' + ''.join(f'\tdocker run $(F{i}) $(F{(i + 1) % n}) x\n' for i in range(n))}
    if kind == 'makefile-foreach':
        return {'Makefile': 'MOUNTS = ' + ' '.join(f'/m{i}' for i in range(n)) + '\nall:\n\tdocker run $(foreach m,$(MOUNTS),-v $(m):$(m)) x\n'}
    if kind == 'makefile-ifdef':
        return {'Makefile': ''.join(f'ifdef C{i}\nV{i} = a\nelse\nV{i} = b\nendif\n' for i in range(n)) + 'all:\n\techo $(V0)\n'}
    if kind == 'jenkins-inside':
        return {'Jenkinsfile': 'node {\n' + ''.join(f'  def i{i} = docker.build("x{i}")\n  i{i}.inside("-v /var/run/docker.sock:/s") {{ sh "true" }}\n' for i in range(n)) + '}\n'}
    if kind == 'jenkins-podtemplate':
        return {'Jenkinsfile': "podTemplate(yaml: '''\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n" + ''.join(f'  - {{name: c{i}, image: x, volumeMounts: [{{name: s, mountPath: /s}}]}}\n' for i in range(n)) + "  volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]\n''') { node(POD_LABEL) { sh 'true' } }\n"}
    if kind == 'compose-socat':
        return {'docker-compose.yml': 'services:\n' + ''.join(f'  s{i}: {{image: alpine/socat, command: ["TCP-LISTEN:{i},fork", "UNIX-CONNECT:/var/run/docker.sock"]}}\n' for i in range(n))}
    if kind == 'gitlab-folded-plain':
        return {'.gitlab-ci.yml': 'a:\n  script:\n    - docker run --rm\n' + ''.join(f'      -e V{i}=x\n' for i in range(n)) + '      --privileged alpine\n'}
    if kind == 'gitlab-folded-quoted':
        return {'.gitlab-ci.yml': 'a:\n  script:\n    - "docker run --rm\n' + ''.join(f'      -e \\"V{i}=it\'s\\" \\\n' for i in range(n)) + '      --privileged alpine"\n'}
    if kind == 'gitlab-sh-c-folded':
        return {'.gitlab-ci.yml': 'a:\n  script:\n    - sh -c "docker run\n' + ''.join(f'      -e \\"V{i}=x\\"\n' for i in range(n)) + '      --privileged alpine"\n'}
    if kind == 'compose-malformed-services':
        return {'compose.yaml': 'services:\n' + ''.join(f'  n{i}:\n  s{i}: image{i}\n  l{i}: [a]\n  m{i}: {{image: x}}\n' for i in range(n))}
    if kind == 'compose-remote-includes':
        return {'compose.yaml': 'include:\n' + ''.join(f'  - oci://registry.example.com/stack{i}:1\n  - git@example.com:o/r{i}.git\n' for i in range(n)) + 'services:\n  a: {image: x}\n'}
    if kind == 'unparsed-outline':
        return {'dynamic.yml': 'http:\n  routers:\n' + ''.join(f'{{{{ range $r := .R{i} }}}}\n    {{{{ $r.Name }}}}-{i}:\n      rule: "Host(`{{{{ $r.Host }}}}`)"\n{{{{ end }}}}\n' for i in range(n)) + '  services:\n    app: {}\n', '.travis.yml': 'services:\n  - docker\n' + ''.join(f'k{i}: v\nk{i}: w\n' for i in range(n))}
    if kind == 'k8s-subpathexpr':
        return {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: x\n    env:\n' + ''.join(f'    - {{name: E{i}, value: d{i}/$(E0)}}\n' for i in range(n)) + '    volumeMounts:\n' + ''.join(f'    - {{name: run, mountPath: /m{i}, subPathExpr: $(E{i})/$(POD)}}\n' for i in range(n)) + '  volumes: [{name: run, hostPath: {path: /var/run}}]\n'}
    if kind == 'cmd-continuation':
        return {'.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n    - shell: cmd\n      run: |\n        docker run ^\n' + ''.join(f'          -e "V{i}=""x""" ^\n' for i in range(n)) + '          alpine\n'}
    if kind == 'gitlab-windows':
        return {'.gitlab-ci.yml': 'default:\n  tags: [windows]\n' + ''.join(f'job{i}:\n  script:\n    - docker run -v "C:\\d{i}:C:\\d" x\n' for i in range(n))}
    if kind == 'dotenv':
        return {'docker-compose.yml': None}
    if kind == 'compose-volumes': return {'docker-compose.yml': 'services:\n  a:\n    image: x\n    volumes:\n' + ''.join(f'      - /h{i}:/c{i}\n' for i in range(n)) + '    ports:\n' + ''.join(f'      - "{i}:{i}"\n' for i in range(n))}
    if kind == 'compose-includes': return {'docker-compose.yml': 'include:\n' + ''.join(f'  - inc{i}.yml\n' for i in range(n)), **{f'inc{i}.yml': f'services:\n  s{i}: {{image: x}}\n' for i in range(n)}}
    if kind == 'compose-merge-many': return {'docker-compose.yml': ''.join(f'x{i}: &a{i} {{k{i}: v}}\n' for i in range(n)) + 'services:\n  a:\n    image: x\n    labels:\n      <<: [' + ', '.join(f'*a{i}' for i in range(n)) + ']\n'}
    if kind == 'gitlab-jobs': return {'.gitlab-ci.yml': ''.join(f'job{i}:\n  script:\n    - docker run --privileged x\n' for i in range(n))}
    if kind == 'jenkins': return {'Jenkinsfile': 'pipeline {\n  stages {\n' + ''.join(f'    stage("s{i}") {{ steps {{ sh "docker run --privileged x" }} }}\n' for i in range(n)) + '  }\n}\n'}
    if kind == 'yaml-keys': return {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n' + ''.join(f'    k{i}: v\n' for i in range(n))}
    if kind == 'json-keys': return {'daemon.json': json.dumps({f'k{i}': i for i in range(n)} | {'hosts': ['tcp://0.0.0.0:2375']})}
    if kind == 'json-dup-keys': return {'daemon.json': '{' + ','.join('"hosts": ["tcp://0.0.0.0:2375"]' for i in range(n)) + '}'}
    if kind == 'daemon-hosts': return {'daemon.json': json.dumps({'hosts': [f'tcp://0.0.0.0:{i}' for i in range(n)]})}
    if kind == 'k8s-list-items': return {'list.yaml': 'apiVersion: v1\nkind: List\nitems:\n' + ''.join(f'- {{apiVersion: v1, kind: Pod, metadata: {{name: p{i}}}, spec: {{containers: [{{name: c, image: x}}]}}}}\n' for i in range(n))}
    if kind == 'k8s-docs': return {'many.yaml': ''.join(f'---\napiVersion: v1\nkind: Pod\nmetadata: {{name: p{i}}}\nspec: {{containers: [{{name: c, image: x}}]}}\n' for i in range(n))}
    if kind == 'inspect-many': return {'inspect.json': json.dumps([{'Id': str(i), 'Name': f'/c{i}', 'Config': {'Image': 'x'}, 'HostConfig': {'Privileged': True}, 'Mounts': []} for i in range(n)])}
    if kind == 'files': return {f'd/f{i}.yaml': 'a: b\n' for i in range(n)}
    if kind == 'env-file': return {'docker-compose.yml': 'services:\n  a:\n    image: x\n    volumes: ["${V%d}:/s"]\n' % (n-1), '.env': ''.join(f'V{i}=${{V{i-1}}}x\n' if i else 'V0=/var/run/docker.sock\n' for i in range(n))}
    if kind == 'yaml-alias-keys': return {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nl0: &l0 {x: 1}\n' + ''.join(f'l{i}: &l{i} {{? *l{i-1} : *l{i-1}}}\n' for i in range(1, n))}
    if kind == 'tf-resources': return {'main.tf': ''.join(f'resource "docker_container" "c{i}" {{\n  name  = "c{i}"\n  image = "x"\n  volumes {{\n    host_path      = "/var/run/docker.sock"\n    container_path = "/s"\n  }}\n}}\n' for i in range(n))}
    if kind == 'tf-dynamic': return {'main.tf': 'locals {\n  mounts = [' + ', '.join(f'"/h{i}"' for i in range(n)) + ']\n}\nresource "docker_container" "c" {\n  name  = "c"\n  image = "x"\n  dynamic "volumes" {\n    for_each = local.mounts\n    content {\n      host_path      = volumes.value\n      container_path = "/c"\n    }\n  }\n}\n'}
    if kind == 'tf-locals-chain': return {'main.tf': 'locals {\n' + ''.join(f'  l{i} = "${{local.l{i-1}}}x"\n' if i else '  l0 = "/var/run"\n' for i in range(n)) + '}\nresource "docker_container" "c" {\n  name  = "c"\n  image = "x"\n  volumes {\n    host_path = local.l%d\n  }\n}\n' % (n - 1)}
    if kind == 'tf-heredoc-json': return {'main.tf': 'resource "aws_ecs_task_definition" "t" {\n  family = "t"\n  container_definitions = <<EOF\n[\n' + ',\n'.join(f'  {{"name": "c{i}", "image": "x", "privileged": true}}' for i in range(n)) + '\n]\nEOF\n}\n'}
    if kind == 'hcl-nested-objects': return {'main.tf': 'locals {\n  x = ' + '{ a = ' * min(n, 90) + '1' + ' }' * min(n, 90) + '\n' + ''.join(f'  k{i} = {{ a = [1, 2, "${{var.v}}"], b = "s" }}\n' for i in range(n)) + '}\n'}
    if kind == 'nomad-tasks': return {'job.nomad': 'job "j" {\n  group "g" {\n' + ''.join(f'    task "t{i}" {{\n      driver = "docker"\n      config {{\n        image   = "x"\n        volumes = ["/var/run/docker.sock:/s"]\n      }}\n    }}\n' for i in range(n)) + '  }\n}\n'}
    if kind == 'ansible-tasks': return {'site.yml': '- hosts: all\n  tasks:\n' + ''.join(f'    - name: t{i}\n      community.docker.docker_container:\n        name: c{i}\n        image: x\n        volumes: [/var/run/docker.sock:/s]\n' for i in range(n))}
    if kind == 'ansible-loop': return {'site.yml': '- hosts: all\n  tasks:\n    - name: t\n      docker_container:\n        name: "{{ item.name }}"\n        image: x\n        volumes: "{{ item.volumes }}"\n      loop:\n' + ''.join(f'        - {{name: c{i}, volumes: [/var/run/docker.sock:/s]}}\n' for i in range(n))}
    if kind == 'ansible-free-form': return {'site.yml': '- hosts: all\n  tasks:\n    - docker_container: name=c image=x volumes=' + ','.join(f'/h{i}:/c{i}' for i in range(n)) + '\n'}
    if kind == 'json-broken-quotes': return {'manifest.json': '{"apiVersion": "v1", "kind": "Pod",\n "spec": {"containers": [{"name": "a", "args": [' + '"", ' * (20 * n)}
    if kind == 'interp-nested': return {'docker-compose.yml': 'services:\n  a:\n    image: x\n    volumes: ["' + '${A:-' * n + '/var/run/docker.sock' + '}' * n + ':/s"]\n'}

kinds = ['compose-services', 'compose-command', 'compose-env', 'k8s-containers', 'k8s-volumes', 'gha-run', 'gha-long-run', 'suppressions', 'systemd-cont', 'dockerfile-cont', 'makefile-vars', 'shell-vars', 'shell-heredoc', 'shell-subst'] + ['compose-volumes', 'compose-includes', 'compose-merge-many', 'gitlab-jobs', 'jenkins', 'yaml-keys', 'json-keys', 'json-dup-keys', 'daemon-hosts', 'k8s-list-items', 'k8s-docs', 'inspect-many', 'files', 'env-file', 'interp-nested', 'yaml-alias-keys'] + ['shell-branches', 'shell-case-arms', 'shell-arrays', 'shell-set-positional', 'shell-heredoc-subst', 'dockerfile-stages'] + ['pwsh-continuation', 'pwsh-steps', 'makefile-if', 'makefile-foreach', 'makefile-ifdef', 'jenkins-inside', 'jenkins-podtemplate', 'compose-socat']
kinds += ['gitlab-folded-plain', 'gitlab-folded-quoted', 'gitlab-sh-c-folded', 'compose-malformed-services', 'compose-remote-includes', 'unparsed-outline', 'k8s-subpathexpr', 'cmd-continuation', 'gitlab-windows']
kinds += ['tf-resources', 'tf-dynamic', 'tf-locals-chain', 'tf-heredoc-json', 'hcl-nested-objects', 'nomad-tasks', 'ansible-tasks', 'ansible-loop', 'ansible-free-form']
kinds += ['json-broken-quotes']
if len(sys.argv) > 2:
    kinds = [kind for kind in kinds if kind in sys.argv[2:]]
work = tempfile.mkdtemp()
flagged = 0
try:
    for kind in kinds:
        times = []
        for n in (1000, 4000):
            folder = f'{work}/{kind}-{n}'
            for name, text in gen(kind, n).items():
                os.makedirs(os.path.dirname(f'{folder}/{name}'), exist_ok=True)
                open(f'{folder}/{name}', 'w').write(text)
            start = time.time()
            try:
                subprocess.run([binary, 'scan', folder, '--quiet'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            except subprocess.TimeoutExpired:
                pass
            times.append(time.time() - start)
        superlinear = times[1] > 0.5 and times[1] / max(times[0], 0.01) > 7
        flagged += superlinear
        print(f'{kind}: {times[0]:.2f} s -> {times[1]:.2f} s' + ('  <-- superlinear' if superlinear else ''), flush=True)
finally:
    shutil.rmtree(work)
sys.exit(1 if flagged else 0)
