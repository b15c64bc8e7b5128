package jp.riss.activelist.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard as production runs it (loopback not allowed), and as tests and dev run it. */
class WebhookTargetsTest {

  private final WebhookTargets production = new WebhookTargets(false);
  private final WebhookTargets development = new WebhookTargets(true);

  private static void refused(WebhookTargets targets, String url, String because) {
    WebhookTargets.Refused refused =
        assertThrows(WebhookTargets.Refused.class, () -> targets.check(targets.parse(url)), url);
    assertTrue(refused.getMessage().contains(because), url + ": " + refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.8.9.10/hook",
        "https://[::1]/hook",
        "https://localhost/hook"
      })
  void loopbackIsRefusedInProduction(String url) {
    refused(production, url, "loopback");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://10.1.2.3/hook",
        "https://172.16.0.1/hook",
        "https://172.31.255.255/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fe80::1]/hook",
        "https://[fd12:3456::1]/hook",
        "https://[fc00::1]/hook",
        "https://0.0.0.0/hook",
        "https://[::]/hook",
        "https://224.0.0.1/hook",
        "https://[ff02::1]/hook",
        "https://100.64.0.1/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[2002:c0a8:0101::1]/hook",
        "https://240.0.0.1/hook"
      })
  void internalTargetsAreRefusedEvenWhereLoopbackIsAllowed(String url) {
    refused(production, url, "address");
    refused(development, url, "address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://93.184.216.34/hook"})
  void plainHttpIsRefusedInProduction(String url) {
    refused(production, url, "https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://93.184.216.34/x", "https://user:pw@93.184.216.34/x", "/relative", "::"})
  void onlyAbsoluteHttpsUrlsWithoutCredentials(String url) {
    assertThrows(WebhookTargets.Refused.class, () -> production.check(production.parse(url)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1::1]:8443/x"})
  void publicAddressesOverHttpsAreAllowed(String url) {
    assertDoesNotThrow(() -> production.check(production.parse(url)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://[::1]:9443/hook"})
  void theDevelopmentSettingAllowsLoopbackOnly(String url) {
    assertDoesNotThrow(() -> development.check(development.parse(url)));
  }

  @org.junit.jupiter.api.Test
  void theDevelopmentSettingStillWantsHttpsForEverythingElse() {
    refused(development, "http://93.184.216.34/hook", "https");
    assertDoesNotThrow(() -> development.parse("https://93.184.216.34/hook"));
    assertDoesNotThrow(() -> URI.create("https://93.184.216.34/hook"));
  }
}
