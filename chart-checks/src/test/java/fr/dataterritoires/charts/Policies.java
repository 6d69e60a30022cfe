package fr.dataterritoires.charts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Policy assertions on a rendered set of objects, beyond what the schemas can say: hardened pods, probes, ports that
 * agree, one PDB/NetworkPolicy/Service/ServiceMonitor per service, HPA targets that exist, no secret values, and
 * NetworkPolicies that open exactly the declared flows.
 */
final class Policies {

    private static final String NAME = "app.kubernetes.io/name";
    private static final Pattern SECRET_LIKE = Pattern.compile("PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY");
    private static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16");
    /** Spring's graceful shutdown phase (platform-defaults.properties: timeout-per-shutdown-phase=20s). */
    private static final int SPRING_SHUTDOWN_SECONDS = 20;

    private final List<Map<String, Object>> objects;
    private final SuiteValues values;
    private final List<String> problems = new ArrayList<>();

    private Policies(List<Map<String, Object>> objects, SuiteValues values) {
        this.objects = objects;
        this.values = values;
    }

    static List<String> check(List<Map<String, Object>> objects, SuiteValues values) {
        Policies policies = new Policies(objects, values);
        policies.run();
        return policies.problems;
    }

    private void run() {
        for (Map<String, Object> object : objects) {
            String kind = Yaml.string(object, "kind");
            if ("Secret".equals(kind)) {
                problem(object, "renders a Secret: charts reference Secrets, they never carry secret values");
            }
            if ("ConfigMap".equals(kind)) {
                checkConfigMap(object);
            }
            Map<String, Object> podSpec = podSpec(object);
            if (podSpec != null) {
                checkPod(object, podSpec);
            }
        }
        for (String service : values.services()) {
            checkService(service);
        }
        for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
            checkHpa(hpa);
        }
        for (Map<String, Object> policy : ofKind("NetworkPolicy")) {
            checkNetworkPolicy(policy);
        }
    }

    // ---- configuration --------------------------------------------------------------------------------------

    /** A ConfigMap (springConfig, env) must not carry a credential: keys that name one may only hold a ${placeholder}. */
    private void checkConfigMap(Map<String, Object> configMap) {
        for (Map.Entry<String, Object> entry : Yaml.map(configMap, "data").entrySet()) {
            String value = String.valueOf(entry.getValue());
            if (entry.getKey().endsWith(".yaml") || entry.getKey().endsWith(".yml")) {
                try {
                    for (Map<String, Object> document : Yaml.documents(value)) {
                        secretLikeLeaves(configMap, entry.getKey(), document);
                    }
                } catch (RuntimeException e) {
                    problem(configMap, entry.getKey() + " is not valid YAML: " + e.getMessage());
                }
            } else if (credential(entry.getKey(), value)) {
                problem(configMap, "key " + entry.getKey() + " looks like a credential: read it from a Secret");
            }
        }
    }

    private static boolean credential(String key, Object value) {
        String text = String.valueOf(value);
        return SECRET_LIKE.matcher(key.toUpperCase().replace('-', '_')).find() && value != null && !text.isBlank()
                && !text.matches("\\$\\{[^}]+}")
                // a path to a file of a mounted Secret (TLS private key) names the secret, it does not hold it
                && !text.startsWith("file:/");
    }

    private void secretLikeLeaves(Map<String, Object> configMap, String path, Object node) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = path + ":" + entry.getKey();
                Object value = entry.getValue();
                if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)
                        && credential(String.valueOf(entry.getKey()), value)) {
                    problem(configMap, child + " looks like a credential: read it from a Secret (secretEnv)");
                }
                secretLikeLeaves(configMap, child, value);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                secretLikeLeaves(configMap, path + "[]", item);
            }
        }
    }

    // ---- pods ------------------------------------------------------------------------------------------------

    private static Map<String, Object> podSpec(Map<String, Object> object) {
        String kind = Yaml.string(object, "kind");
        if (List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(kind)) {
            return Yaml.map(object, "spec", "template", "spec");
        }
        if ("CronJob".equals(kind)) {
            return Yaml.map(object, "spec", "jobTemplate", "spec", "template", "spec");
        }
        if ("Pod".equals(kind)) {
            return Yaml.map(object, "spec");
        }
        return null;
    }

    private void checkPod(Map<String, Object> object, Map<String, Object> pod) {
        Map<String, Object> security = Yaml.map(pod, "securityContext");
        if (!Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
            problem(object, "pod securityContext.runAsNonRoot is not true");
        }
        if (!"RuntimeDefault".equals(Yaml.string(security, "seccompProfile", "type"))) {
            problem(object, "pod seccompProfile is not RuntimeDefault");
        }
        Set<String> emptyDirs = new HashSet<>();
        for (Map<String, Object> volume : Yaml.maps(pod, "volumes")) {
            if (volume.containsKey("emptyDir")) {
                emptyDirs.add(Yaml.string(volume, "name"));
            }
        }
        List<Map<String, Object>> all = new ArrayList<>(Yaml.maps(pod, "initContainers"));
        all.addAll(Yaml.maps(pod, "containers"));
        for (Map<String, Object> container : all) {
            String where = "container " + container.get("name");
            checkImage(object, where, Yaml.string(container, "image"));
            Map<String, Object> sc = Yaml.map(container, "securityContext");
            if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
                problem(object, where + ": readOnlyRootFilesystem is not true");
            }
            if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                problem(object, where + ": allowPrivilegeEscalation is not false");
            }
            if (!Yaml.list(sc, "capabilities", "drop").contains("ALL")) {
                problem(object, where + ": capabilities do not drop ALL");
            }
            if (!Yaml.list(sc, "capabilities", "add").isEmpty()) {
                problem(object, where + ": adds capabilities");
            }
            if (Boolean.TRUE.equals(sc.get("privileged"))) {
                problem(object, where + ": is privileged");
            }
            for (String resource : List.of("cpu", "memory")) {
                for (String bound : List.of("requests", "limits")) {
                    if (Yaml.at(container, "resources", bound, resource) == null) {
                        problem(object, where + ": no " + bound + "." + resource);
                    }
                }
            }
            boolean tmp = Yaml.maps(container, "volumeMounts").stream()
                    .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(Yaml.string(m, "name")));
            if (!tmp && "Deployment".equals(object.get("kind"))) {
                problem(object, where + ": no emptyDir at /tmp (the root filesystem is read-only)");
            }
            for (Map<String, Object> env : Yaml.maps(container, "env")) {
                String name = Yaml.string(env, "name");
                if (name != null && SECRET_LIKE.matcher(name).find() && Yaml.at(env, "valueFrom", "secretKeyRef") == null) {
                    problem(object, where + ": " + name + " looks secret but is not read from a Secret (secretKeyRef)");
                }
            }
        }
        if ("Deployment".equals(object.get("kind"))) {
            for (Map<String, Object> container : Yaml.maps(pod, "containers")) {
                checkProbesAndShutdown(object, pod, container);
            }
            if (Yaml.maps(pod, "topologySpreadConstraints").isEmpty()) {
                problem(object, "no topologySpreadConstraints");
            }
            String account = Yaml.string(pod, "serviceAccountName");
            if (account == null || find("ServiceAccount", account) == null) {
                problem(object, "serviceAccountName " + account + " is not rendered");
            }
        }
    }

    private void checkImage(Map<String, Object> object, String where, String image) {
        if (image == null) {
            problem(object, where + ": no image");
            return;
        }
        String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
        int colon = afterRegistry.indexOf(':');
        if (image.contains("@sha256:")) {
            return;
        }
        if (colon < 0) {
            problem(object, where + ": image " + image + " has no tag (it would mean latest)");
        } else if (afterRegistry.substring(colon + 1).equals("latest")) {
            problem(object, where + ": image " + image + " uses the latest tag");
        }
    }

    private void checkProbesAndShutdown(Map<String, Object> object, Map<String, Object> pod,
            Map<String, Object> container) {
        String where = "container " + container.get("name");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : Yaml.maps(container, "ports")) {
            ports.put(Yaml.string(port, "name"), ((Number) port.get("containerPort")).intValue());
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> p = Yaml.map(container, probe);
            if (p.isEmpty()) {
                problem(object, where + ": no " + probe);
                continue;
            }
            Object httpPort = Yaml.at(p, "httpGet", "port");
            Object grpcPort = Yaml.at(p, "grpc", "port");
            if (httpPort == null && grpcPort == null) {
                problem(object, where + ": " + probe + " is neither an HTTP nor a gRPC probe");
            }
            if (httpPort != null && !(ports.containsKey(String.valueOf(httpPort)) || ports.containsValue(asInt(httpPort)))) {
                problem(object, where + ": " + probe + " probes port " + httpPort + " the container does not declare");
            }
            if (httpPort != null && !Objects.equals(asInt(httpPort) != null ? asInt(httpPort) : ports.get(String.valueOf(httpPort)), ports.get("http"))) {
                problem(object, where + ": " + probe + " HTTP probe is not on the http port");
            }
            if (grpcPort != null && !Objects.equals(asInt(grpcPort), ports.get("grpc"))) {
                problem(object, where + ": " + probe + " gRPC probe port " + grpcPort + " is not the grpc port " + ports.get("grpc"));
            }
        }
        // a service with its TLS certificate mounted serves HTTPS only: a plain HTTP probe would fail every time
        boolean servesTls = Yaml.maps(container, "volumeMounts").stream().anyMatch(m -> "/tls/server".equals(m.get("mountPath")));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            if (servesTls && Yaml.at(container, probe, "httpGet") != null
                    && !"HTTPS".equals(Yaml.at(container, probe, "httpGet", "scheme"))) {
                problem(object, where + ": serves TLS but its " + probe + " is plain HTTP");
            }
        }
        if (ports.containsKey("grpc")) {
            boolean grpcProbed = List.of("startupProbe", "livenessProbe", "readinessProbe").stream()
                    .anyMatch(probe -> Yaml.at(container, probe, "grpc") != null);
            // with TLS between services the kubelet's gRPC probe (plaintext only) cannot reach the port: the
            // liveness probe then goes over HTTPS, and every probe must (the server speaks TLS only)
            boolean tls = "HTTPS".equals(Yaml.at(container, "livenessProbe", "httpGet", "scheme"));
            if (!grpcProbed && !tls) {
                problem(object, where + ": has a grpc port but no native gRPC probe");
            }
        }
        Object sleep = Yaml.at(container, "lifecycle", "preStop", "sleep", "seconds");
        if (Yaml.at(container, "lifecycle", "preStop") == null) {
            problem(object, where + ": no preStop hook (endpoints need time to drop the pod before it stops)");
        }
        int grace = pod.get("terminationGracePeriodSeconds") instanceof Number n ? n.intValue() : 30;
        int needed = (sleep instanceof Number n ? n.intValue() : 0) + SPRING_SHUTDOWN_SECONDS;
        if (grace < needed) {
            problem(object, "terminationGracePeriodSeconds " + grace + " is shorter than preStop + Spring's shutdown ("
                    + needed + " s)");
        }
    }

    // ---- per service ---------------------------------------------------------------------------------------

    private void checkService(String service) {
        Map<String, Object> deployment = find("Deployment", service);
        if (deployment == null) {
            problems.add("policy: service " + service + ": no Deployment rendered");
            return;
        }
        Map<String, Object> podLabels = Yaml.map(deployment, "spec", "template", "metadata", "labels");
        if (!selects(Yaml.map(deployment, "spec", "selector", "matchLabels"), podLabels)) {
            problem(deployment, "selector does not match the pod template's labels");
        }
        Map<String, Object> container = Yaml.maps(deployment, "spec", "template", "spec", "containers").stream()
                .findFirst().orElse(Map.of());
        Map<String, Integer> containerPorts = new LinkedHashMap<>();
        for (Map<String, Object> port : Yaml.maps(container, "ports")) {
            containerPorts.put(Yaml.string(port, "name"), ((Number) port.get("containerPort")).intValue());
        }
        Map<String, Object> declaredPorts = Yaml.map(values.service(service), "ports");
        for (Map.Entry<String, Object> declared : declaredPorts.entrySet()) {
            if (!Objects.equals(containerPorts.get(declared.getKey()), asInt(declared.getValue()))) {
                problem(deployment, "container port " + declared.getKey() + " is " + containerPorts.get(declared.getKey())
                        + ", values declare " + declared.getValue());
            }
        }
        Map<String, Object> suiteEntry = Yaml.map(values.global(service), "services", service);
        if (suiteEntry.isEmpty()) {
            problem(deployment, "global.services has no entry for " + service + " (its ports, for flows and policies)");
        } else {
            if (!Objects.equals(asInt(suiteEntry.get("httpPort")), containerPorts.get("http"))
                    || !Objects.equals(asInt(suiteEntry.get("grpcPort")), containerPorts.get("grpc"))) {
                problem(deployment, "ports " + containerPorts + " disagree with global.services." + service + " " + suiteEntry);
            }
        }
        // Service
        List<Map<String, Object>> services = ofKind("Service").stream()
                .filter(s -> selects(Yaml.map(s, "spec", "selector"), podLabels)).toList();
        if (services.isEmpty()) {
            problem(deployment, "no Service selects its pods");
        }
        for (Map<String, Object> svc : services) {
            Set<String> names = new HashSet<>();
            for (Map<String, Object> port : Yaml.maps(svc, "spec", "ports")) {
                String name = Yaml.string(port, "name");
                names.add(name);
                Object target = port.getOrDefault("targetPort", port.get("port"));
                Integer targetNumber = asInt(target) != null ? asInt(target) : containerPorts.get(String.valueOf(target));
                if (targetNumber == null || !containerPorts.containsValue(targetNumber)) {
                    problem(svc, "port " + name + " targets " + target + ", which the container does not declare");
                } else if (!Objects.equals(asInt(port.get("port")), targetNumber)) {
                    problem(svc, "port " + name + " is " + port.get("port") + " but the container listens on " + targetNumber);
                }
                if (name != null && containerPorts.containsKey(name) && !Objects.equals(containerPorts.get(name), targetNumber)) {
                    problem(svc, "port " + name + " does not target the container port of the same name");
                }
            }
            for (String required : containerPorts.keySet()) {
                if (!names.contains(required)) {
                    problem(svc, "no port " + required + " for the container port of that name");
                }
            }
            boolean monitored = ofKind("ServiceMonitor").stream()
                    .anyMatch(m -> selects(Yaml.map(m, "spec", "selector", "matchLabels"), Yaml.map(svc, "metadata", "labels"))
                            && Yaml.maps(m, "spec", "endpoints").stream().allMatch(e -> names.contains(Yaml.string(e, "port"))));
            if (!monitored && Boolean.TRUE.equals(Yaml.at(values.service(service), "serviceMonitor", "enabled"))) {
                problem(svc, "no ServiceMonitor scrapes it on a port it has");
            }
        }
        if (ofKind("ServiceMonitor").stream().noneMatch(m -> services.stream()
                .anyMatch(s -> selects(Yaml.map(m, "spec", "selector", "matchLabels"), Yaml.map(s, "metadata", "labels"))))) {
            problem(deployment, "no ServiceMonitor for its Service");
        }
        // PDB
        List<Map<String, Object>> budgets = ofKind("PodDisruptionBudget").stream()
                .filter(p -> selects(Yaml.map(p, "spec", "selector", "matchLabels"), podLabels)).toList();
        if (budgets.size() != 1) {
            problem(deployment, budgets.size() + " PodDisruptionBudgets select its pods (one expected)");
        }
        int replicas = effectiveMinReplicas(deployment);
        for (Map<String, Object> pdb : budgets) {
            Integer minAvailable = asInt(Yaml.at(pdb, "spec", "minAvailable"));
            if (minAvailable != null && minAvailable >= replicas) {
                problem(pdb, "minAvailable " + minAvailable + " with " + replicas + " replica(s) blocks every node drain");
            }
        }
        // NetworkPolicy
        boolean isolated = ofKind("NetworkPolicy").stream()
                .anyMatch(n -> selects(Yaml.map(n, "spec", "podSelector", "matchLabels"), podLabels)
                        && Yaml.list(n, "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                        && Objects.equals(Yaml.string(n, "spec", "podSelector", "matchLabels", NAME), service));
        if (!isolated) {
            problem(deployment, "no NetworkPolicy of its own isolates its pods in both directions");
        }
    }

    private int effectiveMinReplicas(Map<String, Object> deployment) {
        String name = Yaml.string(deployment, "metadata", "name");
        for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
            if (name.equals(Yaml.string(hpa, "spec", "scaleTargetRef", "name"))) {
                Integer min = asInt(Yaml.at(hpa, "spec", "minReplicas"));
                return min == null ? 1 : min;
            }
        }
        Integer replicas = asInt(Yaml.at(deployment, "spec", "replicas"));
        return replicas == null ? 1 : replicas;
    }

    private void checkHpa(Map<String, Object> hpa) {
        Map<String, Object> ref = Yaml.map(hpa, "spec", "scaleTargetRef");
        Map<String, Object> target = find(Yaml.string(ref, "kind"), Yaml.string(ref, "name"));
        if (target == null || !Objects.equals(Yaml.string(ref, "apiVersion"), Yaml.string(target, "apiVersion"))) {
            problem(hpa, "scaleTargetRef " + ref + " names no rendered object");
            return;
        }
        if (Yaml.at(target, "spec", "replicas") != null) {
            problem(target, "sets spec.replicas although an HPA scales it (every upgrade would reset the scale)");
        }
        Integer min = asInt(Yaml.at(hpa, "spec", "minReplicas"));
        Integer max = asInt(Yaml.at(hpa, "spec", "maxReplicas"));
        if (min != null && max != null && min > max) {
            problem(hpa, "minReplicas " + min + " > maxReplicas " + max);
        }
        boolean cpuTarget = Yaml.maps(hpa, "spec", "metrics").stream()
                .anyMatch(m -> "cpu".equals(Yaml.string(m, "resource", "name")));
        if (cpuTarget) {
            boolean requests = Yaml.maps(target, "spec", "template", "spec", "containers").stream()
                    .allMatch(c -> Yaml.at(c, "resources", "requests", "cpu") != null);
            if (!requests) {
                problem(hpa, "scales on CPU utilisation of containers without a CPU request");
            }
        }
    }

    // ---- network policies -----------------------------------------------------------------------------------

    /** A flow (from, to, port) between services: "roadmaps->dataset-search:grpc". */
    private static String flow(String from, String to, String port) {
        return from + "->" + to + ":" + port;
    }

    private void checkNetworkPolicy(Map<String, Object> policy) {
        Map<String, Object> selector = Yaml.map(policy, "spec", "podSelector", "matchLabels");
        String selected = Yaml.string(selector, NAME);
        if (selected == null) {
            // the suite-wide deny by default: must allow nothing
            if (!Yaml.list(policy, "spec", "ingress").isEmpty() || !Yaml.list(policy, "spec", "egress").isEmpty()) {
                problem(policy, "a policy not bound to one service may only deny (it allows traffic)");
            }
            return;
        }
        boolean migrations = selected.endsWith("-migrations") && values.services().contains(selected.replaceFirst("-migrations$", ""));
        String service = migrations ? selected.replaceFirst("-migrations$", "") : selected;
        if (!values.services().contains(service)) {
            problem(policy, "selects pods of " + selected + ", which is no rendered service");
            return;
        }
        if (!Yaml.list(policy, "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))) {
            problem(policy, "does not isolate both directions (policyTypes Ingress and Egress)");
        }
        Map<String, Object> global = values.global(service);
        Map<String, Object> serviceValues = values.service(service);
        Map<String, Object> suiteServices = Yaml.map(global, "services");
        Set<String> declared = new HashSet<>();
        for (Map<String, Object> f : Yaml.maps(global, "flows")) {
            declared.add(flow(Yaml.string(f, "from"), Yaml.string(f, "to"), Yaml.string(f, "port")));
        }
        Set<String> opened = new HashSet<>();

        for (Map<String, Object> rule : Yaml.maps(policy, "spec", "ingress")) {
            List<Map<String, Object>> peers = Yaml.maps(rule, "from");
            List<String> ports = ports(rule);
            if (peers.isEmpty() || ports.isEmpty()) {
                problem(policy, "an ingress rule without peers or ports opens " + (peers.isEmpty() ? "every source" : "every port"));
                continue;
            }
            for (Map<String, Object> peer : peers) {
                String peerService = servicePeer(peer, suiteServices);
                if (migrations) {
                    problem(policy, "a migration Job accepts no traffic, yet ingress from " + peer + " is allowed");
                } else if (peerService != null) {
                    for (String port : ports) {
                        opened.add(flow(peerService, service, portName(port, service, suiteServices)));
                    }
                } else if (!(ports.equals(List.of("http")) && (infrastructureHttpPeers(global).contains(peer)))) {
                    problem(policy, "ingress from " + peer + " on " + ports + " is not a declared flow");
                }
            }
        }
        for (Map<String, Object> rule : Yaml.maps(policy, "spec", "egress")) {
            List<Map<String, Object>> peers = Yaml.maps(rule, "to");
            List<String> ports = ports(rule);
            if (peers.isEmpty() || ports.isEmpty()) {
                problem(policy, "an egress rule without peers or ports opens " + (peers.isEmpty() ? "every destination" : "every port"));
                continue;
            }
            for (Map<String, Object> peer : peers) {
                String peerService = servicePeer(peer, suiteServices);
                if (peerService != null && !migrations) {
                    for (String port : ports) {
                        opened.add(flow(service, peerService, portName(port, peerService, suiteServices)));
                    }
                } else if (!allowedEngineOrInfrastructure(peer, ports, global, serviceValues, migrations)) {
                    problem(policy, "egress to " + peer + " on " + ports + " is not a declared flow");
                }
            }
        }
        if (!migrations) {
            Set<String> expected = new HashSet<>();
            for (String f : declared) {
                if (f.startsWith(service + "->") || f.contains("->" + service + ":")) {
                    expected.add(f);
                }
            }
            for (String f : opened) {
                if (!expected.contains(f)) {
                    problem(policy, "opens " + f + ", which global.flows does not declare");
                }
            }
            for (String f : expected) {
                if (!opened.contains(f)) {
                    problem(policy, "does not open the declared flow " + f);
                }
            }
        }
    }

    /** The suite service a peer designates (podSelector on app.kubernetes.io/name only), if any. */
    private static String servicePeer(Map<String, Object> peer, Map<String, Object> suiteServices) {
        Map<String, Object> labels = Yaml.map(peer, "podSelector", "matchLabels");
        if (peer.size() == 1 && labels.size() == 1 && labels.containsKey(NAME)
                && suiteServices.containsKey(Yaml.string(labels, NAME))) {
            return Yaml.string(labels, NAME);
        }
        return null;
    }

    private static String portName(String port, String service, Map<String, Object> suiteServices) {
        Map<String, Object> entry = Yaml.map(suiteServices, service);
        if (port.equals(String.valueOf(entry.get("grpcPort")))) {
            return "grpc";
        }
        if (port.equals(String.valueOf(entry.get("httpPort")))) {
            return "http";
        }
        return port;
    }

    private static List<String> ports(Map<String, Object> rule) {
        return Yaml.maps(rule, "ports").stream().map(p -> String.valueOf(p.get("port"))).toList();
    }

    private static List<Map<String, Object>> infrastructureHttpPeers(Map<String, Object> global) {
        List<Map<String, Object>> peers = new ArrayList<>(Yaml.maps(global, "networkPolicy", "httpIngressFrom"));
        peers.add(Map.of("namespaceSelector", Map.of("matchLabels",
                Map.of("kubernetes.io/metadata.name", Yaml.string(global, "monitoring", "namespace")))));
        return peers;
    }

    private static boolean allowedEngineOrInfrastructure(Map<String, Object> peer, List<String> ports,
            Map<String, Object> global, Map<String, Object> service, boolean migrations) {
        Map<String, Object> dns = Map.of(
                "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "kube-system")),
                "podSelector", Map.of("matchLabels", Map.of("k8s-app", "kube-dns")));
        if (peer.equals(dns)) {
            return Set.of("53").containsAll(ports);
        }
        boolean database = Boolean.TRUE.equals(Yaml.at(service, "database", "enabled"))
                && peer.equals(Map.of("podSelector", Map.of("matchLabels",
                        Map.of("cnpg.io/cluster", String.valueOf(Yaml.at(service, "database", "cluster"))))));
        if (database) {
            return ports.equals(List.of("5432"));
        }
        if (migrations) {
            return false;
        }
        if (peer.equals(Yaml.map(global, "oidc", "networkPeer"))) {
            return ports.equals(List.of(String.valueOf(Yaml.at(global, "oidc", "port"))));
        }
        if (Boolean.TRUE.equals(Yaml.at(service, "rabbitmq", "enabled")) && peer.equals(Map.of("podSelector",
                Map.of("matchLabels", Map.of(NAME, String.valueOf(Yaml.at(global, "rabbitmq", "cluster"))))))) {
            return ports.equals(List.of("5672"));
        }
        if (Boolean.TRUE.equals(Yaml.at(service, "elasticsearch", "enabled")) && peer.equals(Map.of("podSelector",
                Map.of("matchLabels", Map.of("elasticsearch.k8s.elastic.co/cluster-name",
                        String.valueOf(Yaml.at(global, "elasticsearch", "cluster"))))))) {
            return ports.equals(List.of("9200"));
        }
        Map<String, Object> redis = Yaml.map(global, "redis");
        if (Boolean.TRUE.equals(Yaml.at(service, "redis", "enabled")) && !redis.isEmpty()
                && peer.equals(Yaml.map(redis, "networkPeer"))) {
            return ports.equals(List.of(String.valueOf(redis.get("port"))));
        }
        String otlp = Yaml.string(global, "otlpEndpoint");
        if (otlp != null && !otlp.isEmpty() && peer.equals(Yaml.map(global, "networkPolicy", "otlpPeer"))) {
            return ports.equals(List.of("4318"));
        }
        Map<String, Object> ipBlock = Yaml.map(peer, "ipBlock");
        if (!ipBlock.isEmpty() && Boolean.TRUE.equals(Yaml.at(service, "networkPolicy", "externalEgress"))) {
            return peer.size() == 1 && Set.of("80", "443").containsAll(ports)
                    && Yaml.list(ipBlock, "except").containsAll(PRIVATE_RANGES);
        }
        return false;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private Map<String, Object> find(String kind, String name) {
        return objects.stream().filter(o -> Objects.equals(kind, o.get("kind"))
                && Objects.equals(name, Yaml.string(o, "metadata", "name"))).findFirst().orElse(null);
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(String.valueOf(e.getValue()), String.valueOf(labels.get(e.getKey()))));
    }

    private static Integer asInt(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Integer.parseInt(s);
        }
        return null;
    }

    private void problem(Map<String, Object> object, String message) {
        problems.add("policy: " + object.get("kind") + "/" + Yaml.string(object, "metadata", "name") + ": " + message);
    }
}
