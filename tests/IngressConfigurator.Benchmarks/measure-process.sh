#!/usr/bin/env bash
# Times the IngressConfigurator's whole run (start, compile, write, exit) as a process against an
# empty .NET console program built the same way, and reports both processes' peak memory.
# Needs hyperfine and GNU time: apt-get install -y hyperfine time
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

configuration="${CONFIGURATION:-Release}"
dotnet publish "$root/IngressConfigurator/IngressConfigurator.csproj" -c "$configuration" -o "$work/configurator" --nologo -v q

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
dotnet publish "$work/empty/Empty.csproj" -c "$configuration" -o "$work/empty/out" --nologo -v q

# The stack's own hand-over: the two routes the AppHost publishes by default, in local preview.
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

hyperfine --shell=none --warmup 3 --runs "${RUNS:-30}" \
  --command-name empty-console "$work/empty/out/Empty" \
  --command-name ingress-configurator "$work/configurator/MediaStack.IngressConfigurator"

for program in "$work/empty/out/Empty" "$work/configurator/MediaStack.IngressConfigurator"; do
  peak=$(/usr/bin/time -f '%M' "$program" 2>&1 >/dev/null | tail -n 1)
  echo "$(basename "$program"): peak resident memory ${peak} KiB"
done
