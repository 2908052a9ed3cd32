# Sourced by scripts/*-venv.sh: makes (or repairs) the Python virtual environment at "$venv" whose
# interpreter is "$py", using the caller's `log`. Debian 12 ships python3 without ensurepip; when
# `python3 -m venv` fails, python3-venv is installed with apt-get (as root, or with sudo).

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "error: need root (or sudo) to run: $*"; return 1
  fi
}

make_venv() {
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv" >&2
}

# Leaves a working interpreter at "$py", or exits 1 with a message.
ensure_venv() {
  command -v python3 >/dev/null 2>&1 || { log "error: python3 is not on PATH"; exit 1; }
  # A venv whose interpreter no longer runs (e.g. the base python was removed) is made again.
  if [ -x "$py" ] && ! "$py" -c 'import sys' >/dev/null 2>&1; then
    log "$venv is broken; recreating it"
    rm -rf "$venv"
  fi
  [ -x "$py" ] && return 0
  log "creating $venv"
  make_venv && return 0
  if command -v apt-get >/dev/null 2>&1; then
    log "python3 -m venv failed; installing python3-venv with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y python3-venv >&2 || {
      as_root apt-get update >&2
      as_root apt-get install -y python3-venv >&2
    }
    make_venv || { log "error: python3 -m venv still fails after installing python3-venv"; exit 1; }
  else
    log "error: python3 -m venv failed and apt-get is not available; install the Python venv module"
    exit 1
  fi
}
