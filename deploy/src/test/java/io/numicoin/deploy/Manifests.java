package io.numicoin.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A rendered release read into typed Kubernetes objects (fabric8 kubernetes-model). */
final class Manifests {

    /** A Deployment or StatefulSet: its name, component (app.kubernetes.io/name), replicas and pod template. */
    record Workload(String kind, String name, String component, int replicas, PodTemplateSpec template) {

        Map<String, String> podLabels() {
            return template.getMetadata().getLabels();
        }

        /**
         * The labels each pod will carry: the template's, and for a StatefulSet the one its controller
         * adds per ordinal ({@code statefulset.kubernetes.io/pod-name: <name>-<i>}).
         */
        List<Map<String, String>> podLabelSets() {
            if (!kind.equals("StatefulSet")) {
                return List.of(podLabels());
            }
            List<Map<String, String>> sets = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                Map<String, String> labels = new java.util.LinkedHashMap<>(podLabels());
                labels.put("statefulset.kubernetes.io/pod-name", name + "-" + i);
                sets.add(labels);
            }
            return sets;
        }

        /** Whether {@code selector} selects some pod of this workload. */
        boolean selectedBy(Map<String, String> selector) {
            return podLabelSets().stream().anyMatch(labels -> selects(selector, labels));
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }

        List<Container> allContainers() {
            List<Container> all = new ArrayList<>(template.getSpec().getInitContainers());
            all.addAll(containers());
            return all;
        }
    }

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static Manifests parse(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).map(HasMetadata.class::cast).forEach(objects::add);
        } else if (parsed instanceof KubernetesList list) {
            objects.addAll(list.getItems());
        } else if (parsed instanceof HasMetadata single) {
            objects.add(single);
        }
        return new Manifests(objects);
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Objects of a kind fabric8 has no model class for here (ServiceMonitor, PrometheusRule). */
    List<GenericKubernetesResource> generic(String kind) {
        return of(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : of(Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), component(d.getSpec().getTemplate()),
                    replicas(d.getSpec().getReplicas()), d.getSpec().getTemplate()));
        }
        for (StatefulSet s : of(StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), component(s.getSpec().getTemplate()),
                    replicas(s.getSpec().getReplicas()), s.getSpec().getTemplate()));
        }
        return workloads;
    }

    List<StatefulSet> statefulSets() {
        return of(StatefulSet.class);
    }

    List<Service> services() {
        return of(Service.class);
    }

    List<Secret> secrets() {
        return of(Secret.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return of(NetworkPolicy.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return of(PodDisruptionBudget.class);
    }

    /** Whether every label of {@code selector} is on {@code labels} (a Service's or policy's match). */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static String component(PodTemplateSpec template) {
        return template.getMetadata().getLabels().getOrDefault("app.kubernetes.io/name", "?");
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }
}
