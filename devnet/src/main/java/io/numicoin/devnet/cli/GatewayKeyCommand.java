package io.numicoin.devnet.cli;

import io.numicoin.gateway.key.ApiKey;
import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code ./numi gateway key create|list|revoke}: the gateway's API keys, straight in its PostgreSQL
 * schema (made by the gateway's migrations when it first starts). A new key's text is printed once;
 * only its hash is stored. A revocation reaches every running gateway replica at once (a trigger
 * notifies them).
 */
public final class GatewayKeyCommand {

    public static final String USAGE = """
            usage: ./numi gateway key COMMAND [options]

              create --label L [--scopes read,submit] [--rate R] [--burst B] [--expensive-rate R] [--expensive-burst B]
                                         a new key (default scopes read,submit; limits 50/s burst 200, expensive
                                         5/s burst 20); prints the key once: give it to the client, it is not kept
              list                       every key: id, label, scopes, limits, created, revoked
              revoke ID                  refuse the key from now on, on every gateway replica

              --db URL        the gateway's database (default the devnet's, jdbc:postgresql://127.0.0.1:5433/numi_gateway)
              --db-user U     (default postgres; the password, if any, from NUMI_GATEWAY_DB_PASSWORD)
              --schema S      (default gateway)
            """;

    static final String DEFAULT_DB = "jdbc:postgresql://127.0.0.1:5433/numi_gateway";

    private final PrintStream out;

    public GatewayKeyCommand(PrintStream out) {
        this.out = out;
    }

    public int run(List<String> args) throws SQLException {
        if (args.size() < 2 || !args.getFirst().equals("key") || args.get(1).equals("help")) {
            out.print(USAGE);
            return args.size() >= 2 && args.get(1).equals("help") ? 0 : 2;
        }
        String command = args.get(1);
        Map<String, String> options = new HashMap<>();
        String positional = null;
        for (int i = 2; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                options.put(a.substring(2), args.get(++i));
            } else if (positional == null) {
                positional = a;
            } else {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
        }
        ApiKeyStore store = store(options);
        return switch (command) {
            case "create" -> create(store, options);
            case "list" -> list(store);
            case "revoke" -> revoke(store, positional);
            default -> throw new IllegalArgumentException("unknown command '" + command + "' (create, list, revoke)");
        };
    }

    private int create(ApiKeyStore store, Map<String, String> options) throws SQLException {
        String label = options.get("label");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("--label is required (who the key is for)");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : options.getOrDefault("scopes", "read,submit").split(",")) {
            scopes.add(Scope.parse(s));
        }
        Limits limits = new Limits(number(options, "rate", 50), (int) number(options, "burst", 200),
                number(options, "expensive-rate", 5), (int) number(options, "expensive-burst", 20));
        ApiKeyStore.Created created = store.create(label.strip(), scopes, limits);
        out.println("key:    " + created.token().text());
        out.println("id:     " + created.key().id() + "  (the key itself is shown only now; send it as X-Api-Key)");
        out.println("scopes: " + scopes(created.key()) + "  limits: " + limits(created.key().limits()));
        return 0;
    }

    private int list(ApiKeyStore store) throws SQLException {
        List<ApiKey> keys = store.list();
        out.printf(Locale.ROOT, "%-12s  %-20s  %-12s  %-32s  %-20s  %s%n", "id", "label", "scopes", "limits", "created", "revoked");
        for (ApiKey k : keys) {
            out.printf(Locale.ROOT, "%-12s  %-20s  %-12s  %-32s  %-20s  %s%n", k.id(), k.label(), scopes(k), limits(k.limits()),
                    k.createdAt().toString().substring(0, 19), k.revokedAt().map(t -> t.toString().substring(0, 19)).orElse("-"));
        }
        return 0;
    }

    private int revoke(ApiKeyStore store, String id) throws SQLException {
        if (id == null) {
            throw new IllegalArgumentException("revoke needs the key's id (./numi gateway key list)");
        }
        if (!store.revoke(id)) {
            out.println("no active key " + id);
            return 1;
        }
        out.println("revoked " + id);
        return 0;
    }

    private static ApiKeyStore store(Map<String, String> options) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(options.getOrDefault("db", DEFAULT_DB));
        ds.setUser(options.getOrDefault("db-user", "postgres"));
        String password = System.getenv("NUMI_GATEWAY_DB_PASSWORD");
        if (password != null) {
            ds.setPassword(password);
        }
        return new ApiKeyStore(ds, options.getOrDefault("schema", "gateway"));
    }

    private static double number(Map<String, String> options, String name, double fallback) {
        String v = options.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + v);
        }
    }

    private static String scopes(ApiKey key) {
        return key.scopes().stream().map(Scope::id).sorted().collect(Collectors.joining(","));
    }

    private static String limits(Limits l) {
        return String.format(Locale.ROOT, "%.3g/s burst %d, expensive %.3g/s burst %d", l.rate(), l.burst(), l.expensiveRate(), l.expensiveBurst());
    }
}
