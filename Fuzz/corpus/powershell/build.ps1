<# Build and test on a Windows runner
   docker run --privileged is not used here #>
$ErrorActionPreference = 'Stop'
$image = "example/app:$($env:GITHUB_SHA)"
docker build -t $image `
  --build-arg "VERSION=$env:VERSION" `
  .
if ($env:USE_HOST_DOCKER -eq 'true') {
  docker run --rm `
    -v //./pipe/docker_engine://./pipe/docker_engine `
    -e 'MESSAGE=it''s "quoted"' `
    $image
} else {
  & "C:\Program Files\Docker\Docker\resources\bin\docker.exe" run --rm -e "A=`"x`"" $image 2>&1 | Out-Null
}
docker ps; docker info && docker version || exit 1
