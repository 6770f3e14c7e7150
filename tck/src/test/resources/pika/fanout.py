"""Tutorial 3 (publish/subscribe) with pika: a fanout exchange and two receivers with exclusive
server-named queues. Usage: fanout.py AMQP_URL"""
import sys
import uuid

import pika


def main(url):
    exchange = "pika.logs." + uuid.uuid4().hex[:8]
    receivers = []
    for _ in range(2):
        conn = pika.BlockingConnection(pika.URLParameters(url))
        ch = conn.channel()
        ch.exchange_declare(exchange=exchange, exchange_type="fanout")
        result = ch.queue_declare(queue="", exclusive=True)
        assert result.method.queue.startswith("amq.gen-"), result.method.queue
        ch.queue_bind(exchange=exchange, queue=result.method.queue)
        receivers.append((conn, ch, result.method.queue))

    sender = pika.BlockingConnection(pika.URLParameters(url))
    sch = sender.channel()
    sch.confirm_delivery()
    sch.basic_publish(exchange=exchange, routing_key="", body="info: Hello World!")

    for conn, ch, queue in receivers:
        method, properties, body = ch.basic_get(queue=queue, auto_ack=True)
        assert body == b"info: Hello World!", body
        conn.close()
    sch.exchange_delete(exchange=exchange)
    sender.close()
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
