package io.numicoin.explorer.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;

/**
 * The UI's own assets under {@code /static/} (no CDN), each linked with a version from its content
 * ({@code /static/explorer.css?v=<sha-256 prefix>}), so they can be cached for a year and a new
 * build is fetched at once.
 */
public final class StaticAssets {

    static final List<String> FILES = List.of("explorer.css", "live.js", "favicon.svg");

    private final Map<String, String> urls = new TreeMap<>();

    public StaticAssets() {
        for (String file : FILES) {
            urls.put(file, "/static/" + file + "?v=" + version(file));
        }
    }

    /** The versioned URL of {@code file} (one of {@link #FILES}). */
    public String url(String file) {
        String url = urls.get(file);
        if (url == null) {
            throw new IllegalArgumentException("no static asset " + file);
        }
        return url;
    }

    private static String version(String file) {
        try (InputStream in = new ClassPathResource("static/" + file).getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("the web UI's asset " + file + " is missing", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
