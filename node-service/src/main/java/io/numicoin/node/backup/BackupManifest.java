package io.numicoin.node.backup;

import io.numicoin.protocol.hash.Hash256;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a backup holds: the network, the schema version it was taken from (a restore needs the same),
 * and the tip at the moment of the snapshot (empty for a node that had stored nothing).
 */
public record BackupManifest(String network, String schema, Optional<Hash256> tip, long height) {

    public byte[] encode() {
        String text = "network=" + network + "\nschema=" + schema + "\ntip=" + tip.map(Hash256::toHex).orElse("") + "\nheight=" + height + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static BackupManifest decode(byte[] bytes) throws BackupException {
        Map<String, String> values = new HashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            String tip = values.getOrDefault("tip", "");
            return new BackupManifest(required(values, "network"), required(values, "schema"),
                    tip.isEmpty() ? Optional.empty() : Optional.of(Hash256.fromHex(tip)), Long.parseLong(required(values, "height")));
        } catch (IllegalArgumentException e) {
            throw new BackupException("the backup's manifest is malformed: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> values, String key) throws BackupException {
        String value = values.get(key);
        if (value == null) {
            throw new BackupException("the backup's manifest has no " + key);
        }
        return value;
    }
}
