# Shared by scripts/*.sh: toolchain check and system packages.
require_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain is not installed (swift not on PATH)." >&2
    echo "       nextline needs Swift 6.3 or later (https://www.swift.org/install/linux/debian/12)." >&2
    exit 1
  fi
  local v
  v=$(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9][0-9.]*\).*/\1/p' | head -1)
  case "$v" in
    6.[3-9]*|6.[1-9][0-9]*|[7-9].*) ;;
    *) echo "error: Swift $v found; nextline needs Swift 6.3 or later." >&2; exit 1 ;;
  esac
}

install_system_packages() {
  local need=()
  # Libraries are detected the way the build finds them: through pkg-config (not dpkg), so a
  # source-built htslib in PKG_CONFIG_PATH counts.
  command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
  if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists htslib || need+=(libhts-dev)
    pkg-config --exists zlib || need+=(zlib1g-dev)
    # libcrypto (OpenSSL) computes every SHA-256: hardware-accelerated, no hand-written hash.
    pkg-config --exists libcrypto || need+=(libssl-dev)
  else
    need+=(libhts-dev zlib1g-dev libssl-dev)
  fi
  command -v bcftools >/dev/null 2>&1 || need+=(bcftools)
  command -v tabix >/dev/null 2>&1 || need+=(tabix)
  # The HTML report is checked in a real browser (Tests/ReportingTests/BrowserTests.swift).
  if [ "${NEXTLINE_NO_BROWSER:-0}" != 1 ]; then
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fi
  if [ ${#need[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "error: missing ${need[*]} and no apt-get here." >&2
      echo "       Install htslib (with its pkg-config file htslib.pc), zlib, OpenSSL's libcrypto, pkg-config, bcftools, tabix and chromium" >&2
      echo "       with your package manager (e.g. 'brew install htslib bcftools pkg-config'), then re-run." >&2
      exit 1
    fi
    echo "== installing: ${need[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
  fi
}
