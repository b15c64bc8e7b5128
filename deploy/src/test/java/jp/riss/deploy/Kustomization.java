package jp.riss.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization into the objects it yields: with {@code kubectl kustomize} where kubectl
 * is installed (this build host's image ships it), and with a built-in renderer of the subset
 * deploy/k8s uses (namespace and plain resource files) everywhere else. The built-in renderer
 * refuses any kustomization field it does not implement, so it can never quietly render less than
 * kubectl would; {@link ValidateManifests} compares both wherever kubectl exists.
 */
final class Kustomization {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Kinds that live outside any namespace: kustomize leaves their metadata alone. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "IngressClass");

  /** The kustomization fields the built-in renderer implements. */
  private static final Set<String> BUILT_IN_FIELDS =
      Set.of("apiVersion", "kind", "namespace", "resources");

  private Kustomization() {}

  /** The objects of the kustomization in {@code dir}, by kubectl where it exists. */
  static List<JsonNode> render(Path dir) {
    return kubectl().map(kubectl -> renderWithKubectl(kubectl, dir)).orElseGet(() -> builtIn(dir));
  }

  /** kubectl on the PATH, if any. */
  static Optional<Path> kubectl() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, "kubectl");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static List<JsonNode> renderWithKubectl(Path kubectl, Path dir) {
    try {
      Path out = Files.createTempFile("kustomize", ".yaml");
      Path err = Files.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              "kubectl kustomize "
                  + dir
                  + " failed: "
                  + Files.readString(err, StandardCharsets.UTF_8).strip());
        }
        return documents(out);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The built-in renderer: resources (files or kustomization folders) and namespace. */
  static List<JsonNode> builtIn(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    JsonNode kustomization = documents(file).get(0);
    for (Iterator<String> names = kustomization.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!BUILT_IN_FIELDS.contains(field)) {
        throw new IllegalStateException(
            file
                + ": `"
                + field
                + "` is not implemented by the built-in renderer (only "
                + BUILT_IN_FIELDS
                + "); render with kubectl kustomize or extend Kustomization");
      }
    }
    String namespace = kustomization.path("namespace").asText(null);
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = dir.resolve(resource.asText()).normalize();
      objects.addAll(Files.isDirectory(path) ? builtIn(path) : documents(path));
    }
    if (namespace != null) {
      for (JsonNode object : objects) {
        if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
          ((ObjectNode) object.path("metadata")).put("namespace", namespace);
        }
      }
    }
    return objects;
  }

  /** The non-empty YAML documents of a file. */
  static List<JsonNode> documents(Path file) {
    try {
      List<JsonNode> documents = new ArrayList<>();
      for (JsonNode doc :
          YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          documents.add(doc);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** "Kind namespace/name" of an object, the key kustomize itself keeps objects apart by. */
  static String id(JsonNode object) {
    JsonNode metadata = object.path("metadata");
    return object.path("apiVersion").asText()
        + " "
        + object.path("kind").asText()
        + " "
        + metadata.path("namespace").asText("")
        + "/"
        + metadata.path("name").asText();
  }

  /** Objects by {@link #id}, failing on a duplicate. */
  static Map<String, JsonNode> byId(List<JsonNode> objects) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode object : objects) {
      if (byId.put(id(object), object) != null) {
        throw new IllegalStateException(id(object) + " is defined twice");
      }
    }
    return byId;
  }
}
