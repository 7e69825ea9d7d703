docker -H= ps
docker --host= ps
DOCKER_HOST= docker -H=tcp://0.0.0.0:2375 ps
