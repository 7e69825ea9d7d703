resource "aws_ecs_task_definition" "agent" {
  family                   = "agent"
  requires_compatibilities = ["EC2"]

  volume {
    name      = "docker-sock"
    host_path = "/var/run/docker.sock"
  }

  container_definitions = <<-EOF
    [
      {
        "name": "agent",
        "image": "${var.image}",
        "memory": ${var.memory},
        "privileged": true,
        "mountPoints": [
          {"sourceVolume": "docker-sock", "containerPath": "/var/run/docker.sock", "readOnly": true}
        ]
      }
    ]
    EOF
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "nginx:1.27"
      essential = true
      linuxParameters = {
        capabilities = { add = ["NET_ADMIN"], drop = [] }
      }
      portMappings = [{ containerPort = 80, hostPort = 80 }]
    }
  ])
}

resource "aws_ecs_task_definition" "from_file" {
  family                = "from-file"
  container_definitions = file("${path.module}/task.json")
}
