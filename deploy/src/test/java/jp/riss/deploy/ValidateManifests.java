package jp.riss.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The build step of the k8s-validate profile (deploy/pom.xml): renders the kustomization and
 * validates every object it yields; fails the build on the first render error or with the list of
 * every object's problems.
 */
public final class ValidateManifests {

  private ValidateManifests() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ValidateManifests <kustomization dir>");
    }
    Path dir = Path.of(args[0]);
    List<String> problems = problems(dir);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          dir + ": " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems));
    }
  }

  /** Every problem of the rendered kustomization; empty when all is valid. */
  static List<String> problems(Path dir) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> objects = Kustomization.builtIn(dir);
    Optional<Path> kubectl = Kustomization.kubectl();
    String renderer = "the built-in renderer (no kubectl on the PATH)";
    if (kubectl.isPresent()) {
      List<JsonNode> rendered = Kustomization.renderWithKubectl(kubectl.get(), dir);
      problems.addAll(sameObjects(rendered, objects));
      objects = rendered;
      renderer = "kubectl kustomize (the built-in renderer agrees)";
    }
    ManifestSchemas schemas = new ManifestSchemas();
    for (JsonNode object : objects) {
      for (String problem : schemas.problems(object)) {
        problems.add(Kustomization.id(object) + ": " + problem);
      }
    }
    if (problems.isEmpty()) {
      System.out.printf(
          "deploy/k8s: %d objects rendered by %s, all valid against Kubernetes %s and CRDs %s%n",
          objects.size(), renderer, ManifestSchemas.KUBERNETES_VERSION, ManifestSchemas.CRDS);
    }
    return problems;
  }

  /** Differences between kubectl's rendering and the built-in one, object by object. */
  static List<String> sameObjects(List<JsonNode> kubectl, List<JsonNode> builtIn) {
    Map<String, JsonNode> a = Kustomization.byId(kubectl);
    Map<String, JsonNode> b = Kustomization.byId(builtIn);
    List<String> problems = new ArrayList<>();
    for (String id : new TreeSet<>(a.keySet())) {
      if (!b.containsKey(id)) {
        problems.add(id + ": rendered by kubectl kustomize, not by the built-in renderer");
      } else if (!a.get(id).equals(b.get(id))) {
        problems.add(id + ": kubectl kustomize and the built-in renderer render it differently");
      }
    }
    for (String id : new TreeSet<>(b.keySet())) {
      if (!a.containsKey(id)) {
        problems.add(id + ": rendered by the built-in renderer, not by kubectl kustomize");
      }
    }
    return problems;
  }
}
