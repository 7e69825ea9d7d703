job [[ template "job_name" . ]] {
  [[ template "region" . ]]
  datacenters = [[ .runner.datacenters | toStringList ]]

  group "runner" {
    count = [[ .runner.count ]]

    [[- range $idx, $port := .runner.ports ]]
    network {
      port "[[ $port.name ]]" { to = [[ $port.to ]] }
    }
    [[- end ]]

    task "runner" {
      driver = "docker"
      config {
        image   = "[[ .runner.image ]]:[[ .runner.tag ]]"
        volumes = ["[[ .runner.socket_dir ]]/docker.sock:/var/run/docker.sock"]
        [[- if .runner.privileged ]]
        privileged = true
        [[- else ]]
        privileged = false
        [[- end ]]
      }
    }
  }
}
