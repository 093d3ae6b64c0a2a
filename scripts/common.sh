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
    # The downloaded archives (about 1.4 GB for the first run) are not needed once installed,
    # and the builds need the disk more.
    as_root apt-get clean
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

# start_postgres DIR: a throwaway PostgreSQL cluster in DIR/pg, on 127.0.0.1 and a free port,
# owned by an unprivileged user (the server refuses to run as root, and CI runs as root).
# Exports IDESK_TEST_PG (a superuser's conninfo without a password) and PGPASSFILE, and sets
# PG_BINDIR (the server's programs, psql among them); stop it with stop_postgres, e.g. from the
# caller's EXIT trap.
start_postgres() {
    local dir="$1"
    local bindir
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        log "PostgreSQL server binaries not found"
        return 1
    fi
    local pgdir="$dir/pg"
    mkdir -p "$pgdir"
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        # postgres is the user Debian's package creates; the temp folders above must be
        # traversable by it.
        chmod 755 "$dir"
        chown postgres: "$pgdir"
        run=(runuser -u postgres --)
    fi
    local port
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    local password
    password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    printf '%s\n' "$password" >"$pgdir/pwfile"
    chmod 600 "$pgdir/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pgdir/pwfile"; fi
    "${run[@]}" "$bindir/initdb" -D "$pgdir/data" -U idesk --pwfile="$pgdir/pwfile" \
        --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 || {
        cat "$pgdir/initdb.log" >&2
        return 1
    }
    rm -f "$pgdir/pwfile"
    # fsync off: a throwaway cluster, and the tests commit many small transactions.
    "${run[@]}" "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null || {
        cat "$pgdir/server.log" >&2
        return 1
    }
    PG_STOP=("${run[@]}" "$bindir/pg_ctl" -D "$pgdir/data" -m immediate -w stop)
    PG_BINDIR="$bindir"
    # The password reaches libpq only through this file, never a command line or a conninfo.
    export PGPASSFILE="$dir/pgpass"
    printf '127.0.0.1:%s:*:idesk:%s\n' "$port" "$password" >"$PGPASSFILE"
    chmod 600 "$PGPASSFILE"
    # No TLS or Kerberos on loopback: libpq would otherwise probe for a GSSAPI credential cache.
    export IDESK_TEST_PG="host=127.0.0.1 port=$port dbname=postgres user=idesk sslmode=disable gssencmode=disable"
    log "PostgreSQL on 127.0.0.1:$port"
}

stop_postgres() {
    "${PG_STOP[@]}" >/dev/null 2>&1
}
