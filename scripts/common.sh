# Shared by scripts/run, scripts/test and scripts/bench: install what is missing, configure, build.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian 12 packages the build, the app and the tests need.
IDESK_PACKAGES=(
    build-essential cmake ninja-build pkg-config git python3
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite qt6-qpa-plugins libgl-dev libvulkan-dev libxkbcommon-dev
    nlohmann-json3-dev libspdlog-dev libpq-dev sqlite3 libsqlite3-dev zlib1g-dev
    fontconfig fonts-dejavu-core fonts-noto-color-emoji xvfb xauth
    curl openssl qt6-translations-l10n
    postgresql
)
# Only scripts/package: CPack's dependency scan and the checks of the finished .deb.
IDESK_PACKAGING_PACKAGES=(dpkg-dev fakeroot file desktop-file-utils appstream lintian)
# The diagnostics tests run the real kubectl; Debian's package only when no kubectl is on PATH,
# since cloud SDKs ship their own at the same path.
if ! command -v kubectl >/dev/null 2>&1; then
    IDESK_PACKAGES+=(kubernetes-client)
fi

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs only the packages that are not installed yet; a second run does nothing.
install_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    log "Installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_build DIR BUILD_TYPE [extra cmake args...]: configures once, then only builds.
configure_build() {
    local dir="$1" type="$2"
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        log "Configuring $type build in ${dir#"$ROOT"/}"
        cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
    fi
}

build() {
    local dir="$1"
    shift
    cmake --build "$dir" --parallel "$(nproc)" "$@"
}
