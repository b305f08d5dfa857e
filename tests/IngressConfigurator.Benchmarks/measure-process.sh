#!/usr/bin/env bash
# Times ingress-configurator's whole run (start, compile, write config.yml, exit) as a process,
# against an empty .NET console program built the same way, and reports each one's peak memory.
# Two builds of the configurator are measured: the plain build output (JIT, what the AppHost
# starts) and a ReadyToRun publish (precompiled, what a deployment would ship).
# Needs hyperfine and GNU time: apt-get install -y hyperfine time
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-30}"
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"

project="$root/IngressConfigurator/IngressConfigurator.csproj"
dotnet build "$project" -c Release -o "$work/jit" --nologo -v q
dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/r2r" --nologo -v q

mkdir -p "$work/empty"
cat > "$work/empty/Empty.csproj" <<'PROJECT'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
</Project>
PROJECT
echo 'return 0;' > "$work/empty/Program.cs"
dotnet build "$work/empty/Empty.csproj" -c Release -o "$work/empty/out" --nologo -v q

# The hand-over the AppHost makes by default: Immich and Jellyfin, protected, in local preview.
# No OTLP endpoint is set, so telemetry is recorded but not exported.
export Tunnel__Domain=example.com
export Tunnel__OutputDirectory="$work/cloudflared"
export Tunnel__Routes__0__ResourceName=immich-server
export Tunnel__Routes__0__Hostname=immich.example.com
export Tunnel__Routes__0__Service=http://immich-server:2283
export Tunnel__Routes__0__Access=Protected
export Tunnel__Routes__1__ResourceName=jellyfin
export Tunnel__Routes__1__Hostname=jellyfin.example.com
export Tunnel__Routes__1__Service=http://host.docker.internal:8096
export Tunnel__Routes__1__Access=Protected
export Logging__LogLevel__Default=Warning

hyperfine --shell=none --warmup 3 --runs "$runs" \
  --command-name empty-console "$work/empty/out/Empty" \
  --command-name configurator-jit "$work/jit/MediaStack.IngressConfigurator" \
  --command-name configurator-readytorun "$work/r2r/MediaStack.IngressConfigurator"

for program in empty/out/Empty jit/MediaStack.IngressConfigurator r2r/MediaStack.IngressConfigurator; do
  peak=$(/usr/bin/time -f '%M' "$work/$program" 2>&1 >/dev/null | tail -n 1)
  echo "$program: peak resident memory ${peak} KiB"
done
