package io.numicoin.deploy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * What every service of the compose file needs: a pinned image version (when not built), a
 * healthcheck (but a tool, {@link ToolRules}), a memory limit, dependencies that wait for health, volumes that exist.
 */
final class ServiceRules {

    private ServiceRules() {
    }

    static void check(Deployment deployment, List<String> problems) {
        List<String> namedVolumes = deployment.compose().volumes();
        for (ComposeService service : deployment.services().values()) {
            String name = service.name();
            if (service.build().isEmpty()) {
                String image = service.image().orElse("");
                String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
                if (tag.isEmpty() || tag.equals("latest") || tag.contains("/")) {
                    problems.add(name + ": image " + image + " has no pinned version tag");
                }
            }
            if (service.healthcheck().isEmpty() && !ToolRules.isTool(service)) {
                problems.add(name + ": no healthcheck (every service needs one: the others wait for it with service_healthy)");
            }
            if (service.memoryLimit().isEmpty()) {
                problems.add(name + ": no memory limit (set mem_limit)");
            }
            for (Map.Entry<String, String> dependency : service.dependsOn().entrySet()) {
                if (!deployment.services().containsKey(dependency.getKey())) {
                    problems.add(name + ": depends_on " + dependency.getKey() + ", which is no service of the compose file");
                } else if (!"service_healthy".equals(dependency.getValue())) {
                    problems.add(name + ": depends_on " + dependency.getKey() + " without condition: service_healthy (found "
                            + (dependency.getValue() == null ? "no condition" : dependency.getValue()) + ")");
                }
            }
            for (ComposeService.Mount mount : service.volumes()) {
                if (mount.isBind()) {
                    if (!Files.exists(deployment.root().resolve(mount.source()).normalize())) {
                        problems.add(name + ": mounts " + mount.source() + ", which does not exist in the repository");
                    }
                } else if (!mount.source().isEmpty() && !namedVolumes.contains(mount.source())) {
                    problems.add(name + ": mounts volume " + mount.source() + ", which the top-level volumes do not declare");
                }
            }
        }
    }
}
