package jp.riss.guide.closers;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/**
 * Who closes a gap is public (no organisation data in it); see {@link PublicReadChecks} for what
 * that promises.
 */
@QuarkusTest
class ClosersSecurityTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of(
        "/api/v1/guide/closers?gap=basic-policy&step=2&prefecture=13&seed=7",
        "/api/v1/guide/closers?gap=os-updates&step=1&prefecture=47&seed=0&lang=en");
  }
}
