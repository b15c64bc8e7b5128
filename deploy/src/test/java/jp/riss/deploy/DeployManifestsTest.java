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

  /** "name/key" of each Secret deploy/README.md lists for the secret store to provide. */
  private static Set<String> externalSecrets;

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
    externalSecrets = new TreeSet<>();
    java.util.regex.Pattern row =
        java.util.regex.Pattern.compile("^\\| `([a-z0-9.-]+)` \\| `([A-Za-z0-9._-]+)` \\|");
    for (String line : Files.readAllLines(repo.resolve("deploy/README.md"))) {
      java.util.regex.Matcher m = row.matcher(line);
      if (m.find()) {
        externalSecrets.add(m.group(1) + "/" + m.group(2));
      }
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
      assertEquals("postgres", env.path("RATE_LIMIT_STORE").asText(), "shared rate limits");
    } else {
      assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText());
    }
    assertEquals(
        "jdbc:postgresql://postgres:5432/" + app.database, env.path("DB_URL").asText(), "DB_URL");
    assertEquals(app.database, env.path("DB_USER").asText(), "DB_USER");
    String password =
        compose
            .path("services")
            .path("postgres")
            .path("environment")
            .path(app.database.toUpperCase() + "_PASSWORD")
            .asText();
    assertFalse(password.isEmpty(), "postgres init creates " + app.database);
    assertEquals(password, env.path("DB_PASSWORD").asText(), "DB_PASSWORD = postgres init's");
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
  void workloadsAreTheFiveAppsAndTheOperatorsRunTheDataStores() {
    Set<String> expected = new TreeSet<>();
    Arrays.stream(App.values()).forEach(app -> expected.add("Deployment/" + app.module));
    Arrays.stream(App.values()).forEach(app -> expected.add("Cluster/" + app.database + "-db"));
    expected.add("Kafka/riss-kafka");
    Set<String> workloads =
        k8s.keySet().stream()
            .filter(
                k ->
                    k.startsWith("Deployment/")
                        || k.startsWith("StatefulSet/")
                        || k.startsWith("Cluster/")
                        || k.startsWith("Kafka/"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, workloads);
  }

  /**
   * Inside the cluster a service reaches its own database, the Kafka brokers, DNS and the trace
   * collector, nothing else (no other service, no other database); out of the cluster only address
   * blocks, which exclude the private ranges on the HTTPS rule. The gateway reaches the four
   * services and its own database instead, no Kafka.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void eachAppReachesOnlyWhatItNeeds(App app) {
    JsonNode labels = podLabels(app);
    Set<String> allowed = new TreeSet<>();
    allowed.add("namespace kube-system, pods k8s-app=kube-dns");
    allowed.add("namespace observability");
    allowed.add("pods cnpg.io/cluster=" + app.database + "-db");
    if (app.isGateway()) {
      App.services().forEach(s -> allowed.add("pods app.kubernetes.io/name=" + s.module));
    } else {
      allowed.add("pods strimzi.io/broker-role=true,strimzi.io/cluster=riss-kafka");
    }
    Set<String> reached = new TreeSet<>();
    k8s.values().stream()
        .filter(doc -> DeploymentRules.selects(doc, labels, "Egress"))
        .forEach(
            policy ->
                policy
                    .path("spec")
                    .path("egress")
                    .forEach(rule -> rule.path("to").forEach(peer -> reached.add(peer(peer)))));
    reached.removeIf(peer -> peer.startsWith("ipBlock "));
    assertEquals(allowed, reached, app.module + " egress peers inside the cluster");
  }

  /** Who may call a service: the gateway (public port) and monitoring (management port) only. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = App.class,
      names = {"GATEWAY"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyTheGatewayAndMonitoringReachAService(App service) {
    JsonNode labels = podLabels(service);
    Set<String> callers = new TreeSet<>();
    k8s.values().stream()
        .filter(doc -> DeploymentRules.selects(doc, labels, "Ingress"))
        .forEach(
            policy ->
                policy
                    .path("spec")
                    .path("ingress")
                    .forEach(
                        rule ->
                            rule.path("from")
                                .forEach(
                                    peer ->
                                        callers.add(
                                            peer(peer)
                                                + " -> "
                                                + rule.path("ports")
                                                    .get(0)
                                                    .path("port")
                                                    .asText()))));
    assertEquals(
        Set.of("pods app.kubernetes.io/name=gateway -> http", "namespace monitoring -> management"),
        callers);
    assertTrue(k8s.containsKey("NetworkPolicy/default-deny-ingress"), "ingress denied by default");
  }

  /** The labels of the app's pods (its Deployment's template). */
  private static JsonNode podLabels(App app) {
    return k8s.get("Deployment/" + app.module)
        .path("spec")
        .path("template")
        .path("metadata")
        .path("labels");
  }

  /** A NetworkPolicy peer, written as "namespace X, pods k=v" or "ipBlock cidr". */
  private static String peer(JsonNode peer) {
    if (peer.has("ipBlock")) {
      return "ipBlock " + peer.path("ipBlock").path("cidr").asText();
    }
    List<String> parts = new ArrayList<>();
    if (peer.has("namespaceSelector")) {
      parts.add(
          "namespace "
              + peer.path("namespaceSelector")
                  .path("matchLabels")
                  .path("kubernetes.io/metadata.name")
                  .asText());
    }
    if (peer.has("podSelector")) {
      Map<String, String> match = new java.util.TreeMap<>();
      peer.path("podSelector")
          .path("matchLabels")
          .fields()
          .forEachRemaining(e -> match.put(e.getKey(), e.getValue().asText()));
      parts.add(
          "pods "
              + match.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(",")));
    }
    return String.join(", ", parts);
  }

  /** Key material never goes into git: the manifests define no Secret at all. */
  @Test
  void noSecretIsDefinedInTheManifests() {
    Set<String> secrets =
        k8s.keySet().stream()
            .filter(k -> k.startsWith("Secret/"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), secrets);
  }

  /** Every Secret the apps read is generated by CloudNativePG or listed in deploy/README.md. */
  @Test
  void everyReferencedSecretIsGeneratedOrDocumented() {
    Set<String> referenced = new TreeSet<>();
    for (App app : App.values()) {
      k8sEnv(onlyContainer(k8s.get("Deployment/" + app.module)), app.module).values().stream()
          .filter(v -> v.startsWith("secret:"))
          .forEach(referenced::add);
    }
    assertFalse(referenced.isEmpty(), "the apps read Secrets");
    Set<String> undocumented = new TreeSet<>(referenced);
    undocumented.removeIf(
        ref -> externalSecrets.contains(ref.substring("secret:".length())) || generated(ref));
    assertEquals(Set.of(), undocumented, "add them to deploy/README.md, section Secrets");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void eachAppScalesOnCpuAndSurvivesADrain(App app) {
    JsonNode hpa = k8s.get("HorizontalPodAutoscaler/" + app.module);
    assertNotNull(hpa, "HorizontalPodAutoscaler/" + app.module);
    assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText());
    assertEquals(app.module, hpa.path("spec").path("scaleTargetRef").path("name").asText());
    assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2, "at least two replicas");
    assertFalse(
        k8s.get("Deployment/" + app.module).path("spec").has("replicas"),
        "the HPA owns the replica count: a replicas field would reset it at every apply");
    assertEquals(
        "cpu", hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText());
    JsonNode pdb = k8s.get("PodDisruptionBudget/" + app.module);
    assertNotNull(pdb, "PodDisruptionBudget/" + app.module);
    assertLabelsMatch(
        pdb.path("spec").path("selector").path("matchLabels"),
        podLabels(app),
        "PodDisruptionBudget selector");
  }

  /**
   * Memory agrees with the JVM options of the image (Dockerfile.jvm): requests equal limits, and
   * the heap (MaxRAMPercentage of the limit) leaves at least 192 Mi for everything else the JVM
   * needs (metaspace, code cache, thread stacks, direct buffers), or the kernel kills the pod.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void memoryLimitsLeaveRoomBesideTheHeap(App app) throws IOException {
    String dockerfile = Files.readString(repo.resolve("deploy/docker/Dockerfile.jvm"));
    java.util.regex.Matcher percentage =
        java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(dockerfile);
    assertTrue(percentage.find(), "the image sets -XX:MaxRAMPercentage");
    JsonNode resources = onlyContainer(k8s.get("Deployment/" + app.module)).path("resources");
    String limit = resources.path("limits").path("memory").asText();
    assertEquals(limit, resources.path("requests").path("memory").asText(), "requests = limits");
    assertTrue(limit.endsWith("Mi"), app.module + " memory limit in Mi: " + limit);
    int limitMi = Integer.parseInt(limit.substring(0, limit.length() - 2));
    int heapMi = limitMi * Integer.parseInt(percentage.group(1)) / 100;
    assertTrue(limitMi - heapMi >= 192, app.module + ": " + (limitMi - heapMi) + " Mi beside heap");
    // The idle footprint measured by bench/stack-footprint: about 235 MB a service, 131 MB the
    // gateway; the heap must hold that with room to work.
    assertTrue(heapMi >= (app.isGateway() ? 192 : 320), app.module + " heap " + heapMi + " Mi");
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
          {"startupProbe", "/q/health/started"},
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
    // Its own CloudNativePG cluster's read-write service, as its owner role, with the password of
    // the Secret the operator generates.
    assertTrue(
        env.get("DB_URL")
            .matches(
                "jdbc:postgresql://"
                    + app.database
                    + "-db-rw\\.riss\\.svc\\.cluster\\.local:5432/"
                    + app.database
                    + "(\\?.*)?"),
        "DB_URL " + env.get("DB_URL"));
    assertEquals(app.database, env.get("DB_USER"), "DB_USER");
    assertEquals("secret:" + app.database + "-db-app/password", env.get("DB_PASSWORD"));
    if (app.isGateway()) {
      for (App service : App.services()) {
        assertEquals(
            "http://" + service.module + ".riss.svc.cluster.local:" + service.port,
            env.get(service.gatewayUrlEnv()),
            service.gatewayUrlEnv());
      }
      assertEquals("postgres", env.get("RATE_LIMIT_STORE"), "replicas share the rate limits");
    } else {
      assertEquals(
          "riss-kafka-kafka-bootstrap.riss.svc.cluster.local:9092",
          env.get("KAFKA_BOOTSTRAP_SERVERS"),
          "Strimzi's bootstrap service");
    }
  }

  /**
   * One CloudNativePG cluster per app (the gateway's holds its shared rate-limit buckets): three
   * instances, PostgreSQL 15 or later, the database owned by the app's role, UTF-8 with the C.UTF-8
   * ctype and collation the tests run on.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void eachAppHasItsOwnPostgresCluster(App service) {
    JsonNode cluster = k8s.get("Cluster/" + service.database + "-db");
    assertNotNull(cluster, "Cluster/" + service.database + "-db");
    assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
    JsonNode spec = cluster.path("spec");
    assertEquals(3, spec.path("instances").asInt(), "instances");
    String image = spec.path("imageName").asText();
    assertTrue(
        image.startsWith("ghcr.io/cloudnative-pg/postgresql:"), "CloudNativePG image: " + image);
    int major = Integer.parseInt(image.substring(image.lastIndexOf(':') + 1).split("[.-]")[0]);
    assertTrue(major >= 15, "PostgreSQL 15 or later: " + image);
    JsonNode initdb = spec.path("bootstrap").path("initdb");
    assertEquals(service.database, initdb.path("database").asText(), "database");
    assertEquals(service.database, initdb.path("owner").asText(), "owner = DB_USER");
    assertEquals("UTF8", initdb.path("encoding").asText(), "encoding");
    assertEquals("C.UTF-8", initdb.path("localeCType").asText(), "ctype");
    assertEquals("C.UTF-8", initdb.path("localeCollate").asText(), "collation");
    assertTrue(
        k8s.containsKey("NetworkPolicy/" + service.database + "-db-ingress"),
        "the database lets in only its service, its instances, the operator and monitoring");
  }

  /** Strimzi runs Kafka in KRaft mode: three controllers and three brokers in node pools. */
  @Test
  void kafkaIsAStrimziKraftClusterOfThreeControllersAndThreeBrokers() {
    JsonNode kafka = k8s.get("Kafka/riss-kafka");
    assertNotNull(kafka, "Kafka/riss-kafka");
    assertEquals("kafka.strimzi.io/v1", kafka.path("apiVersion").asText());
    Map<String, Integer> replicasByRole = new HashMap<>();
    k8s.forEach(
        (key, doc) -> {
          if (key.startsWith("KafkaNodePool/")) {
            assertEquals(
                "riss-kafka",
                doc.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                key + " belongs to riss-kafka");
            for (JsonNode role : doc.path("spec").path("roles")) {
              replicasByRole.merge(
                  role.asText(), doc.path("spec").path("replicas").asInt(), Integer::sum);
            }
          }
        });
    assertEquals(Map.of("controller", 3, "broker", 3), replicasByRole);
    JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
    assertEquals(9092, listener.path("port").asInt(), "the port KAFKA_BOOTSTRAP_SERVERS names");
    assertEquals("internal", listener.path("type").asText(), "reachable only inside the cluster");
  }

  // ----------------------------------------------------------------------- local stack ----

  @ParameterizedTest(name = "{0}")
  @EnumSource(App.class)
  void localUpSetsEveryEnvNameTheAppReads(App app) throws IOException {
    // deploy/local/up sets the common settings itself and a module's own ones from app-env.
    String up = Files.readString(repo.resolve("deploy/local/up"));
    String own = Files.readString(repo.resolve("deploy/local/app-env"));
    for (String name : app.envRead(repo)) {
      assertTrue(
          up.contains(name + "=") || own.contains(name + "="),
          "deploy/local/up or app-env sets " + name + " for " + app.module);
    }
    String entry =
        (app.isGateway() ? "gateway=" : "") + app.module + ":" + app.port + ":" + app.database;
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
        value = kind.toLowerCase() + ":" + refName + "/" + key;
        // Secrets are never in the manifests (everyReferencedSecretIsGeneratedOrDocumented);
        // ConfigMaps are, and must have the key.
        if (kind.equals("ConfigMap")) {
          JsonNode source = k8s.get(kind + "/" + refName);
          assertNotNull(source, owner + ": " + name + " refers to missing " + kind + "/" + refName);
          assertTrue(source.path("data").has(key), owner + ": " + refName + " has no key " + key);
        }
      }
      env.put(name, value);
    }
    return env;
  }

  /** A Secret CloudNativePG generates for a Cluster of the manifests ("<cluster>-app"). */
  private static boolean generated(String ref) {
    String nameAndKey = ref.substring("secret:".length());
    String name = nameAndKey.substring(0, nameAndKey.indexOf('/'));
    return name.endsWith("-app")
        && k8s.containsKey("Cluster/" + name.substring(0, name.length() - "-app".length()))
        && Set.of("username", "password").contains(nameAndKey.substring(name.length() + 1));
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
