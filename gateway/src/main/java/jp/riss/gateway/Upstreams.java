package jp.riss.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The four services behind the gateway, validated once at startup. */
@ApplicationScoped
public class Upstreams {

  /** One service and the address its traffic goes to. */
  public record Upstream(String context, String service, String host, int port, boolean tls) {

    public String apiPrefix() {
      return "/api/v1/" + context;
    }
  }

  private final List<Upstream> all;

  Upstreams(GatewayConfig config) {
    // Sorted so the contract index reads the same on every start, whatever the map order.
    this.all =
        config.upstreams().entrySet().stream()
            .map(e -> parse(e.getKey(), e.getValue()))
            .sorted(Comparator.comparing(Upstream::service))
            .toList();
  }

  public List<Upstream> all() {
    return all;
  }

  public Optional<Upstream> byContext(String context) {
    return all.stream().filter(u -> u.context().equals(context)).findFirst();
  }

  private static Upstream parse(String context, GatewayConfig.Upstream config) {
    URI url = URI.create(config.url().trim());
    String scheme = url.getScheme();
    if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException(
          "riss.gateway.upstreams." + context + ".url must be http(s)://host[:port]: " + url);
    }
    if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
      throw new IllegalArgumentException(
          "riss.gateway.upstreams."
              + context
              + ".url must not have a path; requests keep theirs: "
              + url);
    }
    boolean tls = "https".equals(scheme);
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    return new Upstream(context, config.service(), url.getHost(), port, tls);
  }
}
