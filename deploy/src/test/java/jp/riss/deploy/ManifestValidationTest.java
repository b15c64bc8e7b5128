package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifest validation the build runs (ValidateManifests) passes on deploy/k8s and fails on each
 * kind of mistake it exists for, fed the real manifests with one thing broken: so it cannot pass by
 * checking nothing.
 */
class ManifestValidationTest {

  private static Path k8sDir;
  private static List<JsonNode> rendered;
  private static Map<String, JsonNode> byId;
  private static ManifestSchemas schemas;

  @BeforeAll
  static void render() {
    k8sDir = App.repoRoot().resolve("deploy/k8s");
    rendered = Kustomization.render(k8sDir);
    byId = Kustomization.byId(rendered);
    schemas = new ManifestSchemas();
  }

  @Test
  void everyRenderedObjectIsValid() {
    assertEquals(List.of(), ValidateManifests.problems(k8sDir));
    assertTrue(rendered.size() > 50, "the kustomization renders the whole platform");
  }

  @Test
  void theBuiltInRendererYieldsWhatKubectlYields() {
    // Where kubectl exists (this build host's image), render() used it; the build step compares
    // both too, but this pins the built-in renderer's own result to the same objects.
    List<String> differences =
        ValidateManifests.sameObjects(rendered, Kustomization.builtIn(k8sDir));
    assertEquals(List.of(), differences);
  }

  @Test
  void aTypoInADeploymentFieldFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/active-list-service");
    ObjectNode container = container(deployment);
    container.set("readynessProbe", container.remove("readinessProbe"));
    assertProblem(deployment, "readynessProbe");
  }

  @Test
  void aTypoInObjectMetadataFails() {
    ObjectNode service = copy("v1 Service riss/gateway");
    ((ObjectNode) service.path("metadata")).set("label", service.path("metadata").path("labels"));
    assertProblem(service, "label");
  }

  @Test
  void aValueOfTheWrongTypeFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/gateway");
    ((ObjectNode) deployment.path("spec")).put("replicas", "two");
    assertProblem(deployment, "replicas");
    ((ObjectNode) deployment.path("spec")).put("replicas", "2");
    assertProblem(deployment, "replicas");
  }

  @Test
  void anEnvValueGivenAsANumberFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/gateway");
    ObjectNode httpPort = (ObjectNode) container(deployment).path("env").get(0);
    assertEquals("HTTP_PORT", httpPort.path("name").asText());
    httpPort.put("value", 8080);
    assertProblem(deployment, "value");
  }

  @Test
  void aMissingRequiredFieldFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/practical-guide-service");
    container(deployment).remove("name");
    assertProblem(deployment, "name");
  }

  @Test
  void aTypoInAStrimziKafkaTopicFails() {
    ObjectNode topic = copy("kafka.strimzi.io/v1 KafkaTopic riss/activelist.listing.v1");
    ObjectNode spec = (ObjectNode) topic.path("spec");
    spec.set("partition", spec.remove("partitions"));
    assertProblem(topic, "partition");
  }

  @Test
  void aWrongTypeInAStrimziKafkaFails() {
    ObjectNode kafka = copy("kafka.strimzi.io/v1 Kafka riss/riss-kafka");
    ObjectNode listener = (ObjectNode) kafka.path("spec").path("kafka").path("listeners").get(0);
    listener.put("tls", "no");
    assertProblem(kafka, "tls");
  }

  @Test
  void aTypoInACloudNativePgClusterFails() {
    ObjectNode cluster = copy("postgresql.cnpg.io/v1 Cluster riss/activelist-db");
    ObjectNode initdb = (ObjectNode) cluster.path("spec").path("bootstrap").path("initdb");
    initdb.set("localeCtype", initdb.remove("localeCType"));
    assertProblem(cluster, "localeCtype");
  }

  @Test
  void aMissingRequiredFieldInACloudNativePgClusterFails() {
    ObjectNode cluster = copy("postgresql.cnpg.io/v1 Cluster riss/guide-db");
    ((ObjectNode) cluster.path("spec")).remove("instances");
    assertProblem(cluster, "instances");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apps/v1beta1", "app/v1", "kafka.strimzi.io/v1beta1"})
  void anApiVersionWithoutSchemaFails(String apiVersion) {
    ObjectNode deployment = copy("apps/v1 Deployment riss/gateway");
    deployment.put("apiVersion", apiVersion);
    assertProblem(deployment, "no schema");
  }

  @Test
  void theBuildStepFailsOnABrokenKustomization(@TempDir Path dir) throws IOException {
    Path source = k8sDir.resolve("gateway.yaml");
    Files.writeString(
        dir.resolve("gateway.yaml"),
        Files.readString(source).replace("readinessProbe:", "readynessProbe:"));
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            + "kind: Kustomization\n"
            + "namespace: riss\n"
            + "resources:\n"
            + "  - gateway.yaml\n");
    List<String> problems = ValidateManifests.problems(dir);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("readynessProbe")),
        "the typo is reported: " + problems);
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> ValidateManifests.main(new String[] {dir.toString()}));
    assertTrue(failure.getMessage().contains("readynessProbe"), failure.getMessage());
  }

  @Test
  void theBuiltInRendererRefusesWhatItDoesNotImplement(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            + "kind: Kustomization\n"
            + "resources: []\n"
            + "patches:\n"
            + "  - path: patch.yaml\n");
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> Kustomization.builtIn(dir));
    assertTrue(failure.getMessage().contains("patches"), failure.getMessage());
  }

  // ----------------------------------------------------------- the Deployment rules ----

  @Test
  void everyAppDeploymentFollowsTheRules() {
    List<String> problems = new ArrayList<>();
    for (App app : App.values()) {
      problems.addAll(DeploymentRules.problems(deployment(app.module), rendered));
    }
    assertEquals(List.of(), problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {"startupProbe", "readinessProbe", "livenessProbe"})
  void aDeploymentWithoutAProbeFails(String probe) {
    ObjectNode deployment = copy("apps/v1 Deployment riss/deemed-attendance-service");
    container(deployment).remove(probe);
    assertEquals(
        List.of("deemed-attendance-service: no " + probe),
        DeploymentRules.problems(deployment, rendered));
  }

  @Test
  void aProbeOnThePublicPortFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/camp-community-service");
    ((ObjectNode) container(deployment).path("livenessProbe").path("httpGet")).put("port", "http");
    assertEquals(
        List.of("camp-community-service: livenessProbe is not on the management port"),
        DeploymentRules.problems(deployment, rendered));
  }

  @Test
  void aDeploymentWithoutResourcesFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/active-list-service");
    container(deployment).remove("resources");
    List<String> problems = DeploymentRules.problems(deployment, rendered);
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.contains("active-list-service: no resources.limits.memory"));
  }

  @Test
  void aDeploymentNoNetworkPolicySelectsFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/practical-guide-service");
    ObjectNode labels = (ObjectNode) deployment.path("spec").path("template").path("metadata");
    labels.set("labels", labels.objectNode().put("app.kubernetes.io/name", "unknown-service"));
    List<String> problems = DeploymentRules.problems(deployment, rendered);
    assertTrue(
        problems.contains("practical-guide-service: no NetworkPolicy selects its pods for Ingress"),
        problems.toString());
    assertTrue(
        problems.contains("practical-guide-service: no NetworkPolicy selects its pods for Egress"),
        problems.toString());
  }

  @Test
  void aWritableOrPrivilegedContainerFails() {
    ObjectNode deployment = copy("apps/v1 Deployment riss/gateway");
    ObjectNode security = (ObjectNode) container(deployment).path("securityContext");
    security.put("readOnlyRootFilesystem", false);
    security.put("allowPrivilegeEscalation", true);
    assertEquals(
        List.of(
            "gateway: the root filesystem is writable", "gateway: privilege escalation is allowed"),
        DeploymentRules.problems(deployment, rendered));
  }

  // ------------------------------------------------------------------------ helpers ----

  private static void assertProblem(JsonNode object, String expected) {
    List<String> problems = schemas.problems(object);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expected)),
        "expected a problem naming " + expected + ", got " + problems);
  }

  private static ObjectNode copy(String id) {
    JsonNode object = byId.get(id);
    assertTrue(object != null, id + " is rendered; rendered: " + byId.keySet());
    return object.deepCopy();
  }

  private static JsonNode deployment(String module) {
    return byId.get("apps/v1 Deployment riss/" + module);
  }

  private static ObjectNode container(JsonNode deployment) {
    return (ObjectNode)
        deployment.path("spec").path("template").path("spec").path("containers").get(0);
  }
}
