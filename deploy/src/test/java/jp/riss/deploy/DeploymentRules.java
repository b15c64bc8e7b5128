package jp.riss.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What every app Deployment of deploy/k8s must have to run safely in a cluster: the three health
 * probes on its management port, resource requests and limits, a hardened pod, and NetworkPolicies
 * that select its pods for ingress and for egress. {@link #problems} lists what is missing.
 */
final class DeploymentRules {

  /** Probe kind and the Quarkus health path it must ask. */
  static final Map<String, String> PROBES =
      Map.of(
          "startupProbe", "/q/health/started",
          "readinessProbe", "/q/health/ready",
          "livenessProbe", "/q/health/live");

  private DeploymentRules() {}

  /** What the Deployment lacks, given every object of the rendered kustomization. */
  static List<String> problems(JsonNode deployment, Collection<JsonNode> objects) {
    List<String> problems = new ArrayList<>();
    String name = deployment.path("metadata").path("name").asText();
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode spec = pod.path("spec");
    JsonNode containers = spec.path("containers");
    if (containers.size() != 1) {
      return List.of(name + ": expected one container, found " + containers.size());
    }
    JsonNode container = containers.get(0);
    Map<String, Integer> ports = new HashMap<>();
    container
        .path("ports")
        .forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
    Integer management = ports.get("management");
    if (management == null) {
      problems.add(name + ": no container port named management");
    }
    PROBES.forEach(
        (probe, path) -> {
          JsonNode get = container.path(probe).path("httpGet");
          if (get.isMissingNode()) {
            problems.add(name + ": no " + probe);
            return;
          }
          if (!path.equals(get.path("path").asText())) {
            problems.add(
                name + ": " + probe + " asks " + get.path("path").asText() + ", not " + path);
          }
          JsonNode port = get.path("port");
          Integer number = port.isInt() ? Integer.valueOf(port.asInt()) : ports.get(port.asText());
          if (management == null || !management.equals(number)) {
            problems.add(name + ": " + probe + " is not on the management port");
          }
        });
    JsonNode resources = container.path("resources");
    for (String quantity :
        List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
      String[] part = quantity.split("\\.");
      if (resources.path(part[0]).path(part[1]).asText().isEmpty()) {
        problems.add(name + ": no resources." + quantity);
      }
    }
    JsonNode security = container.path("securityContext");
    if (!spec.path("securityContext").path("runAsNonRoot").asBoolean()) {
      problems.add(name + ": the pod may run as root (runAsNonRoot)");
    }
    if (!"RuntimeDefault"
        .equals(spec.path("securityContext").path("seccompProfile").path("type").asText())) {
      problems.add(name + ": no RuntimeDefault seccomp profile");
    }
    if (!security.path("readOnlyRootFilesystem").asBoolean()) {
      problems.add(name + ": the root filesystem is writable");
    }
    if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
      problems.add(name + ": privilege escalation is allowed");
    }
    if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
      problems.add(name + ": capabilities are not all dropped");
    }
    if (spec.path("automountServiceAccountToken").asBoolean(true)) {
      problems.add(name + ": a service account token is mounted");
    }
    if (!tmpIsAnEmptyDir(container, spec)) {
      problems.add(name + ": /tmp is not a writable emptyDir");
    }
    JsonNode labels = pod.path("metadata").path("labels");
    for (String type : List.of("Ingress", "Egress")) {
      if (objects.stream().noneMatch(o -> selects(o, labels, type))) {
        problems.add(name + ": no NetworkPolicy selects its pods for " + type);
      }
    }
    return problems;
  }

  /**
   * Whether the object is a NetworkPolicy of that type aimed at these pods: a non-empty selector
   * all of whose labels the pods carry (the namespace-wide default deny does not count).
   */
  static boolean selects(JsonNode object, JsonNode podLabels, String policyType) {
    if (!"NetworkPolicy".equals(object.path("kind").asText())) {
      return false;
    }
    JsonNode spec = object.path("spec");
    if (!spec.path("policyTypes").toString().contains("\"" + policyType + "\"")) {
      return false;
    }
    JsonNode match = spec.path("podSelector").path("matchLabels");
    if (match.size() == 0 || spec.path("podSelector").has("matchExpressions")) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      if (!label.getValue().asText().equals(podLabels.path(label.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static boolean tmpIsAnEmptyDir(JsonNode container, JsonNode spec) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if ("/tmp".equals(mount.path("mountPath").asText())) {
        for (JsonNode volume : spec.path("volumes")) {
          if (volume.path("name").asText().equals(mount.path("name").asText())
              && volume.has("emptyDir")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
