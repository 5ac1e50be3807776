package org.griddesk.map;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Tiles from a tile server by URL template. Placeholders: `{z}` `{x}` `{y}`, `{-y}` for a TMS
/// server, WMTS's `{TileMatrix}` `{TileCol}` `{TileRow}`, and `{s:0-7}` or `{s:abc}` for the
/// server's subdomains (chosen per tile, so a browser-style spread of requests). A Tianditu key is
/// part of the template (`…&tk=KEY`). Templates of AMap (autonavi) serve GCJ-02 tiles.
///
/// Example (Tianditu vector, Web Mercator):
/// `https://t{s:0-7}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=KEY`
public final class UrlTileSource implements TileSource {
    private static final Pattern SUBDOMAINS = Pattern.compile("\\{s:([^}]+)}");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String template;
    private final List<String> subdomains;
    private final HttpClient http;

    public UrlTileSource(String template) {
        if (!template.startsWith("http://") && !template.startsWith("https://")) {
            throw new IllegalArgumentException("a tile URL starts with http:// or https://: " + template);
        }
        boolean hasZ = template.contains("{z}") || template.contains("{TileMatrix}");
        boolean hasX = template.contains("{x}") || template.contains("{TileCol}");
        boolean hasY = template.contains("{y}") || template.contains("{-y}") || template.contains("{TileRow}");
        if (!hasZ || !hasX || !hasY) {
            throw new IllegalArgumentException("a tile URL template needs {z}, {x} and {y} (or WMTS's {TileMatrix}, "
                    + "{TileCol}, {TileRow}): " + template);
        }
        this.template = template;
        this.subdomains = subdomains(template);
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static List<String> subdomains(String template) {
        Matcher m = SUBDOMAINS.matcher(template);
        if (!m.find()) {
            return List.of("");
        }
        String spec = m.group(1);
        List<String> names = new ArrayList<>();
        if (spec.matches("\\d+-\\d+")) {
            String[] range = spec.split("-");
            for (int i = Integer.parseInt(range[0]); i <= Integer.parseInt(range[1]); i++) {
                names.add(Integer.toString(i));
            }
        } else {
            spec.chars().forEach(c -> names.add(Character.toString(c)));
        }
        return List.copyOf(names);
    }

    /// The URL of one tile.
    public String url(TileKey key) {
        String subdomain = subdomains.get(Math.floorMod(key.x() + key.y(), subdomains.size()));
        return SUBDOMAINS.matcher(template).replaceAll(Matcher.quoteReplacement(subdomain))
                .replace("{z}", Integer.toString(key.z())).replace("{TileMatrix}", Integer.toString(key.z()))
                .replace("{x}", Integer.toString(key.x())).replace("{TileCol}", Integer.toString(key.x()))
                .replace("{-y}", Integer.toString(key.tmsY()))
                .replace("{y}", Integer.toString(key.y())).replace("{TileRow}", Integer.toString(key.y()));
    }

    @Override
    public Optional<byte[]> fetch(TileKey key) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(key))).timeout(TIMEOUT)
                .header("User-Agent", "GridDesk/1 (grid governance desk)").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404 || response.statusCode() == 204) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException("tile server answered " + response.statusCode() + " for " + key);
            }
            return Optional.of(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + key, e);
        }
    }

    /// A digest of the template: another server, layer or key gets its own cache folder.
    @Override
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
            return "url-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean gcj02() {
        return template.contains("autonavi") || template.contains("amap.com");
    }
}
