package jp.riss.activelist.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signing secrets never rest in clear: a database dump alone must not let anyone sign deliveries a
 * CRM would trust. The caller sees its secret once; the row holds it sealed under the service's key
 * and bound to the row; secrets stored in clear before are sealed at start.
 */
@QuarkusTest
class WebhookSecretsTest {

  static final String OWNER = "cci-sealed";

  @Inject EntityManager em;
  @Inject WebhookSecrets secrets;

  @AfterEach
  void deleteSubscriptions() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("DELETE FROM webhook_subscription WHERE owner_subject = :o")
                    .setParameter("o", OWNER)
                    .executeUpdate());
  }

  @Test
  void registeredAndRotatedSecretsAreStoredSealedAndOpenToWhatTheCallerGot() throws Exception {
    try (Receiver crm = new Receiver()) {
      Hooks.Registered hook = Hooks.register(OWNER, crm.url());
      UUID id = UUID.fromString(hook.id());
      assertSealed(id, hook.secret());

      String rotated =
          Hooks.as(OWNER)
              .post(Hooks.PATH + "/" + hook.id() + "/secret")
              .then()
              .statusCode(200)
              .extract()
              .path("secret");
      assertNotEquals(hook.secret(), rotated);
      assertSealed(id, rotated);
    }
  }

  @Test
  void aSecretStoredInClearBeforeIsSealedAtStart() {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO webhook_subscription (id, owner_subject, url, secret, position,"
                            + " created_at, secret_rotated_at) VALUES (:id, :owner,"
                            + " 'https://crm.example.test/hook', 'whsec_old', 9000000000000, now(),"
                            + " now())")
                    .setParameter("id", id)
                    .setParameter("owner", OWNER)
                    .executeUpdate());

    assertTrue(secrets.sealStoredInClear() >= 1);
    assertSealed(id, "whsec_old");
    assertEquals(0, secrets.sealStoredInClear(), "nothing left in clear");
  }

  @Test
  void aSealedSecretOpensOnlyUnderItsKeyAndOnItsRow() {
    UUID id = UUID.randomUUID();
    String sealed = secrets.seal(id, "whsec_x");
    assertEquals("whsec_x", secrets.open(id, sealed));
    assertThrows(WebhookSecrets.Unreadable.class, () -> secrets.open(UUID.randomUUID(), sealed));
    WebhookSecrets otherKey = new WebhookSecrets(Base64.getEncoder().encodeToString(new byte[32]));
    assertThrows(WebhookSecrets.Unreadable.class, () -> otherKey.open(id, sealed));
    assertNotEquals(sealed, secrets.seal(id, "whsec_x"), "a fresh nonce each time");
  }

  private void assertSealed(UUID id, String secret) {
    String stored =
        (String)
            em.createNativeQuery("SELECT secret FROM webhook_subscription WHERE id = :id")
                .setParameter("id", id)
                .getSingleResult();
    assertTrue(stored.startsWith("v1:"), stored);
    assertFalse(stored.contains(secret), "not in clear");
    assertEquals(secret, secrets.open(id, stored));
  }
}
