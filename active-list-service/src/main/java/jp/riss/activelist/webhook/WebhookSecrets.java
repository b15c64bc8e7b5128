package jp.riss.activelist.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signing secrets are needed in clear to sign each delivery, so they cannot be hashed; they are
 * stored sealed instead (AES-256-GCM under {@code WEBHOOK_SECRET_KEY}, bound to the subscription's
 * id so a sealed value copied onto another row does not open). A database dump or backup alone then
 * gives no one the power to sign deliveries a CRM would trust.
 */
@ApplicationScoped
public class WebhookSecrets {

  private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
  static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A stored secret that does not open: sealed under another key, or copied from another row. */
  public static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  @Inject EntityManager em;

  @Inject
  public WebhookSecrets(WebhookConfig config) {
    this(
        config
            .secretKey()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "WEBHOOK_SECRET_KEY is not set: 32 random bytes, base64"
                            + " (e.g. openssl rand -base64 32)")));
  }

  public WebhookSecrets(String base64Key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("WEBHOOK_SECRET_KEY is not base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "WEBHOOK_SECRET_KEY must be 32 bytes (base64), not " + bytes.length);
    }
    key = new SecretKeySpec(bytes, "AES");
  }

  /** The secret as it is stored for subscription {@code id}. */
  public String seal(UUID id, String secret) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a webhook secret", e);
    }
  }

  /**
   * The secret in clear. A value stored before secrets were sealed is returned as it is (and sealed
   * at the next start, {@link #sealStoredInClear()}).
   *
   * @throws Unreadable when it does not open: another key, or another row's value
   */
  public String open(UUID id, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Unreadable("the signing secret does not open (was WEBHOOK_SECRET_KEY changed?)", e);
    }
  }

  void onStart(@Observes StartupEvent event) {
    int sealed = sealStoredInClear();
    if (sealed > 0) {
      LOG.infof("webhooks: sealed %d signing secrets stored in clear", sealed);
    }
  }

  /**
   * Seals every secret still stored in clear (from before secrets were sealed).
   *
   * @return how many
   */
  public int sealStoredInClear() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT CAST(id AS text), secret FROM webhook_subscription"
                              + " WHERE secret NOT LIKE 'v1:%' FOR UPDATE")
                      .getResultList();
              for (Object[] row : rows) {
                UUID id = UUID.fromString((String) row[0]);
                em.createNativeQuery("UPDATE webhook_subscription SET secret = ?1 WHERE id = ?2")
                    .setParameter(1, seal(id, (String) row[1]))
                    .setParameter(2, id)
                    .executeUpdate();
              }
              return rows.size();
            });
  }
}
