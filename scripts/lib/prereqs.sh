# Installs what the project needs on a fresh Debian machine; each step is skipped when already done.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ensure_apt_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  command -v sox >/dev/null || missing+=(sox)
  command -v chromium >/dev/null || missing+=(chromium)
  # Without a CJK font headless Chromium draws the Chinese UI as boxes (browser tests, screenshots).
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # Asterisk's English core sounds (2.4 MB): the ARI simulator plays each for as long as the real file.
  dpkg -s asterisk-core-sounds-en-gsm >/dev/null 2>&1 || missing+=(asterisk-core-sounds-en-gsm)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# No prebuilt Temporal CLI is downloadable here, so it is built from the Go module proxy once and cached.
ensure_temporal_cli() {
  [ -x "$TEMPORAL_CLI_PATH" ] && return 0
  command -v go >/dev/null || { echo "Go is needed to build the Temporal CLI (apt-get install golang-go)" >&2; return 1; }
  log "building Temporal CLI $TEMPORAL_CLI_VERSION (once, about 3 minutes)"
  local bin_dir; bin_dir="$(dirname "$TEMPORAL_CLI_PATH")"
  mkdir -p "$bin_dir"
  GOBIN="$bin_dir" go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION"
}

ensure_node_modules() {
  local stamp="$ROOT/node_modules/.cc-lock-hash"
  local hash; hash="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    log "installing npm packages"
    # Not `npm ci`: this npm leaves other platforms' optional packages (@swc/core-*, @next/swc-*)
    # out of the lock file and then refuses it; `npm install` installs the locked versions as well.
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
  (cd "$ROOT" && npx --no-install prisma generate >/dev/null)
}

ensure_prereqs() {
  ensure_apt_packages
  ensure_temporal_cli
  ensure_node_modules
}
