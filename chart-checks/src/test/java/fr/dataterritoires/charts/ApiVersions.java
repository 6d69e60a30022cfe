package fr.dataterritoires.charts;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API versions a rendered object may use: those served by the Kubernetes versions the suite targets (1.30 and
 * later, Chart.yaml kubeVersion) and by the operators whose custom resources it declares. The fabric8 model still
 * carries removed versions (policy/v1beta1 PodDisruptionBudget, autoscaling/v2beta2, ...), so binding alone would
 * not catch them: this list does, and names the replacement for the versions Kubernetes removed.
 */
final class ApiVersions {

    static final Set<String> SERVED = Set.of(
            "v1", "apps/v1", "batch/v1", "autoscaling/v2", "autoscaling/v1", "policy/v1", "networking.k8s.io/v1",
            "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1",
            // operators: Prometheus Operator, CloudNativePG, ECK, RabbitMQ cluster and topology operators
            "monitoring.coreos.com/v1", "postgresql.cnpg.io/v1", "elasticsearch.k8s.elastic.co/v1",
            "rabbitmq.com/v1beta1");

    static final Map<String, String> REMOVED = Map.ofEntries(
            Map.entry("policy/v1beta1", "removed in Kubernetes 1.25 (PodDisruptionBudget: policy/v1)"),
            Map.entry("autoscaling/v2beta1", "removed in Kubernetes 1.25 (autoscaling/v2)"),
            Map.entry("autoscaling/v2beta2", "removed in Kubernetes 1.26 (autoscaling/v2)"),
            Map.entry("batch/v1beta1", "removed in Kubernetes 1.25 (CronJob: batch/v1)"),
            Map.entry("networking.k8s.io/v1beta1", "removed in Kubernetes 1.22 (networking.k8s.io/v1)"),
            Map.entry("extensions/v1beta1", "removed in Kubernetes 1.16-1.22 (apps/v1, networking.k8s.io/v1)"),
            Map.entry("apps/v1beta1", "removed in Kubernetes 1.16 (apps/v1)"),
            Map.entry("apps/v1beta2", "removed in Kubernetes 1.16 (apps/v1)"),
            Map.entry("rbac.authorization.k8s.io/v1beta1", "removed in Kubernetes 1.22 (rbac.authorization.k8s.io/v1)"),
            Map.entry("scheduling.k8s.io/v1beta1", "removed in Kubernetes 1.22 (scheduling.k8s.io/v1)"),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta3", "removed in Kubernetes 1.32"),
            Map.entry("monitoring.coreos.com/v1alpha1", "not served for ServiceMonitor/PrometheusRule (v1)"),
            Map.entry("postgresql.cnpg.io/v1alpha1", "never served by CloudNativePG (v1)"));

    private ApiVersions() {
    }

    /** Why an apiVersion cannot be used, or empty when it is served. */
    static Optional<String> problem(String apiVersion) {
        if (apiVersion == null) {
            return Optional.of("no apiVersion");
        }
        if (REMOVED.containsKey(apiVersion)) {
            return Optional.of("apiVersion " + apiVersion + " is " + REMOVED.get(apiVersion));
        }
        if (!SERVED.contains(apiVersion)) {
            return Optional.of("apiVersion " + apiVersion + " is not among the versions served by the target "
                    + "clusters (Kubernetes >= 1.30 and the operators): " + SERVED);
        }
        return Optional.empty();
    }
}
