package io.warrenmq.broker.store;

/** A durable queue as the store names it: its vhost and its name. */
public record QueueKey(String vhost, String queue) {}
