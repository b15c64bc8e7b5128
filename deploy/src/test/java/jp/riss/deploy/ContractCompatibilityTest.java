package jp.riss.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Integrators build on our contracts, so a contract may not break them silently: each checked-in
 * contract is compared with the last released one ({@code <module>/src/released/openapi.yaml}) by
 * openapi-diff, and an incompatible change fails the build unless the contract's major version is
 * raised. Releasing a contract means copying it there (docs/contracts.md).
 */
class ContractCompatibilityTest {

  static Stream<App> appsWithAContract() {
    return Stream.of(App.values())
        .filter(app -> Files.exists(current(app)) || Files.exists(released(app)));
  }

  @ParameterizedTest
  @MethodSource("appsWithAContract")
  void noContractBreaksItsReleasedVersionWithoutANewMajor(App app) throws IOException {
    assertTrue(Files.exists(released(app)), "no released baseline at " + released(app));
    assertTrue(Files.exists(current(app)), "the released contract of " + app + " was removed");
    String verdict = verdict(Files.readString(released(app)), Files.readString(current(app)));
    assertEquals("compatible", verdict, app.module + ": " + verdict);
  }

  @Test
  void removingAnOperationIsCaughtAndANewMajorAllowsIt() throws IOException {
    String released = Files.readString(current(App.DEEMED_ATTENDANCE));
    String firstPath = released.lines().filter(l -> l.matches("  /api/\\S+:")).findFirst().get();
    String removed =
        released.replace(firstPath, "  /api/v1/gone-" + Math.abs(firstPath.hashCode()) + ":");

    assertTrue(verdict(released, removed).startsWith("incompatible"), "a removed operation");
    String newMajor = removed.replaceFirst("\n  version: (\\d+)", "\n  version: 9$1");
    assertEquals("compatible", verdict(released, newMajor));
  }

  @Test
  void addingAnOperationIsCompatible() throws IOException {
    String released = Files.readString(current(App.DEEMED_ATTENDANCE));
    String added =
        released.replaceFirst(
            "\npaths:\n",
            "\npaths:\n  /api/v1/added:\n    get:\n      operationId: added\n"
                + "      responses:\n        '204':\n          description: Nothing.\n");
    assertEquals("compatible", verdict(released, added));
  }

  /** "compatible", or "incompatible: …" with openapi-diff's account of what breaks. */
  static String verdict(String released, String current) throws IOException {
    ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
    if (!diff.isIncompatible()) {
      return "compatible";
    }
    if (major(diff.getNewSpecOpenApi().getInfo().getVersion())
        > major(diff.getOldSpecOpenApi().getInfo().getVersion())) {
      return "compatible";
    }
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    try (OutputStreamWriter out = new OutputStreamWriter(report, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, out);
    }
    return "incompatible without a new major version (info.version): "
        + report.toString(StandardCharsets.UTF_8);
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (RuntimeException e) {
      return fail("info.version must be semantic (major.minor.patch), not " + version);
    }
  }

  private static Path current(App app) {
    return App.repoRoot().resolve(app.module).resolve("src/main/openapi/openapi.yaml");
  }

  private static Path released(App app) {
    return App.repoRoot().resolve(app.module).resolve("src/released/openapi.yaml");
  }
}
