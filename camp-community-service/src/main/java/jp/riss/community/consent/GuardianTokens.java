package jp.riss.community.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import jp.riss.community.support.Hmac;

/**
 * The token of a guardian link: the link's id and expiry, signed with HMAC-SHA256 under the
 * configured key. The signature proves the token is ours before the database is asked; the link's
 * row makes it single-use. Format: base64url(16-byte id, 8-byte expiry seconds) "." base64url(mac).
 */
@ApplicationScoped
public class GuardianTokens {

  /** A decoded, correctly signed token. */
  public record Claims(UUID linkId, long expiresEpochSecond) {}

  static final java.util.regex.Pattern SHAPE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");

  @Inject GuardianLinkConfig config;

  public String sign(UUID linkId, long expiresEpochSecond) {
    ByteBuffer payload = ByteBuffer.allocate(24);
    payload.putLong(linkId.getMostSignificantBits());
    payload.putLong(linkId.getLeastSignificantBits());
    payload.putLong(expiresEpochSecond);
    byte[] bytes = payload.array();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(bytes));
  }

  /** Empty when the token is malformed or not signed by us. */
  public Optional<Claims> verify(String token) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(parts[0]);
      signature = Base64.getUrlDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (payload.length != 24 || !MessageDigest.isEqual(signature, mac(payload))) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    return Optional.of(new Claims(new UUID(buffer.getLong(), buffer.getLong()), buffer.getLong()));
  }

  private byte[] mac(byte[] payload) {
    return Hmac.sha256(config.key(), "riss.community.guardian-link.key", payload);
  }
}
