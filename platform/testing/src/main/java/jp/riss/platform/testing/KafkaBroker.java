package jp.riss.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker (Apache Kafka's own server classes) running in the test JVM
 * on fixed ports and a fixed log directory, so it can be stopped and started again to prove that
 * events survive an outage.
 */
public final class KafkaBroker {

  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private final Path configFile;
  private KafkaRaftServer server;

  public KafkaBroker() {
    try {
      this.port = freePort();
      this.controllerPort = freePort();
      this.logDir = Files.createTempDirectory("riss-kafka-");
      this.configFile = logDir.resolve("server.properties");
      Properties props = new Properties();
      props.setProperty("process.roles", "broker,controller");
      props.setProperty("node.id", "1");
      props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      props.setProperty(
          "listeners",
          "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
      props.setProperty("controller.listener.names", "CONTROLLER");
      props.setProperty(
          "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.setProperty("inter.broker.listener.name", "PLAINTEXT");
      props.setProperty("log.dirs", logDir.resolve("data").toString());
      props.setProperty("num.partitions", "3");
      props.setProperty("offsets.topic.replication.factor", "1");
      props.setProperty("offsets.topic.num.partitions", "3");
      props.setProperty("transaction.state.log.replication.factor", "1");
      props.setProperty("transaction.state.log.min.isr", "1");
      props.setProperty("share.coordinator.state.topic.replication.factor", "1");
      props.setProperty("share.coordinator.state.topic.min.isr", "1");
      props.setProperty("group.initial.rebalance.delay.ms", "0");
      props.setProperty("auto.create.topics.enable", "true");
      try (OutputStream out = Files.newOutputStream(configFile)) {
        props.store(out, "RISS test broker");
      }
      format();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    Properties props = new Properties();
    try (var in = Files.newInputStream(configFile)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  private void format() {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    int rc =
        StorageTool.execute(
            new String[] {
              "format",
              "--ignore-formatted",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              configFile.toString()
            },
            quiet);
    if (rc != 0) {
      throw new IllegalStateException("formatting the Kafka log directory failed: " + rc);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
