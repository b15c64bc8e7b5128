package jp.riss.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Tokens as the identity provider would issue them, signed with the dev key, and bad ones. */
public final class Tokens {

  public static final String ISSUER = "https://idp.riss.local";
  public static final String AUDIENCE = "riss-platform";

  private Tokens() {}

  /** A valid token for {@code subject} with one role. */
  public static String of(String role, String subject) {
    return claims(role, subject).sign(devKey());
  }

  public static String expired(String role, String subject) {
    return claims(role, subject)
        .issuedAt(Instant.now().minusSeconds(7_200))
        .expiresAt(Instant.now().minusSeconds(3_600))
        .sign(devKey());
  }

  public static String wrongIssuer(String role, String subject) {
    return claims(role, subject).issuer("https://evil.example").sign(devKey());
  }

  public static String wrongAudience(String role, String subject) {
    return claims(role, subject).audience("someone-else").sign(devKey());
  }

  /** Right claims, signed with a key the platform has never seen. */
  public static String wronglySigned(String role, String subject) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return claims(role, subject).sign(generator.generateKeyPair().getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every kind of token the platform must refuse with a 401, as (kind, token) arguments for a
   * {@code @MethodSource("jp.riss.platform.testing.Tokens#badTokens")}.
   */
  public static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("expired", expired("specialist", "s")),
        Arguments.of("wrongly signed", wronglySigned("specialist", "s")),
        Arguments.of("wrong issuer", wrongIssuer("specialist", "s")),
        Arguments.of("wrong audience", wrongAudience("specialist", "s")),
        Arguments.of("not a JWT", "not-a-jwt"));
  }

  private static JwtClaimsBuilder claims(String role, String subject) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .upn(subject)
        .groups(Set.of(role))
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(3_600));
  }

  private static PrivateKey devKey() {
    try {
      String pem = Files.readString(RepoPaths.devPrivateKey());
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the dev private key", e);
    }
  }

  static Path keyPath() {
    return RepoPaths.devPrivateKey();
  }
}
