package io.warrenmq.broker.connection;

/**
 * The user event the transport fires once the peer sent a valid protocol header and the frame
 * decoder is in place: the connection answers with connection.start.
 */
public enum HeaderAccepted {
  INSTANCE
}
