package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docker-compose.yml and deploy/k8s must agree with the apps: image riss/module:version, the
 * module's port everywhere, health probes, and exactly the env names each app reads (taken from its
 * config files' {@code ${NAME}} placeholders) — none missing, none extra.
 */
class DeployManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> INFRA = Set.of("postgres", "kafka");

  private static Path repo;
  private static String version;
  private static JsonNode compose;

  /** Every k8s document, keyed "Kind/name". */
  private static Map<String, JsonNode> k8s;

  private static List<Path> k8sFiles;

  @BeforeAll
  static void load() throws IOException {
    repo = App.repoRoot();
    version = App.imageVersion();
    compose = YAML.readTree(repo.resolve("deploy/docker-compose.yml").toFile());
    try (Stream<Path> files = Files.list(repo.resolve("deploy/k8s"))) {
      k8sFiles =
          files
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    k8s = new LinkedHashMap<>();
    for (Path file : k8sFiles) {
      for (JsonNode doc :
          YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
        assertFalse(k8s.containsKey(key), key + " is defined twice (again in " + file + ")");
        k8s.put(key, doc);
      }
    }
  }

  /**
   * The clock control (riss.clock.movable, docs/clock.md) is for the local stack only: no manifest
   * sets it, in any spelling, so every deployed service keeps real time and has no /q/clock.
   */
  @Test
  void noManifestTurnsTheMovableClockOn() throws IOException {
    List<Path> manifests = new ArrayList<>(k8sFiles);
    manifests.add(repo.resolve("deploy/docker-compose.yml"));
    for (Path file : manifests) {
      for (String line : Files.readAllLines(file)) {
        String setting = line.strip();
        if (setting.startsWith("#")) {
          continue;
        }
        String upper = setting.toUpperCase(java.util.Locale.ROOT);
        assertFalse(
            upper.contains("CLOCK_MOVABLE") || upper.contains("CLOCK.MOVABLE"),
            file.getFileName() + " sets the movable clock: " + setting);
      }
    }
  }

  // ------------------------------------------------------------------ docker-compose ----

  @Test
  void composeRunsTheFiveAppsPlusPostgresAndKafkaOnly() {
    Set<String> expected = new TreeSet<>(INFRA);
    Arrays.stream(App.values()).forEach(app -> expected.add(app.module));
    assertEquals(expected, fieldNames(compose.path("services")));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void composeImagePortAndHealthcheck(App app) {
    JsonNode service = compose.path("services").path(app.module);
    assertEquals(app.image(version), service.path("image").asText(), app.module + " image");
    assertEquals(
        app.module, service.path("build").path("args").path("MODULE").asText(), "build arg MODULE");

    List<String> ports = texts(service.path("ports"));
    assertEquals(1, ports.size(), app.module + " publishes one port: " + ports);
    String[] parts = ports.get(0).split(":");
    assertEquals(
        app.port + ":" + app.port,
        parts[parts.length - 2] + ":" + parts[parts.length - 1],
        app.module + " ports");

    String health = String.join(" ", texts(service.path("healthcheck").path("test")));
    assertTrue(
        health.contains("localhost:" + app.managementPort() + "/q/health/ready"),
        app.module + " healthcheck uses /q/health/ready on its management port: " + health);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void composeSetsExactlyTheEnvTheAppReads(App app) {
    JsonNode env = compose.path("services").path(app.module).path("environment");
    assertTrue(env.isObject(), app.module + ": environment must be a map");
    assertEquals(app.envRead(repo), fieldNames(env), app.module + " env names in compose");
    assertEquals(String.valueOf(app.port), env.path("HTTP_PORT").asText(), "HTTP_PORT");
    assertEquals(
        String.valueOf(app.managementPort()),
        env.path("MANAGEMENT_PORT").asText(),
        "MANAGEMENT_PORT");
    if (app.isGateway()) {
      for (App service : App.services()) {
        assertEquals(
            "http://" + service.module + ":" + service.port,
            env.path(service.gatewayUrlEnv()).asText(),
            service.gatewayUrlEnv());
      }
    } else {
      assertEquals(
          "jdbc:postgresql://postgres:5432/" + app.database, env.path("DB_URL").asText(), "DB_URL");
      assertEquals(app.database, env.path("DB_USER").asText(), "DB_USER");
      assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText());
      String password =
          compose
              .path("services")
              .path("postgres")
              .path("environment")
              .path(app.database.toUpperCase() + "_PASSWORD")
              .asText();
      assertEquals(password, env.path("DB_PASSWORD").asText(), "DB_PASSWORD = postgres init's");
    }
  }

  @Test
  void composeInfrastructure() {
    JsonNode postgres = compose.path("services").path("postgres");
    assertTrue(
        postgres.path("environment").path("POSTGRES_INITDB_ARGS").asText().contains("C.UTF-8"),
        "PostgreSQL needs a UTF-8 ctype for pg_trgm on Japanese");
    JsonNode kafka = compose.path("services").path("kafka");
    assertEquals("apache/kafka:" + kafkaVersion(), kafka.path("image").asText());
    assertKraftSingleNode(kafka.path("environment"));
  }

  // ---------------------------------------------------------------------- kubernetes ----

  @Test
  void kustomizationListsEveryManifest() {
    JsonNode kustomization = k8s.get("Kustomization/");
    assertNotNull(kustomization, "deploy/k8s/kustomization.yaml");
    Set<String> files =
        k8sFiles.stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> !n.equals("kustomization.yaml"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(files, new TreeSet<>(texts(kustomization.path("resources"))));
  }

  @Test
  void everythingIsInTheRissNamespace() {
    assertTrue(k8s.containsKey("Namespace/riss"));
    k8s.forEach(
        (key, doc) -> {
          if (!key.startsWith("Namespace/") && !key.startsWith("Kustomization/")) {
            assertEquals("riss", doc.path("metadata").path("namespace").asText(), key);
          }
        });
  }

  @Test
  void workloadsAreTheFiveAppsPlusPostgresAndKafka() {
    Set<String> expected = new TreeSet<>();
    Arrays.stream(App.values()).forEach(app -> expected.add("Deployment/" + app.module));
    expected.add("StatefulSet/postgres");
    expected.add("StatefulSet/kafka");
    Set<String> workloads =
        k8s.keySet().stream()
            .filter(k -> k.startsWith("Deployment/") || k.startsWith("StatefulSet/"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, workloads);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void k8sDeploymentServiceAndProbes(App app) {
    JsonNode deployment = k8s.get("Deployment/" + app.module);
    assertNotNull(deployment, "Deployment/" + app.module);
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode container = onlyContainer(deployment);
    assertEquals(app.image(version), container.path("image").asText(), app.module + " image");

    Map<String, Integer> containerPorts = new HashMap<>();
    for (JsonNode port : container.path("ports")) {
      containerPorts.put(port.path("name").asText(), port.path("containerPort").asInt());
    }
    assertEquals(
        Map.of("http", app.port, "management", app.managementPort()),
        containerPorts,
        "containerPorts");

    JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
    assertLabelsMatch(selector, pod.path("metadata").path("labels"), "Deployment selector");

    for (String[] probe :
        new String[][] {
          {"readinessProbe", "/q/health/ready"},
          {"livenessProbe", "/q/health/live"}
        }) {
      JsonNode get = container.path(probe[0]).path("httpGet");
      assertEquals(probe[1], get.path("path").asText(), app.module + " " + probe[0]);
      assertEquals(
          app.managementPort(),
          resolvePort(get.path("port"), containerPorts),
          probe[0] + " on the management port");
    }

    JsonNode service = k8s.get("Service/" + app.module);
    assertNotNull(service, "Service/" + app.module);
    JsonNode ports = service.path("spec").path("ports");
    // Only the public port: management is reached by probes and scrapers, never through a Service.
    assertEquals(1, ports.size(), "one Service port");
    assertEquals(app.port, ports.get(0).path("port").asInt(), "Service port");
    assertEquals(app.port, resolvePort(ports.get(0).path("targetPort"), containerPorts));
    assertLabelsMatch(
        service.path("spec").path("selector"), pod.path("metadata").path("labels"), "selector");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void k8sSetsExactlyTheEnvTheAppReads(App app) {
    JsonNode container = onlyContainer(k8s.get("Deployment/" + app.module));
    Map<String, String> env = k8sEnv(container, app.module);
    assertEquals(app.envRead(repo), new TreeSet<>(env.keySet()), app.module + " env names in k8s");
    assertEquals(String.valueOf(app.port), env.get("HTTP_PORT"), "HTTP_PORT");
    assertEquals(String.valueOf(app.managementPort()), env.get("MANAGEMENT_PORT"));
    if (app.isGateway()) {
      for (App service : App.services()) {
        assertEquals(
            "http://" + service.module + ".riss.svc.cluster.local:" + service.port,
            env.get(service.gatewayUrlEnv()),
            service.gatewayUrlEnv());
      }
    } else {
      assertTrue(
          env.get("DB_URL").matches("jdbc:postgresql://postgres[.a-z]*:5432/" + app.database),
          "DB_URL " + env.get("DB_URL"));
      assertEquals(app.database, env.get("DB_USER"), "DB_USER");
      assertEquals("secret:riss-postgres/" + app.database + "-password", env.get("DB_PASSWORD"));
      assertTrue(env.get("KAFKA_BOOTSTRAP_SERVERS").startsWith("kafka."), "in-cluster Kafka");
    }
  }

  @Test
  void k8sInfrastructure() {
    JsonNode postgres = onlyContainer(k8s.get("StatefulSet/postgres"));
    Map<String, String> pgEnv = k8sEnv(postgres, "postgres");
    assertTrue(pgEnv.get("POSTGRES_INITDB_ARGS").contains("C.UTF-8"), "UTF-8 ctype for pg_trgm");
    for (App service : App.services()) {
      assertEquals(
          "secret:riss-postgres/" + service.database + "-password",
          pgEnv.get(service.database.toUpperCase() + "_PASSWORD"),
          "the init script creates role " + service.database + " with the apps' password");
    }
    assertEquals(
        5432, k8s.get("Service/postgres").path("spec").path("ports").get(0).path("port").asInt());

    JsonNode kafka = onlyContainer(k8s.get("StatefulSet/kafka"));
    assertEquals("apache/kafka:" + kafkaVersion(), kafka.path("image").asText());
    Map<String, String> kafkaEnv = k8sEnv(kafka, "kafka");
    ObjectMapper plain = new ObjectMapper();
    assertKraftSingleNode(plain.valueToTree(kafkaEnv));
    assertEquals(
        9092, k8s.get("Service/kafka").path("spec").path("ports").get(0).path("port").asInt());
  }

  // ----------------------------------------------------------------------- local stack ----

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void localUpSetsEveryEnvNameTheAppReads(App app) throws IOException {
    String up = Files.readString(repo.resolve("deploy/local/up"));
    for (String name : app.envRead(repo)) {
      assertTrue(up.contains(name + "="), "deploy/local/up sets " + name + " for " + app.module);
    }
    String entry =
        app.isGateway() ? "gateway=gateway:8080" : app.module + ":" + app.port + ":" + app.database;
    assertTrue(up.contains(entry), "deploy/local/up knows " + entry);
  }

  @Test
  void appsReadTheContractEnvNames() {
    for (App app : App.values()) {
      Set<String> read = app.envRead(repo);
      Set<String> missing = new TreeSet<>(app.contractEnv());
      missing.removeAll(read);
      assertTrue(missing.isEmpty(), app.module + " does not read contract env names " + missing);
    }
  }

  // ------------------------------------------------------------------------- helpers ----

  private static void assertKraftSingleNode(JsonNode env) {
    assertEquals("broker,controller", env.path("KAFKA_PROCESS_ROLES").asText());
    assertEquals("1", env.path("KAFKA_NODE_ID").asText());
    for (String rf :
        List.of(
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR",
            "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
            "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
      assertEquals("1", env.path(rf).asText(), rf);
    }
    assertTrue(env.path("CLUSTER_ID").asText().matches("[A-Za-z0-9_-]{22}"), "CLUSTER_ID");
  }

  /** Kafka image version = the broker jars deploy/local fetches. */
  private static String kafkaVersion() {
    try {
      String pom = Files.readString(repo.resolve("deploy/local/kafka/pom.xml"));
      int start = pom.indexOf("<kafka.version>") + "<kafka.version>".length();
      return pom.substring(start, pom.indexOf("</kafka.version>", start)).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode onlyContainer(JsonNode workload) {
    assertNotNull(workload);
    JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
    assertEquals(1, containers.size(), "one container");
    return containers.get(0);
  }

  /**
   * The container's env as name -> value; values from Secrets/ConfigMaps read as "secret:name/key"
   * / "configmap:name/key" after checking the key exists. envFrom is expanded into the referenced
   * ConfigMap's or Secret's keys.
   */
  private static Map<String, String> k8sEnv(JsonNode container, String owner) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
      String name =
          from.path(from.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
      JsonNode source = k8s.get(kind + "/" + name);
      assertNotNull(source, owner + ": envFrom " + kind + "/" + name + " does not exist");
      for (String section : List.of("data", "stringData")) {
        source
            .path(section)
            .fields()
            .forEachRemaining(
                e -> {
                  assertFalse(env.containsKey(e.getKey()), owner + ": " + e.getKey() + " twice");
                  env.put(e.getKey(), e.getValue().asText());
                });
      }
    }
    for (JsonNode var : container.path("env")) {
      String name = var.path("name").asText();
      assertFalse(env.containsKey(name), owner + ": " + name + " set twice");
      String value;
      if (var.has("value")) {
        value = var.path("value").asText();
      } else {
        JsonNode ref = var.path("valueFrom");
        String kind = ref.has("secretKeyRef") ? "Secret" : "ConfigMap";
        JsonNode keyRef = ref.path(ref.has("secretKeyRef") ? "secretKeyRef" : "configMapKeyRef");
        String refName = keyRef.path("name").asText();
        String key = keyRef.path("key").asText();
        JsonNode source = k8s.get(kind + "/" + refName);
        assertNotNull(source, owner + ": " + name + " refers to missing " + kind + "/" + refName);
        assertTrue(
            source.path("data").has(key) || source.path("stringData").has(key),
            owner + ": " + kind + "/" + refName + " has no key " + key);
        value = kind.toLowerCase() + ":" + refName + "/" + key;
      }
      env.put(name, value);
    }
    return env;
  }

  private static int resolvePort(JsonNode port, Map<String, Integer> containerPorts) {
    if (port.isInt()) {
      return port.asInt();
    }
    Integer resolved = containerPorts.get(port.asText());
    if (resolved == null) {
      fail("named port " + port.asText() + " is not a container port " + containerPorts.keySet());
    }
    return resolved;
  }

  private static void assertLabelsMatch(JsonNode selector, JsonNode labels, String what) {
    assertTrue(selector.size() > 0, what + " is empty");
    selector
        .fields()
        .forEachRemaining(
            e -> assertEquals(e.getValue().asText(), labels.path(e.getKey()).asText(), what));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(n -> texts.add(n.asText()));
    } else if (!array.isMissingNode() && !array.isNull()) {
      texts.add(array.asText());
    }
    return texts;
  }
}
