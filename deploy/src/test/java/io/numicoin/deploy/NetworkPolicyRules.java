package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ingress as the design allows it: every pod of the release under a policy (with a default deny for
 * the release), and from anywhere (no peers, or 0.0.0.0/0 or ::/0) only the gateway's HTTP port, the
 * DNS seed's DNS port and the nodes' p2p port.
 */
final class NetworkPolicyRules {

    /** Component to the container ports (by name) that may be reached from anywhere. */
    static final Map<String, Set<String>> PUBLIC = Map.of("gateway", Set.of("http"), "seed", Set.of("dns", "dns-udp"), "node", Set.of("p2p"));

    private NetworkPolicyRules() {
    }

    static void check(Manifests manifests, String release, List<String> problems) {
        List<NetworkPolicy> policies = manifests.networkPolicies();
        boolean defaultDeny = policies.stream().anyMatch(p -> Map.of("app.kubernetes.io/instance", release).equals(p.getSpec().getPodSelector().getMatchLabels())
                && p.getSpec().getPolicyTypes().contains("Ingress") && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        if (!defaultDeny) {
            problems.add("no NetworkPolicy denies ingress to every pod of release " + release + " by default");
        }
        for (Manifests.Workload workload : manifests.workloads()) {
            List<NetworkPolicy> own = policies.stream()
                    .filter(p -> Manifests.selects(p.getSpec().getPodSelector().getMatchLabels(), workload.podLabels())).toList();
            if (own.isEmpty()) {
                problems.add(workload.name() + ": no NetworkPolicy selects its pods");
            }
            for (NetworkPolicy policy : own) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    if (!fromAnywhere(rule)) {
                        continue;
                    }
                    if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                        problems.add("NetworkPolicy " + policy.getMetadata().getName() + ": every port of " + workload.name() + " is open to anyone");
                        continue;
                    }
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        String name = portName(workload, port);
                        if (!PUBLIC.getOrDefault(workload.component(), Set.of()).contains(name)) {
                            problems.add("NetworkPolicy " + policy.getMetadata().getName() + ": " + workload.name() + " port " + name
                                    + " is open to anyone; only the gateway's http, the seed's dns and the nodes' p2p may be");
                        }
                    }
                }
            }
        }
    }

    private static boolean fromAnywhere(NetworkPolicyIngressRule rule) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : rule.getFrom()) {
            if (peer.getIpBlock() != null && Set.of("0.0.0.0/0", "::/0").contains(peer.getIpBlock().getCidr())) {
                return true;
            }
        }
        return false;
    }

    /** The container port's name a policy port means ("?" with the number when no container declares it). */
    private static String portName(Manifests.Workload workload, NetworkPolicyPort port) {
        if (port.getPort() == null) {
            return "(all)";
        }
        if (port.getPort().getStrVal() != null) {
            return port.getPort().getStrVal();
        }
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        for (var container : workload.containers()) {
            for (ContainerPort declared : container.getPorts()) {
                if (port.getPort().getIntVal().equals(declared.getContainerPort()) && protocol.equals(declared.getProtocol() == null ? "TCP" : declared.getProtocol())) {
                    return declared.getName();
                }
            }
        }
        return "?" + port.getPort().getIntVal();
    }
}
