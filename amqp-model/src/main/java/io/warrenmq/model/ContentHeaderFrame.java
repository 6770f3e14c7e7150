package io.warrenmq.model;

import io.warrenmq.model.generated.BasicProperties;

/**
 * A content header frame: the size of the body that follows and the message properties.
 *
 * @param channel the channel number
 * @param classId the content class; always 60 (basic) in 0-9-1
 * @param bodySize the total body size in bytes, over all body frames
 * @param properties the message properties
 */
public record ContentHeaderFrame(
    int channel, int classId, long bodySize, BasicProperties properties) implements Frame {}
