// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.
// Do not edit: change the spec and regenerate (see the spec file's header).
package io.warrenmq.model.generated;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.Method;

/** Decodes method arguments, dispatching on class and method index. */
public final class MethodCodec {
  private MethodCodec() {}

  /**
   * Reads the arguments of the method {@code classIndex/methodIndex} from {@code in}.
   *
   * @throws AmqpException 540 NOT_IMPLEMENTED for an unknown method, 501 FRAME_ERROR
   *     for truncated arguments, 502 SYNTAX_ERROR for illegal field values
   */
  public static Method read(int classIndex, int methodIndex, ByteBuf in) {
    try {
      return switch ((classIndex << 16) | methodIndex) {
        case 0x000A000A -> Connection.Start.read(in);
        case 0x000A000B -> Connection.StartOk.read(in);
        case 0x000A0014 -> Connection.Secure.read(in);
        case 0x000A0015 -> Connection.SecureOk.read(in);
        case 0x000A001E -> Connection.Tune.read(in);
        case 0x000A001F -> Connection.TuneOk.read(in);
        case 0x000A0028 -> Connection.Open.read(in);
        case 0x000A0029 -> Connection.OpenOk.read(in);
        case 0x000A0032 -> Connection.Close.read(in);
        case 0x000A0033 -> Connection.CloseOk.read(in);
        case 0x000A003C -> Connection.Blocked.read(in);
        case 0x000A003D -> Connection.Unblocked.read(in);
        case 0x000A0046 -> Connection.UpdateSecret.read(in);
        case 0x000A0047 -> Connection.UpdateSecretOk.read(in);
        case 0x0014000A -> Channel.Open.read(in);
        case 0x0014000B -> Channel.OpenOk.read(in);
        case 0x00140014 -> Channel.Flow.read(in);
        case 0x00140015 -> Channel.FlowOk.read(in);
        case 0x00140028 -> Channel.Close.read(in);
        case 0x00140029 -> Channel.CloseOk.read(in);
        case 0x001E000A -> Access.Request.read(in);
        case 0x001E000B -> Access.RequestOk.read(in);
        case 0x0028000A -> Exchange.Declare.read(in);
        case 0x0028000B -> Exchange.DeclareOk.read(in);
        case 0x00280014 -> Exchange.Delete.read(in);
        case 0x00280015 -> Exchange.DeleteOk.read(in);
        case 0x0028001E -> Exchange.Bind.read(in);
        case 0x0028001F -> Exchange.BindOk.read(in);
        case 0x00280028 -> Exchange.Unbind.read(in);
        case 0x00280033 -> Exchange.UnbindOk.read(in);
        case 0x0032000A -> Queue.Declare.read(in);
        case 0x0032000B -> Queue.DeclareOk.read(in);
        case 0x00320014 -> Queue.Bind.read(in);
        case 0x00320015 -> Queue.BindOk.read(in);
        case 0x0032001E -> Queue.Purge.read(in);
        case 0x0032001F -> Queue.PurgeOk.read(in);
        case 0x00320028 -> Queue.Delete.read(in);
        case 0x00320029 -> Queue.DeleteOk.read(in);
        case 0x00320032 -> Queue.Unbind.read(in);
        case 0x00320033 -> Queue.UnbindOk.read(in);
        case 0x003C000A -> Basic.Qos.read(in);
        case 0x003C000B -> Basic.QosOk.read(in);
        case 0x003C0014 -> Basic.Consume.read(in);
        case 0x003C0015 -> Basic.ConsumeOk.read(in);
        case 0x003C001E -> Basic.Cancel.read(in);
        case 0x003C001F -> Basic.CancelOk.read(in);
        case 0x003C0028 -> Basic.Publish.read(in);
        case 0x003C0032 -> Basic.Return.read(in);
        case 0x003C003C -> Basic.Deliver.read(in);
        case 0x003C0046 -> Basic.Get.read(in);
        case 0x003C0047 -> Basic.GetOk.read(in);
        case 0x003C0048 -> Basic.GetEmpty.read(in);
        case 0x003C0050 -> Basic.Ack.read(in);
        case 0x003C005A -> Basic.Reject.read(in);
        case 0x003C0064 -> Basic.RecoverAsync.read(in);
        case 0x003C006E -> Basic.Recover.read(in);
        case 0x003C006F -> Basic.RecoverOk.read(in);
        case 0x003C0078 -> Basic.Nack.read(in);
        case 0x0055000A -> Confirm.Select.read(in);
        case 0x0055000B -> Confirm.SelectOk.read(in);
        case 0x005A000A -> Tx.Select.read(in);
        case 0x005A000B -> Tx.SelectOk.read(in);
        case 0x005A0014 -> Tx.Commit.read(in);
        case 0x005A0015 -> Tx.CommitOk.read(in);
        case 0x005A001E -> Tx.Rollback.read(in);
        case 0x005A001F -> Tx.RollbackOk.read(in);
        default -> throw AmqpException.notImplemented(
            "unknown method " + classIndex + "/" + methodIndex);
      };
    } catch (AmqpException e) {
      throw e.forMethod(classIndex, methodIndex);
    }
  }
}
