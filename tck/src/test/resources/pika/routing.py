"""Tutorials 4 and 5 (routing, topics) with pika: direct and topic exchanges.
Usage: routing.py AMQP_URL"""
import sys
import uuid

import pika


def drain(ch, queue):
    bodies = []
    while True:
        method, properties, body = ch.basic_get(queue=queue, auto_ack=True)
        if method is None:
            return bodies
        bodies.append(body.decode())


def bind(ch, exchange, keys):
    queue = ch.queue_declare(queue="", exclusive=True).method.queue
    for key in keys:
        ch.queue_bind(exchange=exchange, queue=queue, routing_key=key)
    return queue


def main(url):
    conn = pika.BlockingConnection(pika.URLParameters(url))
    ch = conn.channel()
    ch.confirm_delivery()
    suffix = uuid.uuid4().hex[:8]

    direct = "pika.direct_logs." + suffix
    ch.exchange_declare(exchange=direct, exchange_type="direct")
    errors = bind(ch, direct, ["error"])
    everything = bind(ch, direct, ["info", "warning", "error"])
    for severity in ("info", "warning", "error", "debug"):
        ch.basic_publish(exchange=direct, routing_key=severity, body=severity)
    assert drain(ch, errors) == ["error"]
    assert drain(ch, everything) == ["info", "warning", "error"]

    topic = "pika.topic_logs." + suffix
    ch.exchange_declare(exchange=topic, exchange_type="topic")
    q1 = bind(ch, topic, ["*.orange.*"])
    q2 = bind(ch, topic, ["*.*.rabbit", "lazy.#"])
    for key in ("quick.orange.rabbit", "lazy.orange.elephant", "quick.orange.fox",
                "lazy.brown.fox", "lazy.pink.rabbit", "quick.brown.fox",
                "orange", "quick.orange.male.rabbit", "lazy.orange.male.rabbit", "lazy"):
        ch.basic_publish(exchange=topic, routing_key=key, body=key)
    assert drain(ch, q1) == ["quick.orange.rabbit", "lazy.orange.elephant", "quick.orange.fox"]
    assert drain(ch, q2) == ["quick.orange.rabbit", "lazy.orange.elephant", "lazy.brown.fox",
                             "lazy.pink.rabbit", "lazy.orange.male.rabbit", "lazy"], "q2"
    ch.exchange_delete(exchange=direct)
    ch.exchange_delete(exchange=topic)
    conn.close()
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
