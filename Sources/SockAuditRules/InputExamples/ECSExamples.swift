import SockAuditCore

/// Amazon ECS task definitions as JSON (`task-definition.json`, `.aws/*.json`,
/// `Dockerrun.aws.json`) and CloudFormation `AWS::ECS::TaskDefinition` resources (YAML with short
/// tags, or JSON); each rule appends its own. `↓` marks where each finding must land: the key.
enum ECSExamples {
    static let socketMountFiring: [Example] = [
        Example(".aws/task-definition.json", """
            {
              "family": "datadog-agent",
              "requiresCompatibilities": ["EC2"],
              "containerDefinitions": [
                {
                  "name": "datadog-agent",
                  "image": "public.ecr.aws/datadog/agent:7",
                  "memory": 256,
                  "mountPoints": [
                    {"sourceVolume": "docker_sock", "containerPath": "/var/run/docker.sock", "readOnly": true},
                    {"sourceVolume": "proc", "containerPath": "/host/proc", "readOnly": true}
                  ]
                }
              ],
              "volumes": [
                {"name": "docker_sock", "host": {↓"sourcePath": "/var/run/docker.sock"}},
                {"name": "proc", "host": {"sourcePath": "/proc/"}}
              ]
            }
            """),
        Example("Dockerrun.aws.json", """
            {
              "AWSEBDockerrunVersion": 2,
              "volumes": [
                {
                  "name": "containerd",
                  "host": {
                    ↓"sourcePath": "/run/containerd"
                  }
                }
              ],
              "containerDefinitions": [
                {
                  "name": "collector",
                  "image": "example/collector:2",
                  "essential": true,
                  "memory": 128,
                  "mountPoints": [{"sourceVolume": "containerd", "containerPath": "/run/containerd"}]
                }
              ]
            }
            """),
        Example("cloudformation/agent.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              AgentImage:
                Type: String
            Resources:
              AgentTaskDefinition:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  Family: !Sub "${AWS::StackName}-agent"
                  RequiresCompatibilities: [EC2]
                  Volumes:
                    - Name: docker-sock
                      Host:
                        ↓SourcePath: /var/run/docker.sock
                  ContainerDefinitions:
                    - Name: agent
                      Image: !Ref AgentImage
                      Memory: 256
                      MountPoints:
                        - SourceVolume: docker-sock
                          ContainerPath: /var/run/docker.sock
                          ReadOnly: true
            """),
        Example("cloudformation/runner.yaml", """
            Parameters:
              SocketFolder:
                Type: String
                Default: /var/run
            Resources:
              RunnerTask:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  Volumes:
                    - Name: sock
                      Host:
                        ↓SourcePath: !Sub "${SocketFolder}/docker.sock"
                    - Name: containerd
                      Host:
                        ↓SourcePath: !Join ["/", ["", "run", "containerd", "containerd.sock"]]
                  ContainerDefinitions:
                    - Name: runner
                      Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/runner:2"
                      MountPoints:
                        - {SourceVolume: sock, ContainerPath: /var/run/docker.sock}
                        - {SourceVolume: containerd, ContainerPath: /run/containerd/containerd.sock}
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example("task-definition.json", """
            {
              "family": "web",
              "containerDefinitions": [
                {
                  "name": "web",
                  "image": "nginx:1.27",
                  "mountPoints": [{"sourceVolume": "data", "containerPath": "/var/run/docker.sock"}]
                }
              ],
              "volumes": [
                {"name": "data", "host": {"sourcePath": "/srv/web/data"}},
                {"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
                {"name": "efs", "efsVolumeConfiguration": {"fileSystemId": "fs-12345678"}}
              ]
            }
            """),
        Example("template.yaml", """
            Parameters:
              SocketPath:
                Type: String
                Default: /var/run/docker.sock
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  Volumes:
                    - Name: sock
                      Host:
                        SourcePath: !Ref SocketPath
                  ContainerDefinitions:
                    - Name: app
                      Image: !GetAtt Repository.RepositoryUri
                      MountPoints:
                        - {SourceVolume: sock, ContainerPath: /sock}
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("taskdef.json", """
            {
              "taskDefinition": {
                "family": "dind",
                "containerDefinitions": [
                  {
                    "name": "dind",
                    "image": "docker:27-dind",
                    ↓"privileged": true
                  }
                ]
              }
            }
            """),
        Example("template.json", """
            {
              "Resources": {
                "BuildTask": {
                  "Type": "AWS::ECS::TaskDefinition",
                  "Properties": {
                    "ContainerDefinitions": [
                      {"Name": "build", "Image": {"Ref": "BuildImage"}, ↓"Privileged": true}
                    ]
                  }
                }
              }
            }
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("taskdef.json", """
            {
              "family": "web",
              "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": false}]
            }
            """),
        Example("template.yaml", """
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      Privileged: !Ref Privileged
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("task-definition.json", """
            {
              "family": "proxy",
              ↓"networkMode": "host",
              "containerDefinitions": [{"name": "proxy", "image": "haproxy:3.0", "memory": 128}]
            }
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("task-definition.json", """
            {
              "family": "web",
              "networkMode": "awsvpc",
              "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 128}]
            }
            """),
    ]

    /// The settings the missing-setting rules look for, written as CloudFormation expressions: set,
    /// to a value the template's parameters decide, so never reported missing.
    static let missingSettingsFiring: [Example] = [
        Example("cloudformation/app.yaml", """
            Resources:
              AppTask:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - ↓Name: app
                      Image: !Ref AppImage
            """),
    ]

    static let missingSettingsSilent: [Example] = [
        Example("cloudformation/app.yaml", """
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              AppTask:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: !Ref AppImage
                      User: !Ref AppUser
                      Memory: !FindInMap [Sizes, !Ref Env, Memory]
                      ReadonlyRootFilesystem: !If [IsProd, true, false]
                      DockerSecurityOptions: !Ref SecurityOptions
                      LinuxParameters:
                        Capabilities:
                          Drop: !Ref DroppedCapabilities
            """),
        Example("template.json", """
            {
              "Resources": {
                "AppTask": {
                  "Type": "AWS::ECS::TaskDefinition",
                  "Properties": {
                    "ContainerDefinitions": [{
                      "Name": "app",
                      "Image": {"Ref": "AppImage"},
                      "User": {"Ref": "AppUser"},
                      "Memory": {"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Memory"]},
                      "ReadonlyRootFilesystem": {"Fn::If": ["IsProd", true, false]},
                      "DockerSecurityOptions": {"Ref": "SecurityOptions"},
                      "LinuxParameters": {"Capabilities": {"Drop": [{"Ref": "DroppedCapability"}]}}
                    }]
                  }
                }
              }
            }
            """),
    ]

    /// `describe-task-definition` prints every unset field as `null`: a `null` user is no user.
    static let runsAsRootFiring: [Example] = [
        Example("ecs/task-definition.json", """
            {
              "family": "api",
              "containerDefinitions": [
                ↓{
                  "name": "api",
                  "image": "example/api:2",
                  "user": null,
                  "privileged": null,
                  "readonlyRootFilesystem": null
                }
              ],
              "networkMode": null
            }
            """),
    ]

    static let runsAsRootSilent: [Example] = [
        Example("ecs/task-definition.json", """
            {
              "family": "api",
              "containerDefinitions": [
                {
                  "name": "api",
                  "image": "example/api:2",
                  "user": "1000:1000",
                  "privileged": null
                }
              ]
            }
            """),
    ]
}
