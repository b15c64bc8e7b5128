package jp.riss.community.programme;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/** The camp programmes are public; see {@link PublicReadChecks} for what that promises. */
@QuarkusTest
class ProgrammeSecurityTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of(
        ProgrammeReferenceTest.PROGRAMMES,
        ProgrammeReferenceTest.PROGRAMMES + "/connect",
        "/api/v1/community/editions");
  }
}
