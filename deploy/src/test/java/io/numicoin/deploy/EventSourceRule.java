package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;

/**
 * Exactly one node of a region publishes its outbox to Kafka (numi.events.publish=true), counting
 * replicas: a StatefulSet of two publishing pods is two event sources.
 */
final class EventSourceRule {

    private EventSourceRule() {
    }

    static void check(Manifests manifests, List<String> problems) {
        int sources = 0;
        for (Manifests.Workload workload : manifests.workloads()) {
            if (!workload.component().equals("node")) {
                continue;
            }
            Container node = workload.containers().getFirst();
            String publish = node.getEnv().stream().filter(e -> e.getName().equals("NUMI_EVENTS_PUBLISH")).map(EnvVar::getValue)
                    .findFirst().orElse(null);
            if (publish == null) {
                problems.add(workload.name() + ": NUMI_EVENTS_PUBLISH is not set (the node's default publishes: say which node is the source)");
            } else if (publish.equals("true")) {
                sources += workload.replicas();
            }
        }
        if (sources != 1) {
            problems.add(sources + " event-source nodes (NUMI_EVENTS_PUBLISH=true) in the region; exactly one must publish");
        }
    }
}
