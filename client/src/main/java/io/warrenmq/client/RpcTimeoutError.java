package io.warrenmq.client;

/** {@link RpcClient#call(byte[], double)} got no reply within its timeout. */
public class RpcTimeoutError extends AMQPError {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public RpcTimeoutError(String message) {
    super(message);
  }
}
