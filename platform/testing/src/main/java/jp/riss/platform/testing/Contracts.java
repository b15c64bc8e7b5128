package jp.riss.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * REST Assured filter that fails a test when a request or a response differs from the service's
 * checked-in contract, so the contract cannot lie.
 */
public final class Contracts {

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
    return new OpenApiValidationFilter(
        OpenApiInteractionValidator.createForSpecificationUrl(moduleContract().toUri().toString())
            .build());
  }

  /**
   * Checks only the response: for tests that send requests the contract forbids on purpose and must
   * still get the problem the contract promises.
   */
  public static OpenApiValidationFilter responseValidator() {
    return new OpenApiValidationFilter(
        OpenApiInteractionValidator.createForSpecificationUrl(moduleContract().toUri().toString())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build());
  }
}
