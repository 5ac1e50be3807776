#!/usr/bin/env bash
# Builds the GridDesk app-image for this OS (Linux, macOS) with a bundled runtime, trains its AOT
# cache and checks that it starts. Run by `./mvnw -Pdist package` after the jar and its
# dependencies are in target/. Windows: see installer/README.md.
#
#   installer/build-app-image.sh TARGET_DIR APP_VERSION
set -euo pipefail
target=$(cd "$1" && pwd)
version=$2
jdk_bin="${JAVA_HOME:?JAVA_HOME must name a JDK 25}/bin"
dist="$target/dist"
image="$dist/GridDesk"
rm -rf "$dist"
mkdir -p "$dist/input"
cp "$target/griddesk.jar" "$target"/lib/*.jar "$dist/input/"

echo "jlink: runtime with the JDK modules and JavaFX"
# java.se: JDBC, JMX, XML, logging; jdk.localedata: Chinese dates and weekdays; jdk.unsupported: H2
# and others use sun.misc.Unsafe; jdk.zipfs: Flyway scans migration jars.
"$jdk_bin/jlink" --module-path "$target/javafx" \
  --add-modules java.se,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.management,jdk.net,javafx.controls,javafx.fxml \
  --include-locales=zh-CN,zh,en,en-US --strip-debug --no-header-files --no-man-pages \
  --output "$dist/runtime"

echo "jpackage: app-image"
# the launchers' JVM options (src/main/jvm/griddesk.options), one --java-options each
jvm_options=()
while IFS= read -r option; do
  [[ -z "$option" || "$option" == \#* ]] || jvm_options+=(--java-options "$option")
done < "$(dirname "${BASH_SOURCE[0]}")/../src/main/jvm/griddesk.options"
"$jdk_bin/jpackage" --type app-image --name GridDesk --app-version "$version" \
  --vendor "GridDesk" --description "网格指挥台 GridDesk — grid governance dispatcher console" \
  --input "$dist/input" --main-jar griddesk.jar --main-class org.griddesk.app.Main \
  --runtime-image "$dist/runtime" --dest "$dist" \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" "${jvm_options[@]}"

launcher="$image/bin/GridDesk"
cfg="$image/lib/app/GridDesk.cfg"
echo "smoke: $("$launcher" --version | head -1)"

# AOT cache (JEP 483/514): one training run that starts the desk on a throw-away data folder — a
# whole first start: window, store, the demo district and its two years of history — and exits
# when that is done; later starts load and link classes from the cache and begin with the
# method profiles it recorded, which makes a user's first start faster too.
display="${DISPLAY:-}"
xvfb_pid=""
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
    awk -v line='java-options=-XX:AOTCache=$APPDIR/griddesk.aot' \
      '{print} /^\[JavaOptions\]/ {print line}' "$cfg" > "$cfg.new" && mv "$cfg.new" "$cfg"
    echo "AOT cache: $(du -h "$image/lib/app/griddesk.aot" | cut -f1); training run: $(cat "$train/startup.json")"
    DISPLAY="$display" timeout 120 "$launcher" --data-dir "$train/data2" --startup-report "$train/second.json" >/dev/null 2>&1
    echo "smoke: the image started with its AOT cache: $(cat "$train/second.json")"
  else
    echo "AOT training failed; the image works without a cache. Log:"; tail -20 "$train/log"
  fi
  rm -rf "$train"
else
  echo "no display and no Xvfb: image built without an AOT cache (starts about 40% slower)"
fi
[[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
echo "app-image: $image"
