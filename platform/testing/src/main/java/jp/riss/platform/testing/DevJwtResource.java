package jp.riss.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the application under test verify tokens with the dev key pair that tests sign with. */
public class DevJwtResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "mp.jwt.verify.publickey.location", RepoPaths.devPublicKey().toUri().toString(),
        "mp.jwt.verify.issuer", Tokens.ISSUER,
        "mp.jwt.verify.audiences", Tokens.AUDIENCE);
  }

  @Override
  public void stop() {}
}
