package jp.riss.activelist.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How receivers know a delivery is ours and fresh: {@code RISS-Webhook-Signature: v1=<hex>} where
 * hex is HMAC-SHA256, keyed with the UTF-8 bytes of the subscription's whole secret string, over
 * {@code <RISS-Webhook-Timestamp> + "." + <raw body>}. The timestamp is Unix seconds; receivers
 * should refuse old ones so a captured delivery cannot be replayed much later.
 *
 * <p>While a rotation's overlap runs, the header carries one {@code v1=} per active secret, newest
 * first and comma-separated (as Stripe does): a receiver accepts the delivery when any of them
 * matches, so it can switch to the new secret whenever it likes within the overlap.
 */
public final class WebhookSignature {

  public static final String ID = "RISS-Webhook-Id";
  public static final String TIMESTAMP = "RISS-Webhook-Timestamp";
  public static final String SIGNATURE = "RISS-Webhook-Signature";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /**
   * A new secret: 32 random bytes, base64url, with a prefix that makes leaked ones easy to spot.
   */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The header value: one signature per secret, in the order given. */
  public static String sign(List<String> secrets, long timestamp, String body) {
    return secrets.stream().map(s -> sign(s, timestamp, body)).collect(Collectors.joining(","));
  }

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
