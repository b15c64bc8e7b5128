package jp.riss.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, where deploy/ and the dev keys live, from any module's tests. */
public final class RepoPaths {

  private RepoPaths() {}

  public static Path root() {
    String configured = System.getProperty("riss.repo.root");
    if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "local"))) {
      return Path.of(configured).toAbsolutePath();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("deploy/local")) && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "cannot find the repository root from " + Path.of("").toAbsolutePath());
  }

  public static Path devPublicKey() {
    return root().resolve("deploy/local/keys/dev-public.pem");
  }

  public static Path devPrivateKey() {
    return root().resolve("deploy/local/keys/dev-private.pem");
  }
}
