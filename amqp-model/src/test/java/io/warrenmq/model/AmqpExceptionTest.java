package io.warrenmq.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.warrenmq.model.generated.ReplyCode;
import org.junit.jupiter.api.Test;

class AmqpExceptionTest {

  @Test
  void replyTextReadsLikeRabbitMq() {
    AmqpException error = AmqpException.notFound("no queue 'q' in vhost '/'");
    assertThat(error.replyText()).isEqualTo("NOT_FOUND - no queue 'q' in vhost '/'");
    assertThat(error.isHardError()).isFalse();
    assertThat(AmqpException.frameError("x").isHardError()).isTrue();
  }

  @Test
  void replyTextIsCutToAShortStringWithoutSplittingACharacter() {
    String detail = "\u4e2d".repeat(200);
    String text = new AmqpException(ReplyCode.PRECONDITION_FAILED, detail).replyText();
    assertThat(ByteBufUtil.utf8Bytes(text)).isLessThanOrEqualTo(255).isGreaterThan(250);
    assertThat(text).startsWith("PRECONDITION_FAILED - ").endsWith("\u4e2d");
  }

  @Test
  void forMethodKeepsAnExistingAttribution() {
    AmqpException error = AmqpException.syntaxError("x").forMethod(50, 10);
    assertThat(error.classId()).isEqualTo(50);
    assertThat(error.forMethod(60, 40).methodId()).isEqualTo(10);
  }
}
