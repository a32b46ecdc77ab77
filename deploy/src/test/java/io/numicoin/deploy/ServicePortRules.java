package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;

/**
 * Every Service selects pods of the release, and every port of it reaches a port a container of
 * each selected workload declares (by name or number, with the same protocol).
 */
final class ServicePortRules {

    private ServicePortRules() {
    }

    static void check(Manifests manifests, List<String> problems) {
        for (Service service : manifests.services()) {
            String name = "Service " + service.getMetadata().getName();
            List<Manifests.Workload> selected = manifests.workloads().stream()
                    .filter(w -> w.selectedBy(service.getSpec().getSelector())).toList();
            if (selected.isEmpty()) {
                problems.add(name + ": its selector " + service.getSpec().getSelector() + " matches no pod of the release");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                for (Manifests.Workload workload : selected) {
                    if (workload.containers().stream().noneMatch(c -> declares(c, target, protocol))) {
                        problems.add(name + ": port " + port.getName() + " targets " + text(target) + "/" + protocol
                                + ", which no container of " + workload.name() + " declares");
                    }
                }
            }
        }
    }

    private static boolean declares(Container container, IntOrString target, String protocol) {
        for (ContainerPort port : container.getPorts()) {
            String portProtocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            boolean same = target.getStrVal() != null ? target.getStrVal().equals(port.getName()) : target.getIntVal().equals(port.getContainerPort());
            if (same && portProtocol.equals(protocol)) {
                return true;
            }
        }
        return false;
    }

    private static String text(IntOrString value) {
        return value.getStrVal() != null ? value.getStrVal() : String.valueOf(value.getIntVal());
    }
}
