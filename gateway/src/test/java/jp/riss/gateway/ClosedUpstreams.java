package jp.riss.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Every upstream at a port where nothing listens, as when the services are down. */
public class ClosedUpstreams implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String url = "http://127.0.0.1:" + closedPort();
    return Map.of(
        "riss.gateway.upstreams.active-list.url", url,
        "riss.gateway.upstreams.deemed-attendance.url", url,
        "riss.gateway.upstreams.community.url", url,
        "riss.gateway.upstreams.guide.url", url);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}
}
