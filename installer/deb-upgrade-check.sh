#!/usr/bin/env bash
# The .deb's life on this machine, as an administrator lives it: install an earlier GridDesk, start
# the desk (it creates its data), install this tree's package over it (data, configuration and keys
# kept; the first start migrates the store after taking a backup), remove it (the data stays).
#
#   installer/deb-upgrade-check.sh [--keep]      (as root; run by .ci/run after ./mvnw verify)
#
# Needs: this tree built (target/griddesk.jar, target/lib, target/javafx: ./mvnw package), dpkg-deb and
# fakeroot for jpackage, JAVA_HOME = a JDK 25. The earlier release is built from the commit named in
# installer/upgrade-from.txt; a clone without that history checks everything but the migration.
# Xvfb (or DISPLAY) lets the desk itself start; without one the command line creates and opens the data.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
keep=${1:-}
old_version=0.9.0
new_version=0.9.1
work=$(mktemp -d /tmp/griddesk-deb-check.XXXXXX)
data="$work/xdg/griddesk"
export XDG_DATA_HOME="$work/xdg" # the default data folder of the user running the desk (~/.local/share otherwise)
export GRIDDESK_AOT=off          # the check does not train AOT caches: the image works the same without
cli=griddesk-cli # on the PATH: /usr/bin/griddesk-cli → /opt/griddesk/bin/griddesk-cli (postinst)
desk=griddesk
step() { echo; echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

cleanup() {
  [[ -n "${xvfb_pid:-}" ]] && kill "$xvfb_pid" 2>/dev/null || true
  dpkg -r griddesk >/dev/null 2>&1 || true
  git -C "$repo" worktree remove --force "$work/old-src" >/dev/null 2>&1 || true
  [[ "$keep" == --keep ]] && echo "kept: $work" || rm -rf "$work"
}
trap cleanup EXIT

# exit 77: this machine cannot run the check (not Debian, not root, a tool missing); .ci/run says so loudly
cannot() { echo "CANNOT RUN the deb upgrade check here: $*" >&2; exit 77; }
[[ $(id -u) == 0 ]] || cannot "run as root (dpkg -i)"
for tool in dpkg dpkg-deb fakeroot git; do command -v "$tool" >/dev/null || cannot "$tool is missing"; done
# the package depends on xdg-utils (its menu entry), as on every Debian desktop; a bare machine gets it from apt
if ! dpkg -s xdg-utils >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xdg-utils) >"$work/apt.log" 2>&1 \
    || cannot "xdg-utils (a dependency of the package) is not installed and apt-get could not install it"
fi
[[ -f "$repo/target/griddesk.jar" ]] || fail "build the tree first: ./mvnw package"
[[ -f "$repo/target/THIRD-PARTY.txt" ]] || fail "target/THIRD-PARTY.txt is missing: ./mvnw package writes it"

display="${DISPLAY:-}"
if [[ -z "$display" ]] && command -v Xvfb >/dev/null; then
  display=":$((250 + RANDOM % 40))"
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1.5
fi

# starts the installed desk as a user would, on the default data folder, until its first start is whole
start_desk() {
  local report="$work/$1.json"
  if [[ -n "$display" ]]; then
    DISPLAY="$display" timeout 300 "$desk" --startup-report "$report" --startup-report-whole >"$work/$1.log" 2>&1 \
      || { tail -30 "$work/$1.log"; fail "the desk ($1) did not start"; }
    echo "desk started: $(cat "$report")"
  elif [[ "$1" == first ]]; then
    "$cli" demo generate >"$work/$1.log" 2>&1 || { tail -30 "$work/$1.log"; fail "demo generate"; }
    echo "no display: the command line generated the demo data"
  else
    "$cli" db migrate || fail "db migrate"
  fi
}

fingerprint() { (cd "$data" && sha256sum griddesk.properties keys/* | sort); }
# the store's schema version and ticket count, read with the installed package's own runtime and H2 (the
# desk has exited: the file is free)
store_state() {
  /opt/griddesk/lib/runtime/bin/java -cp "$(ls /opt/griddesk/lib/app/h2-*.jar | head -1)" org.h2.tools.Shell \
    -url "jdbc:h2:file:$data/db/griddesk;IFEXISTS=TRUE;ACCESS_MODE_DATA=r" -user griddesk -password "" \
    -sql "SELECT (SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\" DESC LIMIT 1) || ' ' || (SELECT COUNT(*) FROM ticket) AS S" \
    | sed -n 2p
}

step "a clean state: no griddesk package, no /opt/griddesk"
dpkg -r griddesk >/dev/null 2>&1 || true
[[ ! -e /opt/griddesk ]] || fail "/opt/griddesk exists without the package: not a clean state (remove it by hand)"

step "packages: this tree as $new_version"
"$here/build-package.sh" "$repo/target" "$new_version" deb >"$work/build-new.log" 2>&1 || { tail -30 "$work/build-new.log"; fail "building the new package"; }
mv "$repo"/target/dist/*.deb "$work/new.deb"

commit=$(sed -n 1p "$here/upgrade-from.txt")
migrates=no
if git -C "$repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
  step "packages: the earlier release ${commit:0:10} as $old_version"
  git -C "$repo" worktree add --detach "$work/old-src" "$commit" >/dev/null
  (cd "$work/old-src" && ./mvnw -B -ntp -q -DskipTests package \
    && ./mvnw -B -ntp -q org.codehaus.mojo:license-maven-plugin:2.7.1:add-third-party \
      -Dlicense.outputDirectory=target -Dlicense.excludedScopes=test,provided,system) >"$work/build-old.log" 2>&1 \
    || { tail -30 "$work/build-old.log"; fail "building the earlier release"; }
  "$here/build-package.sh" "$work/old-src/target" "$old_version" deb >>"$work/build-old.log" 2>&1 \
    || { tail -30 "$work/build-old.log"; fail "packaging the earlier release"; }
  mv "$work"/old-src/target/dist/*.deb "$work/old.deb"
  migrates=yes
else
  echo "WARNING: commit $commit is not in this clone: the earlier package is this tree as $old_version (no migration to check)"
  "$here/build-package.sh" "$repo/target" "$old_version" deb >"$work/build-old.log" 2>&1
  mv "$repo"/target/dist/*.deb "$work/old.deb"
fi

step "install $old_version in a clean state"
dpkg -i "$work/old.deb" >/dev/null
[[ $(dpkg-query -W -f '${Version}' griddesk) == "$old_version"* ]] || fail "dpkg does not list griddesk $old_version"
"$cli" --version || fail "griddesk-cli --version"
[[ -f /opt/griddesk/lib/app/LICENSE.txt || -f /opt/griddesk/lib/LICENSE.txt ]] || fail "no LICENSE.txt installed"

step "the desk's first start creates its data in the user's data folder, not the install folder"
start_desk first
[[ -f "$data/db/griddesk.mv.db" && -d "$data/keys" && -f "$data/griddesk.properties" ]] || fail "no store, keys or configuration in $data"
[[ -z "$(find /opt/griddesk -name '*.mv.db' -print -quit)" ]] || fail "a store inside /opt/griddesk"
echo "# an administrator's line: kept across upgrades" >> "$data/griddesk.properties"
before=$(fingerprint)
read -r schema_before tickets_before <<<"$(store_state)"
echo "store: schema version $schema_before, $tickets_before tickets"
[[ "$tickets_before" -gt 0 ]] || fail "the first start left no tickets"

step "install $new_version over it"
dpkg -i "$work/new.deb" >/dev/null
[[ $(dpkg-query -W -f '${Version}' griddesk) == "$new_version"* ]] || fail "dpkg does not list griddesk $new_version"
"$cli" --version
[[ "$(fingerprint)" == "$before" ]] || fail "the upgrade changed the configuration or keys"

step "the first start of $new_version migrates the store, after a backup"
start_desk second
read -r schema_after tickets_after <<<"$(store_state)"
echo "store: schema version $schema_after, $tickets_after tickets"
[[ "$tickets_after" -ge "$tickets_before" ]] || fail "tickets lost: $tickets_before before, $tickets_after after"
[[ "$(fingerprint)" == "$before" ]] || fail "the first start changed the configuration or keys"
"$cli" db backups
if [[ "$migrates" == yes ]]; then
  [[ "$schema_after" -gt "$schema_before" ]] || fail "the store was not migrated ($schema_before → $schema_after)"
  upgrade_backup=$(ls "$data"/backups/*-before-V"$schema_after".zip 2>/dev/null | head -1)
  [[ -n "$upgrade_backup" ]] || fail "no backup taken before the migration to V$schema_after in $data/backups"
  echo "backup before the upgrade: $upgrade_backup"
fi

step "dpkg -r removes the program and leaves the data"
dpkg -r griddesk >/dev/null
[[ ! -e /opt/griddesk && ! -e /usr/bin/griddesk-cli && ! -e /usr/bin/griddesk ]] || fail "the program or its commands are still installed"
[[ -f "$data/db/griddesk.mv.db" && "$(fingerprint)" == "$before" ]] || fail "the data folder did not survive dpkg -r"
echo
echo "deb upgrade check passed: $old_version → $new_version, schema $schema_before → $schema_after, $tickets_before → $tickets_after tickets, data kept"
