package io.warrenmq.client.internal;

/**
 * The values client and broker settled on in connection.tune / tune-ok.
 *
 * @param channelMax the highest channel number (0: no limit)
 * @param frameMax the largest frame in bytes (0: no limit)
 * @param heartbeat the heartbeat timeout in seconds (0: off)
 */
public record Tuning(int channelMax, long frameMax, int heartbeat) {}
