package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small install (numi-postgres, numi-kafka) serves what the components ask for: every database a
 * component's JDBC URL names (a node's for each of its pods) is created by PostgreSQL's init script,
 * owned by the role whose Secret the component logs in with; every Kafka user Secret a component
 * uses is one the broker knows.
 */
final class SmallInstallRules {

    private static final Pattern ROLE_ENV = Pattern.compile("ROLE_(\\d+)_USERNAME");
    private static final Pattern ROLE_LINE = Pattern.compile("role \"\\$ROLE_(\\d+)_USERNAME\"");
    private static final Pattern DATABASE_LINE = Pattern.compile("database \"([^\"]+)\" \"\\$ROLE_(\\d+)_USERNAME\"");

    private SmallInstallRules() {
    }

    static void check(Manifests manifests, List<String> problems) {
        manifests.workloads().stream().filter(w -> w.component().equals("postgres")).findFirst()
                .ifPresent(postgres -> checkPostgres(manifests, postgres, problems));
        manifests.workloads().stream().filter(w -> w.component().equals("kafka")).findFirst()
                .ifPresent(kafka -> checkKafka(manifests, kafka, problems));
    }

    private static void checkPostgres(Manifests manifests, Manifests.Workload postgres, List<String> problems) {
        Map<String, String> roleSecrets = new LinkedHashMap<>();
        for (EnvVar env : postgres.containers().getFirst().getEnv()) {
            Matcher m = ROLE_ENV.matcher(env.getName());
            if (m.matches()) {
                roleSecrets.put(m.group(1), env.getValueFrom().getSecretKeyRef().getName());
            }
        }
        String script = manifests.of(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().endsWith("-postgres-init"))
                .flatMap(c -> c.getData().values().stream()).findFirst().orElse("");
        Map<String, String> owners = new LinkedHashMap<>();
        Matcher databases = DATABASE_LINE.matcher(script);
        while (databases.find()) {
            owners.put(databases.group(1), roleSecrets.get(databases.group(2)));
        }
        Set<String> created = new LinkedHashSet<>();
        Matcher roles = ROLE_LINE.matcher(script);
        while (roles.find()) {
            created.add(roles.group(1));
        }
        owners.values().removeIf(secret -> secret == null);
        for (Manifests.Workload workload : manifests.workloads()) {
            if (!ChartSettingRules.MODULES.containsKey(workload.component())) {
                continue;
            }
            var env = workload.containers().getFirst().getEnv();
            String url = value(env, "SPRING_DATASOURCE_URL");
            if (url == null) {
                continue;
            }
            String secret = env.stream().filter(e -> e.getName().equals("SPRING_DATASOURCE_USERNAME")).findFirst()
                    .map(e -> e.getValueFrom().getSecretKeyRef().getName()).orElse("?");
            String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
            for (Map<String, String> labels : workload.podLabelSets()) {
                String name = database.replace("$(POD_NAME)", labels.getOrDefault("statefulset.kubernetes.io/pod-name", workload.name()));
                if (!owners.containsKey(name)) {
                    problems.add(workload.name() + ": database " + name + " is not created by the small PostgreSQL (numi-postgres.roles)");
                } else if (!owners.get(name).equals(secret)) {
                    problems.add(workload.name() + ": database " + name + " belongs to the role of " + owners.get(name) + ", but it logs in with " + secret);
                }
            }
        }
        if (created.size() != roleSecrets.size()) {
            problems.add("the small PostgreSQL's init script creates " + created.size() + " roles for " + roleSecrets.size() + " role Secrets");
        }
    }

    private static void checkKafka(Manifests manifests, Manifests.Workload kafka, List<String> problems) {
        Set<String> users = new LinkedHashSet<>();
        for (EnvVar env : kafka.containers().getFirst().getEnv()) {
            if (env.getName().matches("USER_\\d+_NAME")) {
                users.add(env.getValueFrom().getSecretKeyRef().getName());
            }
        }
        for (Manifests.Workload workload : manifests.workloads()) {
            workload.containers().getFirst().getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_USERNAME")).findFirst()
                    .map(e -> e.getValueFrom().getSecretKeyRef().getName())
                    .filter(secret -> !users.contains(secret))
                    .ifPresent(secret -> problems.add(workload.name() + ": Kafka user of " + secret + " is not one of the small broker's (numi-kafka.userSecrets)"));
        }
    }

    private static String value(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }
}
