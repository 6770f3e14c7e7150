package io.warrenmq.tck;

import io.warrenmq.model.Method;

/**
 * One frame as the raw driver read it: a decoded method for method frames, the bytes otherwise.
 *
 * @param type the frame type (1 method, 2 header, 3 body, 8 heartbeat)
 * @param channel the channel number
 * @param method the decoded method, or null for other frame types
 * @param payload the payload bytes
 */
public record RawFrame(int type, int channel, Method method, byte[] payload) {}
