package jp.riss.activelist;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import jp.riss.platform.testing.ContractBounds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bound the Active List's contract declares on an input (query, header and path parameters,
 * request body fields) is the service's bound: one past it is a 400 problem naming the field, one
 * exactly at it is not refused for it.
 */
@QuarkusTest
class ContractBoundsTest {

  @TestFactory
  Stream<DynamicTest> everyBoundInTheContractIsEnforcedExactly() {
    return ContractBounds.ofModule().tests();
  }
}
