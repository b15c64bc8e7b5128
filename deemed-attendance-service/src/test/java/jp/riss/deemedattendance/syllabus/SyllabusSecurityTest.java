package jp.riss.deemedattendance.syllabus;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import jp.riss.platform.testing.PublicReadChecks;

/** The syllabus reference data is public; see {@link PublicReadChecks} for what that promises. */
@QuarkusTest
class SyllabusSecurityTest extends PublicReadChecks {

  @Override
  protected List<String> publicPaths() {
    return List.of(
        SyllabusReferenceTest.ITEMS,
        SyllabusReferenceTest.ITEMS + "/1-1",
        SyllabusReferenceTest.MAPPINGS);
  }
}
