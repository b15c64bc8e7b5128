package jp.riss.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST Assured filter that fails a test when a request or a response differs from the service's
 * checked-in contract, so the contract cannot lie.
 *
 * <p>Each filter is built once per test JVM and reused: building one parses and resolves the whole
 * contract (thousands of lines), which cost more than the request it checked when every request
 * built its own. The validator keeps no state between requests, and the contract does not change
 * while tests run.
 */
public final class Contracts {

  private static final Map<String, OpenApiValidationFilter> FILTERS = new ConcurrentHashMap<>();

  private Contracts() {}

  /** The contract of the module whose tests are running. */
  public static Path moduleContract() {
    Path contract = Path.of("src/main/openapi/openapi.yaml").toAbsolutePath();
    if (!Files.exists(contract)) {
      throw new IllegalStateException("no contract at " + contract);
    }
    return contract;
  }

  public static OpenApiValidationFilter validator() {
    String contract = moduleContract().toUri().toString();
    return FILTERS.computeIfAbsent(
        "request and response " + contract,
        key ->
            new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(contract).build()));
  }

  /**
   * Checks only the response: for tests that send requests the contract forbids on purpose and must
   * still get the problem the contract promises.
   */
  public static OpenApiValidationFilter responseValidator() {
    String contract = moduleContract().toUri().toString();
    return FILTERS.computeIfAbsent(
        "response " + contract,
        key ->
            new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(contract)
                    .withLevelResolver(
                        LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build()));
  }
}
