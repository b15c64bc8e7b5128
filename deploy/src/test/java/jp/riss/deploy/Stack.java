package jp.riss.deploy;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * What an operator does to the local stack during a fault: signals the processes deploy/local/up
 * started (by the PIDs it recorded), brings them back with up, runs a second instance of a service,
 * resets a consumer group with Kafka's own tool, cuts or restarts PostgreSQL, and reads and replays
 * dead letters with deploy/local/dlt.
 */
final class Stack {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path repo;
  private final AtomicInteger runs = new AtomicInteger();

  Stack(Path repo) {
    this.repo = repo;
  }

  long pid(String name) throws IOException {
    return Long.parseLong(Files.readString(repo.resolve(".local/pids/" + name + ".pid")).strip());
  }

  void signal(String name, String signal) throws Exception {
    run(List.of("kill", "-" + signal, String.valueOf(pid(name))), Map.of(), Duration.ofSeconds(10));
  }

  /** SIGTERM, then waits for the process to be gone. */
  void stop(String name) throws Exception {
    signal(name, "TERM");
    awaitExit(name);
  }

  void awaitExit(String name) throws IOException {
    long pid = pid(name);
    await(name + " exits")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  /** deploy/local/up: starts whatever is not running (no demo data: it is there already). */
  void up() throws Exception {
    run(
        List.of(repo.resolve("deploy/local/up").toString()),
        Map.of("RISS_DEMO_DATA", "false"),
        Duration.ofMinutes(5));
  }

  /** Kafka's kafka-consumer-groups tool, from the stack's own Kafka jars. */
  void resetToEarliest(String group, String topic) throws Exception {
    List<String> command =
        List.of(
            "java",
            "-cp",
            repo.resolve(".local/kafka/lib").toString() + "/*",
            "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
            "--bootstrap-server",
            "127.0.0.1:9092",
            "--group",
            group,
            "--topic",
            topic,
            "--reset-offsets",
            "--to-earliest",
            "--execute");
    // The group is empty once the stopped member's session is gone; until then the tool refuses.
    await("consumer group " + group + " reset")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> run(command, Map.of(), Duration.ofSeconds(60)).contains("NEW-OFFSET"));
  }

  /** The member ids of a consumer group, as the broker describes it. */
  Set<String> groupMembers(String group) throws Exception {
    return describe(group).members().stream()
        .map(MemberDescription::consumerId)
        .collect(Collectors.toSet());
  }

  /**
   * Whether the group is stable, has members, and none of them is one of {@code gone}: a killed
   * process's members stay in the group until their session times out, and no rebalance can finish
   * (so a restarted instance consumes nothing) until the broker has dropped them.
   */
  boolean settledWithout(String group, Set<String> gone) throws Exception {
    ConsumerGroupDescription description = describe(group);
    return description.groupState() == GroupState.STABLE
        && !description.members().isEmpty()
        && description.members().stream().noneMatch(m -> gone.contains(m.consumerId()));
  }

  private static ConsumerGroupDescription describe(String group) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
      return admin
          .describeConsumerGroups(List.of(group))
          .all()
          .get(10, TimeUnit.SECONDS)
          .get(group);
    }
  }

  /**
   * Refuses new connections to {@code databases} and ends every open one for as long as {@code
   * during} runs: what the services see of a restart, without touching the other databases of the
   * machine's cluster.
   */
  void cutDatabases(List<String> databases, Runnable during) throws Exception {
    try {
      for (String db : databases) {
        asPostgres("ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS false");
      }
      asPostgres(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname IN ('"
              + String.join("','", databases)
              + "')");
      during.run();
    } finally {
      for (String db : databases) {
        asPostgres("ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS true");
      }
    }
  }

  /** Stops the machine's PostgreSQL cluster, runs {@code during}, starts it again. */
  void restartPostgres(Runnable during) throws Exception {
    String[] cluster =
        run(List.of("pg_lsclusters", "-h"), Map.of(), Duration.ofSeconds(10))
            .lines()
            .findFirst()
            .orElseThrow()
            .trim()
            .split("\\s+");
    try {
      run(
          List.of("pg_ctlcluster", cluster[0], cluster[1], "stop", "-m", "fast"),
          Map.of(),
          Duration.ofMinutes(2));
      during.run();
    } finally {
      run(
          List.of("pg_ctlcluster", cluster[0], cluster[1], "start"),
          Map.of(),
          Duration.ofMinutes(2));
    }
  }

  private void asPostgres(String sql) throws Exception {
    run(
        List.of(
            "runuser",
            "-u",
            "postgres",
            "--",
            "psql",
            "-AtqX",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            "postgres",
            "-c",
            sql),
        Map.of(),
        Duration.ofSeconds(30));
  }

  void guideSql(String sql) {
    FaultCounts.psql("guide", sql);
  }

  /** The entry of deploy/local/dlt list for the event, or null. */
  Map<String, Object> parked(String service, String eventId) throws Exception {
    Map<String, Object> list =
        JSON.readValue(
            run(
                List.of(repo.resolve("deploy/local/dlt").toString(), "list", service),
                Map.of(),
                Duration.ofMinutes(1)),
            new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
    return items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
  }

  /** deploy/local/dlt replay: the outcome of each parked event replayed. */
  List<Map<String, Object>> replay(String service, String topic, String source) throws Exception {
    Map<String, List<Map<String, Object>>> answer =
        JSON.readValue(
            run(
                List.of(
                    repo.resolve("deploy/local/dlt").toString(), "replay", service, topic, source),
                Map.of(),
                Duration.ofMinutes(2)),
            new TypeReference<>() {});
    return answer.get("items");
  }

  /**
   * A second process of a service, with the first one's environment except the ports: it joins the
   * same consumer group. Closing it stops it with SIGTERM (and SIGKILL after 30 s).
   */
  SecondInstance secondInstance(String module, int port, int managementPort) throws Exception {
    Map<String, String> env = new HashMap<>();
    byte[] environ = Files.readAllBytes(Path.of("/proc/" + pid(module) + "/environ"));
    for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    Path tmp = repo.resolve(".local/tmp/" + module + "-2");
    Files.createDirectories(tmp);
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-XX:+UseSerialGC",
                "-Xms64m",
                "-Xmx384m",
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                repo.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString())
            .directory(repo.resolve(module).toFile())
            .redirectErrorStream(true)
            .redirectOutput(repo.resolve(".local/logs/" + module + "-2.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return new SecondInstance(builder.start(), managementPort);
  }

  static final class SecondInstance implements AutoCloseable {
    private final Process process;
    private final int managementPort;

    SecondInstance(Process process, int managementPort) {
      this.process = process;
      this.managementPort = managementPort;
    }

    void awaitReady(Duration limit) {
      HttpClient http = HttpClient.newHttpClient();
      await("the second instance is ready")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () ->
                  process.isAlive()
                      && http.send(
                                  HttpRequest.newBuilder(
                                          URI.create(
                                              "http://127.0.0.1:"
                                                  + managementPort
                                                  + "/q/health/ready"))
                                      .timeout(Duration.ofSeconds(3))
                                      .build(),
                                  HttpResponse.BodyHandlers.discarding())
                              .statusCode()
                          == 200);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Runs a command from the repository root; its output, or an exception naming it. */
  private String run(List<String> command, Map<String, String> env, Duration limit)
      throws Exception {
    Path log = repo.resolve("deploy/target/fault-suite-" + runs.incrementAndGet() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(repo.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectOutput(ProcessBuilder.Redirect.PIPE);
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in " + limit);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          command + " exited " + process.exitValue() + ": " + out + "\n" + Files.readString(log));
    }
    return out;
  }
}
