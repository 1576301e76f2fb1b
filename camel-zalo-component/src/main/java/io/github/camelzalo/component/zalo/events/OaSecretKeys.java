package io.github.camelzalo.component.zalo.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloAppAccount;

/**
 * The secret keys that may sign an OA's events: those listed for it in {@code zalo.oaSecretKeys}
 * ({@code <oaId>:<key>} entries, separated by commas, an OA listed twice during a rotation), else
 * {@code zalo.oaSecretKey} and {@code zalo.previousOaSecretKey}. Holds the keys as bytes and never shows them.
 */
final class OaSecretKeys {

    private final Map<String, List<byte[]>> perOa;
    private final List<byte[]> common;

    private OaSecretKeys(Map<String, List<byte[]>> perOa, List<byte[]> common) {
        this.perOa = perOa;
        this.common = common;
    }

    /**
     * @throws IllegalArgumentException when an entry of {@code zalo.oaSecretKeys} is not {@code <numeric oaId>:<key>}
     *                                  (the message names the entry's position, never its key)
     */
    static OaSecretKeys of(ZaloAppAccount app) {
        Map<String, List<byte[]>> perOa = new LinkedHashMap<>();
        List<byte[]> common = new ArrayList<>();
        if (app == null) {
            return new OaSecretKeys(perOa, common);
        }
        addIfSet(common, app.getOaSecretKey());
        addIfSet(common, app.getPreviousOaSecretKey());
        String listed = app.getOaSecretKeys();
        if (listed != null && !listed.isBlank()) {
            String[] entries = listed.split(",");
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].strip();
                int colon = entry.indexOf(':');
                if (colon <= 0 || colon == entry.length() - 1 || !entry.substring(0, colon).strip().matches("\\d{1,32}")) {
                    throw new IllegalArgumentException("Entry " + (i + 1) + " of zalo.oaSecretKeys"
                                                       + " (camel.component.zalo.zalo.oa-secret-keys) must be"
                                                       + " <numeric OA id>:<the OA's secret key>");
                }
                perOa.computeIfAbsent(entry.substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(entry.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new OaSecretKeys(perOa, common);
    }

    private static void addIfSet(List<byte[]> keys, String key) {
        if (key != null && !key.isBlank()) {
            keys.add(key.strip().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The keys that may sign events of {@code oaId}, current first; empty when none is configured for it. */
    List<byte[]> of(String oaId) {
        List<byte[]> keys = oaId == null ? null : perOa.get(oaId);
        return keys != null ? keys : common;
    }

    boolean isEmpty() {
        return perOa.isEmpty() && common.isEmpty();
    }

    @Override
    public String toString() {
        return "OaSecretKeys[" + perOa.size() + " OAs listed, " + common.size() + " keys for the others]";
    }
}
