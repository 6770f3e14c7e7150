package io.warrenmq.model;

/**
 * A method frame.
 *
 * @param channel the channel number
 * @param method the decoded method
 */
public record MethodFrame(int channel, Method method) implements Frame {}
