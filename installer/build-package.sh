#!/usr/bin/env bash
# Builds GridDesk for Linux from the packaging description in installer/jpackage: a runtime (jlink),
# the application image with its AOT cache, and with `deb` the Debian package made from that image.
# Run by `./mvnw -Pdist package` (app-image and .deb) after the jar, its libraries and THIRD-PARTY.txt
# are in target/. Windows: installer/build-msi.ps1 with the same description.
#
#   installer/build-package.sh TARGET_DIR APP_VERSION [deb]
#
# GRIDDESK_AOT=off skips the AOT training run (the upgrade check does; the image works without it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=$(cd "$1" && pwd)
version=$2
types=("${@:3}")
jdk_bin="${JAVA_HOME:?JAVA_HOME must name a JDK 25}/bin"
dist="$target/dist"
image="$dist/GridDesk"
rm -rf "$dist"
mkdir -p "$dist/input" "$dist/notices"
cp "$target/griddesk.jar" "$target"/lib/*.jar "$dist/input/"

# every bundled library must be named with its licence in the notices
notices="$target/THIRD-PARTY.txt"
[[ -f "$notices" ]] || { echo "no $notices: build with ./mvnw -Pdist package" >&2; exit 2; }
missing=0
declare -A seen=()
for jar in "$target"/lib/*.jar "$target"/javafx/*.jar; do
  [[ -e "$jar" ]] || continue
  artifact=$(basename "$jar" .jar | sed -E 's/-[0-9][0-9A-Za-z.+_-]*$//; s/-(linux|win|mac)$//')
  grep -q ":$artifact:" "$notices" || { echo "THIRD-PARTY.txt does not name $artifact ($jar)" >&2; missing=1; }
  # copy-dependencies leaves an updated library's old jar beside the new one: never package both
  [[ "$jar" == */javafx/* || -z "${seen[$artifact]:-}" ]] || { echo "two jars of $artifact in target/lib: ./mvnw clean package" >&2; missing=1; }
  seen[$artifact]=1
done
(( missing == 0 )) || exit 3
cp "$here/LICENSE.txt" "$notices" "$dist/notices/"

echo "jlink: runtime with the JDK modules and JavaFX, compressed, with a default CDS archive"
# java.se: JDBC, JMX, XML, logging; jdk.localedata: Chinese dates and weekdays; jdk.unsupported: H2
# and others use sun.misc.Unsafe; jdk.zipfs: Flyway scans migration jars.
"$jdk_bin/jlink" --module-path "$target/javafx" \
  --add-modules java.se,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.management,jdk.net,javafx.controls,javafx.fxml \
  --include-locales=zh-CN,zh,en,en-US --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive \
  --output "$dist/runtime"
# the second archive is for heaps over 32 GB (no compressed pointers): a desk never has one
rm -f "$dist/runtime/lib/server/classes_nocoops.jsa"

echo "jpackage: app-image"
# the launchers' JVM options (src/main/jvm/griddesk.options), one --java-options each
jvm_options=()
while IFS= read -r option; do
  [[ -z "$option" || "$option" == \#* ]] || jvm_options+=(--java-options "$option")
done < "$here/../src/main/jvm/griddesk.options"
(cd "$here" && "$jdk_bin/jpackage" --type app-image @jpackage/app.args @jpackage/linux-app.args \
  --app-version "$version" --input "$dist/input" --runtime-image "$dist/runtime" --dest "$dist" \
  --app-content "$dist/notices/THIRD-PARTY.txt" "${jvm_options[@]}")

launcher="$image/bin/GridDesk"
cfg="$image/lib/app/GridDesk.cfg"
echo "smoke: $("$image/bin/griddesk-cli" --version | head -1)"

# AOT cache (JEP 483/514): one training run that starts the desk on a throw-away data folder — a
# whole first start: window, store, the demo district and its two years of history — and exits
# when that is done; later starts load and link classes from the cache and begin with the
# method profiles it recorded, which makes a user's first start faster too.
display="${DISPLAY:-}"
xvfb_pid=""
if [[ "${GRIDDESK_AOT:-on}" == off ]]; then
  echo "GRIDDESK_AOT=off: image built without an AOT cache"
else
  if [[ -z "$display" ]] && command -v Xvfb >/dev/null; then
    display=":$((200 + RANDOM % 50))"
    Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 1.5
  fi
  if [[ -n "$display" ]]; then
    train=$(mktemp -d)
    if DISPLAY="$display" JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$image/lib/app/griddesk.aot" \
        timeout 180 "$launcher" --data-dir "$train/data" --startup-report "$train/startup.json" --startup-report-whole \
        >"$train/log" 2>&1 \
        && [[ -f "$image/lib/app/griddesk.aot" ]]; then
      for launcher_cfg in "$cfg" "$image/lib/app/griddesk-cli.cfg"; do
        awk -v line='java-options=-XX:AOTCache=$APPDIR/griddesk.aot' \
          '{print} /^\[JavaOptions\]/ {print line}' "$launcher_cfg" > "$launcher_cfg.new" && mv "$launcher_cfg.new" "$launcher_cfg"
      done
      echo "AOT cache: $(du -h "$image/lib/app/griddesk.aot" | cut -f1); training run: $(cat "$train/startup.json")"
      DISPLAY="$display" timeout 120 "$launcher" --data-dir "$train/data2" --startup-report "$train/second.json" >/dev/null 2>&1
      echo "smoke: the image started with its AOT cache: $(cat "$train/second.json")"
    else
      echo "AOT training failed; the image works without a cache. Log:"; tail -20 "$train/log"
    fi
    rm -rf "$train"
  else
    echo "no display and no Xvfb: image built without an AOT cache (its first window about a third slower)"
  fi
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
fi
echo "app-image: $image ($(du -sh "$image" | cut -f1))"

for type in "${types[@]}"; do
  case "$type" in
    "") ;;
    deb)
      echo "jpackage: .deb"
      (cd "$here" && "$jdk_bin/jpackage" --type deb @jpackage/linux-package.args --app-image "$image" \
        --name GridDesk --app-version "$version" --dest "$dist")
      echo "deb: $(ls "$dist"/*.deb) ($(du -h "$dist"/*.deb | cut -f1))"
      ;;
    *) echo "unknown package type $type (Linux: deb)" >&2; exit 2 ;;
  esac
done
