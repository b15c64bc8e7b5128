package jp.riss.gateway;

import jakarta.inject.Singleton;

/**
 * What every route to a service shares: the per-event-loop clients, how long an answer may take,
 * and the gateway's adjustments and answers on the way ({@link UpstreamRoute} picks the ones its
 * kind needs).
 */
@Singleton
public class UpstreamForwarding {

  final long timeoutMillis;
  final UpstreamClients clients;
  final UpstreamFailures failures;
  final ForwardedTraceContext traceContext;
  final ForwardedHeaders forwardedHeaders;
  final StreamedBodyLimit bodyLimit;

  UpstreamForwarding(
      GatewayConfig config,
      UpstreamClients clients,
      UpstreamFailures failures,
      ForwardedTraceContext traceContext,
      ForwardedHeaders forwardedHeaders,
      StreamedBodyLimit bodyLimit) {
    this.timeoutMillis = config.upstreamTimeout().toMillis();
    this.clients = clients;
    this.failures = failures;
    this.traceContext = traceContext;
    this.forwardedHeaders = forwardedHeaders;
    this.bodyLimit = bodyLimit;
  }
}
