#!/usr/bin/env bash
# Ensures the real Pulumi CLI (v3.274.1), its Node language host and the dynamic-provider launcher
# are present in a cache directory outside the repository, building them from the Go module proxy
# (module pinned in tools/pulumi-cli) only when a binary is missing.
#
# stdout: the cache directory (put it first on PATH). Progress goes to stderr.
# Cache:  ${PULUMI_CLI_CACHE:-$HOME/.cache/alicloud-redis-waiter/pulumi-v3.274.1}
# Needs:  go (>= the version in tools/pulumi-cli/go.mod) when a binary is missing (exit 2 without it),
#         node, and the repo's installed node_modules (for the provider launcher).
#
# Example:
#   PULUMI_DIR="$(bash tools/ensure-pulumi.sh)" && export PATH="$PULUMI_DIR:$PATH"
set -euo pipefail

readonly PULUMI_VERSION="v3.274.1"
readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly MODULE_DIR="$HERE/pulumi-cli"
readonly REPO_ROOT="$(cd "$HERE/.." && pwd)"
readonly CACHE_DIR="${PULUMI_CLI_CACHE:-$HOME/.cache/alicloud-redis-waiter/pulumi-$PULUMI_VERSION}"
readonly LDFLAGS="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"

# name of the binary, Go package that builds it (relative to tools/pulumi-cli). The upstream Node
# language host module is not served by the module proxy, so ./cmd/pulumi-language-nodejs stands in.
readonly -a BINARIES=(
  "pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
  "pulumi-language-nodejs ./cmd/pulumi-language-nodejs"
)
readonly PROVIDER_LAUNCHER="pulumi-resource-pulumi-nodejs"

log() { printf '[ensure-pulumi %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$CACHE_DIR"

# One build at a time per cache directory (parallel test runners may call this together).
exec 9>"$CACHE_DIR/.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi

# A build left half-done by an interrupt leaves no temporary files behind.
trap 'rm -f "$CACHE_DIR"/*.tmp.$$' EXIT

# Prints a heartbeat to stderr every 30 s while the given pid runs, so CI shows it is alive.
heartbeat() {
  local pid="$1" what="$2" start="$SECONDS" ticks=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    ticks=$((ticks + 1))
    if ((ticks % 30 == 0)) && kill -0 "$pid" 2>/dev/null; then
      log "still building $what ($((SECONDS - start)) s so far)"
    fi
  done
}

# Hash of what a binary is built from: go.mod, go.sum and, for a package of this module, its sources.
# A binary whose recorded hash differs is rebuilt (the Go build cache keeps that fast on one machine).
inputs_hash() {
  local pkg="$1"
  local -a files=("$MODULE_DIR/go.mod" "$MODULE_DIR/go.sum")
  if [[ "$pkg" == ./* ]]; then
    files+=("$MODULE_DIR/${pkg#./}"/*.go)
  fi
  cat "${files[@]}" | sha256sum | cut -d' ' -f1
}

build_binary() {
  local name="$1" pkg="$2"
  local out="$CACHE_DIR/$name"
  local stamp="$CACHE_DIR/.$name.inputs"
  local hash
  hash="$(inputs_hash "$pkg")"
  if [[ -x "$out" && "$(cat "$stamp" 2>/dev/null)" == "$hash" ]]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    log "ERROR: $out is missing and 'go' is not on PATH to build it. The Pulumi CLI $PULUMI_VERSION"
    log "       is built from source: install Go (minimum version in tools/pulumi-cli/go.mod) and re-run."
    exit 2
  fi
  local tmp="$out.tmp.$$"
  local start="$SECONDS"
  log "building $name $PULUMI_VERSION from $pkg (a cold build takes about 8-15 min on 2 cores)"
  (
    cd "$MODULE_DIR"
    # go.mod and go.sum are complete, so the default -mod=readonly build never rewrites them.
    exec go build -trimpath -ldflags "$LDFLAGS" -o "$tmp" "$pkg"
  ) >&2 &
  local build_pid=$!
  heartbeat "$build_pid" "$name" &
  local beat_pid=$!
  local status=0
  wait "$build_pid" || status=$?
  kill "$beat_pid" 2>/dev/null || true
  wait "$beat_pid" 2>/dev/null || true
  if [[ "$status" -ne 0 ]]; then
    rm -f "$tmp"
    die "go build of $name failed (exit $status); see the go output above"
  fi
  mv -f "$tmp" "$out"
  printf '%s\n' "$hash" >"$stamp"
  log "built $name in $((SECONDS - start)) s"
}

# Copies the dynamic-provider launcher shipped in the root of the installed @pulumi/pulumi package.
# A copy (not a symlink) so the cache survives the repository moving; refreshed when it differs.
install_provider_launcher() {
  local sdk_json
  sdk_json="$(cd "$REPO_ROOT" && node -p "require.resolve('@pulumi/pulumi/package.json')" 2>/dev/null)" \
    || die "cannot resolve @pulumi/pulumi from $REPO_ROOT: run 'npm ci' there first"
  local src
  src="$(dirname "$sdk_json")/$PROVIDER_LAUNCHER"
  [[ -f "$src" ]] || die "$src not found in the installed @pulumi/pulumi package"
  local dst="$CACHE_DIR/$PROVIDER_LAUNCHER"
  if ! cmp -s "$src" "$dst" 2>/dev/null; then
    cp -f "$src" "$dst.tmp.$$"
    chmod 0755 "$dst.tmp.$$"
    mv -f "$dst.tmp.$$" "$dst"
    log "installed $PROVIDER_LAUNCHER from $src"
  fi
}

for entry in "${BINARIES[@]}"; do
  # shellcheck disable=SC2086
  build_binary $entry
done
install_provider_launcher

printf '%s\n' "$CACHE_DIR"
