package jp.riss.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every model the generator made must be a component schema of the contract it came from, so the
 * client reads like our own code. A class the generator named for an inline schema ({@code
 * ListPrefectures200Response}, {@code …Request}, {@code …Inner}) fails the build, naming where the
 * schema stands in the contract: give it a name under {@code components.schemas} and {@code $ref}
 * it. {@code -Dclients.inline-models.allowed=true} lists them without failing.
 */
class GeneratedModelNamesTest {

  /** The four contracts as the pom's executions generate them (id = output folder). */
  enum Contract {
    ACTIVE_LIST("active-list-service", "active-list", "activelist"),
    DEEMED_ATTENDANCE("deemed-attendance-service", "deemed-attendance", "deemedattendance"),
    COMMUNITY("camp-community-service", "community", "community"),
    GUIDE("practical-guide-service", "guide", "guide");

    final String module;
    final String id;
    final String pkg;

    Contract(String module, String id, String pkg) {
      this.module = module;
      this.id = id;
      this.pkg = pkg;
    }
  }

  /** Generated for every composed schema package, not from a schema of the contract. */
  private static final Set<String> SUPPORT = Set.of("AbstractOpenApiSchema");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest(name = "{0}")
  @EnumSource(Contract.class)
  void everyGeneratedModelIsAComponentSchema(Contract contract) throws IOException {
    Path repo = repoRoot();
    JsonNode document =
        YAML.readTree(
            repo.resolve(contract.module).resolve("src/main/openapi/openapi.yaml").toFile());
    Set<String> components = new TreeSet<>();
    document.path("components").path("schemas").fieldNames().forEachRemaining(components::add);
    Set<String> models = generatedModels(repo, contract);
    assertFalse(models.isEmpty(), "no generated models for " + contract.id);

    Map<String, String> inline = InlineSchemaNames.of(document);
    List<String> invented = new ArrayList<>();
    for (String model : models) {
      if (!isComponent(model, components)) {
        invented.add(
            model
                + " — "
                + inline.getOrDefault(
                    model,
                    "no component schema of that name (an inline schema, named by the"
                        + " generator)"));
      }
    }
    String report =
        contract.module
            + ": "
            + models.size()
            + " generated models, "
            + invented.size()
            + " not a component schema of src/main/openapi/openapi.yaml";
    System.out.println(
        report + (invented.isEmpty() ? "" : ":\n  " + String.join("\n  ", invented)));
    if (!invented.isEmpty() && !Boolean.getBoolean("clients.inline-models.allowed")) {
      fail(
          report
              + " (name each inline schema under components.schemas and $ref it):\n  "
              + String.join("\n  ", invented));
    }
  }

  /**
   * Whether a generated class stands for a component schema: the generator camel-cases the name and
   * puts {@code Model} before a Java reserved word ({@code Case} → {@code ModelCase}).
   */
  static boolean isComponent(String model, Set<String> components) {
    for (String component : components) {
      String name = InlineSchemaNames.modelName(component);
      if (model.equals(name) || model.equals("Model" + name)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> generatedModels(Path repo, Contract contract) throws IOException {
    Path dir =
        repo.resolve("clients/target/generated-sources/openapi")
            .resolve(contract.id)
            .resolve("src/main/java/jp/riss/client")
            .resolve(contract.pkg)
            .resolve("model");
    if (!Files.isDirectory(dir)) {
      fail(dir + " is missing: the generator runs at generate-sources (./mvnw -pl clients test)");
    }
    Set<String> models = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".java"))
          .map(f -> f.substring(0, f.length() - ".java".length()))
          .filter(m -> !SUPPORT.contains(m))
          .forEach(models::add);
    }
    return models;
  }

  private static Path repoRoot() {
    String configured = System.getProperty("riss.repo.root");
    Path root = configured == null ? Path.of("..") : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }
}
