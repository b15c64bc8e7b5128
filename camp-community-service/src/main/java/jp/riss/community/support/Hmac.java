package jp.riss.community.support;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under a configured key (base64, at least 32 bytes): guardian links, certificates. */
public final class Hmac {

  private Hmac() {}

  public static byte[] sha256(String base64Key, String property, byte[] payload) {
    try {
      byte[] key = Base64.getDecoder().decode(base64Key.strip());
      if (key.length < 32) {
        throw new IllegalStateException(property + " must hold 32 bytes");
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
