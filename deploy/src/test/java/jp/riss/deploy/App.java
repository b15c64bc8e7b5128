package jp.riss.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The apps as the deploy contract describes them: module, port, database (= role = local password;
 * the gateway's holds the rate-limit buckets its replicas share) and API context. Everything in
 * deploy/ must agree with this.
 */
enum App {
  ACTIVE_LIST("active-list-service", 8081, "activelist", "active-list"),
  DEEMED_ATTENDANCE("deemed-attendance-service", 8082, "deemedattendance", "deemed-attendance"),
  COMMUNITY("camp-community-service", 8083, "community", "community"),
  GUIDE("practical-guide-service", 8084, "guide", "guide"),
  GATEWAY("gateway", 8080, "gateway", null);

  /** Env names every service reads (platform-core's shared defaults), per the contract. */
  static final Set<String> SERVICE_ENV =
      Set.of(
          "HTTP_PORT",
          "MANAGEMENT_PORT",
          "DB_URL",
          "DB_USER",
          "DB_PASSWORD",
          "KAFKA_BOOTSTRAP_SERVERS",
          "JWT_PUBLIC_KEY_LOCATION",
          "JWT_ISSUER",
          "JWT_AUDIENCE",
          "JWT_BLOCKING_AUTHENTICATION");

  /** Env names the gateway reads, per the contract. */
  static final Set<String> GATEWAY_ENV =
      Set.of(
          "HTTP_PORT",
          "MANAGEMENT_PORT",
          "ACTIVE_LIST_URL",
          "DEEMED_ATTENDANCE_URL",
          "COMMUNITY_URL",
          "GUIDE_URL",
          "DB_URL",
          "DB_USER",
          "DB_PASSWORD",
          "RATE_LIMIT_STORE",
          "JWT_PUBLIC_KEY_LOCATION",
          "JWT_ISSUER",
          "JWT_AUDIENCE",
          "JWT_BLOCKING_AUTHENTICATION");

  private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  final String module;
  final int port;
  final String database;
  final String context;

  App(String module, int port, String database, String context) {
    this.module = module;
    this.port = port;
    this.database = database;
    this.context = context;
  }

  @Override
  public String toString() {
    return module;
  }

  /** Health and metrics listen here (the management interface), never on {@link #port}. */
  int managementPort() {
    return port + 1000;
  }

  boolean isGateway() {
    return this == GATEWAY;
  }

  static List<App> services() {
    return List.of(ACTIVE_LIST, DEEMED_ATTENDANCE, COMMUNITY, GUIDE);
  }

  /** The env name under which the gateway finds this service, e.g. ACTIVE_LIST_URL. */
  String gatewayUrlEnv() {
    return context.toUpperCase().replace('-', '_') + "_URL";
  }

  String image(String version) {
    return "riss/" + module + ":" + version;
  }

  /** The contract's env names for this app. */
  Set<String> contractEnv() {
    return isGateway() ? GATEWAY_ENV : SERVICE_ENV;
  }

  /** The config files this app reads its env names from (some may not exist yet). */
  List<Path> configFiles(Path repo) {
    List<Path> files = new ArrayList<>();
    files.add(
        repo.resolve("platform/http/src/main/resources/META-INF/microprofile-config.properties"));
    if (!isGateway()) {
      files.add(
          repo.resolve("platform/core/src/main/resources/META-INF/microprofile-config.properties"));
    }
    files.add(repo.resolve(module).resolve("src/main/resources/application.properties"));
    return files;
  }

  /**
   * The env names this app reads: every {@code ${NAME} / ${NAME:default}} placeholder in its config
   * files.
   */
  Set<String> envRead(Path repo) {
    Set<String> names = new TreeSet<>();
    for (Path file : configFiles(repo)) {
      if (!Files.isRegularFile(file)) {
        throw new AssertionError(module + " reads its configuration from " + file + ": missing");
      }
      names.addAll(placeholders(file));
    }
    return names;
  }

  static Set<String> placeholders(Path propertiesFile) {
    Set<String> names = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(propertiesFile)) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
          continue;
        }
        Matcher m = ENV_PLACEHOLDER.matcher(line);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** The repository root: the riss.repo.root property, or the first parent holding mvnw. */
  static Path repoRoot() {
    String configured = System.getProperty("riss.repo.root");
    if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "local"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/local"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root from " + Path.of(""));
  }

  /** The release version images carry: the project version without -SNAPSHOT. */
  static String imageVersion() {
    return System.getProperty("riss.version", "0.1.0-SNAPSHOT").replace("-SNAPSHOT", "");
  }
}
