package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which peers are trusted proxies, and which address of a forwarded chain is the client. */
class TrustedProxiesTest {

  private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "2001:db8::/32"));

  @Test
  void blocksAndSingleAddressesMatchByPrefix() {
    assertTrue(proxies.trusts("10.1.2.3"));
    assertFalse(proxies.trusts("11.0.0.1"));
    assertTrue(proxies.trusts("2001:db8:0:0:0:0:0:1"));
    assertFalse(proxies.trusts("2001:db9::1"));
    assertTrue(proxies.trusts("::ffff:10.9.9.9"), "an IPv4 peer on an IPv6 socket");
    TrustedProxies one = new TrustedProxies(List.of("192.0.2.7"));
    assertTrue(one.trusts("192.0.2.7"));
    assertFalse(one.trusts("192.0.2.8"));
    TrustedProxies odd = new TrustedProxies(List.of("192.0.2.0/25"));
    assertTrue(odd.trusts("192.0.2.127"));
    assertFalse(odd.trusts("192.0.2.128"));
  }

  @Test
  void nothingIsTrustedByDefaultAndNamesAreNeverLookedUp() {
    TrustedProxies none = new TrustedProxies(List.of());
    assertFalse(none.any());
    assertFalse(none.trusts("127.0.0.1"));
    assertFalse(proxies.trusts("localhost"));
    assertFalse(proxies.trusts("a.b.c.d"));
    assertFalse(proxies.trusts("unknown"));
  }

  @Test
  void aMistypedBlockFailsStartUp() {
    assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
    assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.local")));
    assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/x")));
  }

  @Test
  void theClientIsTheNearestAddressThatIsNotATrustedProxy() {
    // peer 10.0.0.2 (trusted) forwarded for 10.0.0.1 (trusted) which was called by 203.0.113.7;
    // whatever 203.0.113.7 claimed before it (198.51.100.1) counts for nothing.
    assertEquals(
        "203.0.113.7",
        proxies.clientAddress("10.0.0.2", List.of("198.51.100.1", "203.0.113.7", "10.0.0.1")));
    assertEquals("203.0.113.7", proxies.clientAddress("10.0.0.2", List.of("203.0.113.7:4711")));
    assertEquals(
        "2001:db9::5", proxies.clientAddress("10.0.0.2", List.of("\"[2001:db9::5]:4711\"")));
    assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of()));
    assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of("", " ")));
    // Only trusted proxies all the way: the farthest one is the best we know.
    assertEquals("10.0.0.1", proxies.clientAddress("10.0.0.2", List.of("10.0.0.1")));
  }
}
