package io.warrenmq.broker.connection;

import io.warrenmq.broker.access.AccessControl;
import io.warrenmq.broker.flow.MemoryAlarm;
import io.warrenmq.broker.metrics.MessageCounters;
import io.warrenmq.broker.vhost.VirtualHost;
import java.time.Duration;
import java.util.function.Function;

/**
 * What every connection of one broker shares: negotiation limits, the authenticator, the vhosts,
 * the registry of open connections and the memory alarm.
 *
 * @param channelMax the channel_max offered in connection.tune
 * @param frameMax the frame_max offered in connection.tune
 * @param heartbeat the heartbeat (seconds) offered in connection.tune
 * @param handshakeTimeout how long a peer may take from connect to connection.open
 * @param maxMessageSize the largest message body accepted (406 above)
 * @param authenticator checks credentials
 * @param access users, vhosts and permissions
 * @param vhosts looks a vhost up by name, null when there is none
 * @param registry the open connections
 * @param memoryAlarm on while publishers must be blocked (memory or disk alarm)
 * @param counters message totals and unacked counts, for metrics
 */
public record ConnectionLimits(
    int channelMax,
    long frameMax,
    int heartbeat,
    Duration handshakeTimeout,
    long maxMessageSize,
    Authenticator authenticator,
    AccessControl access,
    Function<String, VirtualHost> vhosts,
    ConnectionRegistry registry,
    MemoryAlarm memoryAlarm,
    MessageCounters counters) {}
