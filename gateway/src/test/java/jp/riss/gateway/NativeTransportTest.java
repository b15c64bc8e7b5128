package jp.riss.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.Locale;
import jp.riss.platform.testing.DevJwtResource;
import org.junit.jupiter.api.Test;

/**
 * On Linux x86-64 (where the gateway is deployed, eclipse-temurin images) Vert.x runs on Netty's
 * epoll transport, the native library the gateway ships for its socket work. A missing or
 * unloadable library would silently fall back to the JDK's NIO; this says so instead.
 */
@QuarkusTest
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
class NativeTransportTest {

  @Inject Vertx vertx;

  @Test
  void vertxUsesEpollOnLinuxX86() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    boolean shipped = os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    assertEquals(
        shipped,
        vertx.isNativeTransportEnabled(),
        "native transport on " + os + "/" + arch + ": " + vertx.unavailableNativeTransportCause());
  }
}
