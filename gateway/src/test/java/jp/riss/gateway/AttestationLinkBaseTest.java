package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway refuses to start with an ATTESTATION_LINK_BASE it does not serve. */
class AttestationLinkBaseTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/deemed-attendance/attest",
        "http://127.0.0.1:8080/deemed-attendance/attest",
        "https://api.riss.local/deemed-attendance/attest"
      })
  void aBaseWhosePathIsThePageIsAccepted(String base) {
    assertDoesNotThrow(() -> AttestationPage.check(base));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://portal.riss.local/deemed-attendance/attestation",
        "https://api.riss.local/deemed-attendance/attest/",
        "https://api.riss.local/attest",
        "/deemed-attendance/attest",
        "ftp://api.riss.local/deemed-attendance/attest",
        "https://api.riss.local/deemed-attendance/attest?x=1",
        "https://api.riss.local/deemed-attendance/attest#token=",
        "https://api riss/deemed-attendance/attest"
      })
  void anyOtherBaseStopsTheStart(String base) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> AttestationPage.check(base));
    assertTrue(e.getMessage().startsWith("ATTESTATION_LINK_BASE=" + base), e.getMessage());
  }
}
