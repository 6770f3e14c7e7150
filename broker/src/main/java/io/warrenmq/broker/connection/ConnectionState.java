package io.warrenmq.broker.connection;

/** The life of a connection (spec 4.2.2 and 1.4.2): handshake, then work, then closing. */
enum ConnectionState {
  AWAITING_HEADER,
  AWAITING_START_OK,
  AWAITING_TUNE_OK,
  AWAITING_OPEN,
  OPEN,
  /** The broker sent connection.close: only close-ok (or close) is read now. */
  CLOSING,
  CLOSED
}
