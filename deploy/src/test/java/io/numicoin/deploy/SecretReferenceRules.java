package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every Secret a pod names (environment, volumes) is one the release renders, holding the key named,
 * or one of the Secrets the operator always provides by hand ({@code secrets.external}); no
 * rendered Secret has an empty value.
 */
final class SecretReferenceRules {

    private SecretReferenceRules() {
    }

    static void check(Manifests manifests, Set<String> external, List<String> problems) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (Secret secret : manifests.secrets()) {
            Set<String> names = new HashSet<>();
            if (secret.getData() != null) {
                secret.getData().forEach((key, value) -> {
                    names.add(key);
                    if (value == null || value.isBlank()) {
                        problems.add("Secret " + secret.getMetadata().getName() + ": " + key + " is empty");
                    }
                });
            }
            if (secret.getStringData() != null) {
                names.addAll(secret.getStringData().keySet());
            }
            keys.put(secret.getMetadata().getName(), names);
        }
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.allContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        require(workload.name() + "/" + container.getName() + " " + env.getName(), ref.getName(), ref.getKey(), keys, external, problems);
                    }
                }
            }
            for (Volume volume : workload.template().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    String where = workload.name() + " volume " + volume.getName();
                    List<KeyToPath> items = volume.getSecret().getItems();
                    if (items == null || items.isEmpty()) {
                        require(where, volume.getSecret().getSecretName(), null, keys, external, problems);
                    } else {
                        items.forEach(item -> require(where, volume.getSecret().getSecretName(), item.getKey(), keys, external, problems));
                    }
                }
            }
        }
    }

    private static void require(String where, String secret, String key, Map<String, Set<String>> keys, Set<String> external, List<String> problems) {
        if (external.contains(secret)) {
            return;
        }
        if (!keys.containsKey(secret)) {
            problems.add(where + ": Secret " + secret + " is neither rendered nor one of secrets.external " + external);
        } else if (key != null && !keys.get(secret).contains(key)) {
            problems.add(where + ": Secret " + secret + " has no key " + key + " (it has " + keys.get(secret) + ")");
        }
    }
}
