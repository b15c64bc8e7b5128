package jp.riss.deemedattendance;

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

  private static final String RECORDS_ONE_BY_ONE =
      "an import checks each record on its own: a record past a bound is reported in the 200"
          + " answer's errors with its index and field and the other records are imported"
          + " (ImportInputTest covers each record field's bound); only the batch itself is a 400";

  @TestFactory
  Stream<DynamicTest> everyBoundInTheContractIsEnforcedExactly() {
    return ContractBounds.ofModule()
        .except("POST /api/v1/deemed-attendance/imports/cycles", RECORDS_ONE_BY_ONE)
        .except("POST /api/v1/deemed-attendance/imports/course-completions", RECORDS_ONE_BY_ONE)
        .tests();
  }
}
