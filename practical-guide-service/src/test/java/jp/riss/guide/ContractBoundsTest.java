package jp.riss.guide;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import jp.riss.platform.testing.ContractBounds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bound the contract declares on an input is the bound the service enforces: one past it is a
 * 400 naming the field, exactly at it is not refused for it (see {@link ContractBounds}).
 */
@QuarkusTest
class ContractBoundsTest {

  private static final String WHOLE_DOCUMENT =
      "an instrument version is checked as one document (InstrumentRules names every fault of a"
          + " whole document at once, InstrumentVersionTest); a probe sends a document with one"
          + " field, whose missing structure is reported before the nested bounds are reached";

  private static final String AFTER_LOOKUP_LIKE_CREATE =
      "a replacement is checked after what it replaces is found, naming every fault at once, by"
          + " the same rules as the create, whose bounds this test probes";

  @TestFactory
  Stream<DynamicTest> everyBoundInTheContractIsEnforcedExactly() {
    return ContractBounds.ofModule()
        .except(
            "POST /api/v1/guide/link-checks",
            "a request at the bounds starts a real link-check run over the network (probing the"
                + " cited resources' addresses); LinkCheckTest covers the body's bounds")
        .except(
            "POST /api/v1/guide/versions/{version}/elements",
            "an element is checked against its version (its kind's fields, its parent, the"
                + " resources it cites) after the version is found, naming every fault at once;"
                + " GuideEditingTest covers these checks")
        .except(
            "PATCH /api/v1/guide/versions/{version}/elements/{key}",
            "a change is checked against the element it changes (which fields its kind uses), so"
                + " after the element is found, naming every fault at once; GuideEditingTest"
                + " covers its text bound")
        .except("PATCH /api/v1/guide/resources/{number}", AFTER_LOOKUP_LIKE_CREATE)
        .except("PUT /api/v1/guide/organisations/{id}", AFTER_LOOKUP_LIKE_CREATE)
        .except(
            "POST /api/v1/guide/organisations/{id}/action-plans",
            "a plan is checked against the diagnosis it names, after the organisation and the"
                + " diagnosis are found, naming every fault at once (PlanTest)")
        .except("POST /api/v1/guide/instruments/{code}/versions", WHOLE_DOCUMENT)
        .except("PUT /api/v1/guide/instruments/{code}/versions/{version}", WHOLE_DOCUMENT)
        .tests();
  }
}
