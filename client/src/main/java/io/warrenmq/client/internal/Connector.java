package io.warrenmq.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.warrenmq.client.AMQPConnectionError;
import io.warrenmq.client.AMQPError;
import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.model.codec.FrameDecoder;
import io.warrenmq.model.codec.FrameEncoder;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the TCP (or TLS) socket on a one-thread event loop of its own and runs the AMQP handshake,
 * retrying as {@link ConnectionParameters#connectionAttempts()} says.
 */
public final class Connector {
  private static final Logger log = LoggerFactory.getLogger(Connector.class);

  private Connector() {}

  /** An open connection core and the event loop group it alone uses. */
  public record Opened(ConnectionCore core, EventLoopGroup group) {}

  /** Connects, retrying; throws the last attempt's error. */
  public static Opened open(ConnectionParameters params, EventQueue events) {
    AMQPError last = null;
    for (int attempt = 1; attempt <= params.connectionAttempts(); attempt++) {
      try {
        return openOnce(params, events);
      } catch (io.warrenmq.client.ProbableAuthenticationError
          | io.warrenmq.client.ProbableAccessDeniedError e) {
        throw e; // retrying the same credentials cannot help
      } catch (AMQPError e) {
        last = e;
        log.debug("connection attempt {} to {} failed: {}", attempt, params, e.getMessage());
        if (attempt < params.connectionAttempts()) {
          sleep(params.retryDelay().toMillis());
        }
      }
    }
    throw last;
  }

  private static Opened openOnce(ConnectionParameters params, EventQueue events) {
    SslContext ssl = params.ssl() ? sslContext(params) : null; // before the group: may throw
    EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("warrenmq-io", true));
    ConnectionCore core = new ConnectionCore(params, events);
    long timeoutMillis = params.connectionTimeout().toMillis();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(DirectNioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(timeoutMillis, Integer.MAX_VALUE))
            .option(
                ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 << 10, 1 << 20))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel socket) {
                    if (ssl != null) {
                      socket
                          .pipeline()
                          .addLast(ssl.newHandler(socket.alloc(), params.host(), params.port()));
                    }
                    socket
                        .pipeline()
                        // Publishers write from their own threads, one flush per message; merge
                        // the flushes the event loop finds queued together into one syscall.
                        .addLast(new FlushConsolidationHandler(256, false))
                        .addLast(new FrameDecoder(params.frameMax()))
                        .addLast(new FrameEncoder())
                        .addLast("connection", core);
                  }
                });
    try {
      ChannelFuture connect = bootstrap.connect(params.host(), params.port());
      if (!connect.awaitUninterruptibly(timeoutMillis + 1000) || !connect.isSuccess()) {
        throw new AMQPConnectionError(
            "cannot connect to " + params.host() + ":" + params.port() + ": " + connect.cause(),
            connect.cause());
      }
      core.opened().get(timeoutMillis, TimeUnit.MILLISECONDS);
      return new Opened(core, group);
    } catch (ExecutionException e) {
      shutdown(core, group);
      if (e.getCause() instanceof FailureException failure) {
        throw failure.failure().toException();
      }
      throw new AMQPConnectionError("handshake failed", e.getCause());
    } catch (TimeoutException e) {
      shutdown(core, group);
      throw new AMQPConnectionError("handshake with " + params + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown(core, group);
      throw new AMQPConnectionError("interrupted while connecting", e);
    } catch (RuntimeException e) {
      shutdown(core, group);
      throw e;
    }
  }

  /** Closes the socket and stops the event loop without waiting for either. */
  public static void shutdown(ConnectionCore core, EventLoopGroup group) {
    core.closeSocket();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static SslContext sslContext(ConnectionParameters params) {
    if (params.sslContext() != null) {
      return params.sslContext();
    }
    try {
      // Check that the certificate was issued to the host we dial (Netty 4.1 does not by default):
      // a chain that merely ends at a trusted root would let any holder of a trusted certificate
      // impersonate the broker.
      SslContextBuilder builder =
          SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
      if (params.trustStore() != null) {
        if (params.trustStore().size() == 0) {
          throw new AMQPConnectionError(
              "cannot set up TLS: the trust store is empty, so no broker certificate can be trusted");
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(params.trustStore());
        builder.trustManager(tmf);
      }
      return builder.build();
    } catch (SSLException | java.security.GeneralSecurityException e) {
      throw new AMQPConnectionError("cannot set up TLS", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AMQPConnectionError("interrupted between connection attempts", e);
    }
  }
}
