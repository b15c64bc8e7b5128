package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address an anonymous caller is limited by. */
class ClientIdentityTest {

  @Test
  void forwardedForIsIgnoredUnlessTrusted() {
    assertEquals("10.0.0.9", ClientIdentity.address("10.0.0.9", List.of("203.0.113.7"), false));
  }

  @Test
  void behindATrustedProxyItsAppendedEntryCountsNotTheClientsClaims() {
    assertEquals(
        "203.0.113.7",
        ClientIdentity.address("10.0.0.9", List.of("198.51.100.1, 203.0.113.7"), true));
    assertEquals(
        "203.0.113.7",
        ClientIdentity.address("10.0.0.9", List.of("198.51.100.1", "203.0.113.7"), true));
  }

  @Test
  void withoutAUsableForwardedForThePeerCounts() {
    assertEquals("10.0.0.9", ClientIdentity.address("10.0.0.9", List.of(), true));
    assertEquals("10.0.0.9", ClientIdentity.address("10.0.0.9", List.of("1.2.3.4, "), true));
    assertEquals("unknown", ClientIdentity.address(null, List.of(), false));
  }
}
