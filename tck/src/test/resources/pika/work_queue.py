"""Tutorial 2 (work queues) with pika: two workers, fair dispatch, and a killed worker whose
unacked message is redelivered with redelivered=True. Usage: work_queue.py AMQP_URL"""
import subprocess
import sys
import time
import uuid

import pika


def hold(url, queue):
    """The worker that gets killed: takes one task, never acks, waits to die."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=1)
    for method, properties, body in channel.consume(queue, inactivity_timeout=10):
        if method is None:
            sys.exit("held worker got nothing")
        print("HELD " + body.decode(), flush=True)
        time.sleep(60)


def main(url):
    queue = "pika.task_queue." + uuid.uuid4().hex[:8]
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    channel.queue_declare(queue=queue, durable=True)
    channel.confirm_delivery()
    for i in range(6):
        channel.basic_publish(exchange="", routing_key=queue, body="task%d" % i,
                              properties=pika.BasicProperties(delivery_mode=2))

    child = subprocess.Popen([sys.executable, __file__, url, "--hold", queue],
                             stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    assert line.startswith("HELD "), line
    held = line[5:]
    child.kill()  # SIGKILL: no AMQP close, the broker sees the socket die
    child.wait(timeout=10)

    got = {}
    redelivered = {}
    workers = []
    for name in ("w1", "w2"):
        conn = pika.BlockingConnection(pika.URLParameters(url))
        ch = conn.channel()
        ch.basic_qos(prefetch_count=1)
        got[name] = []

        def callback(ch, method, properties, body, name=name):
            got[name].append(body.decode())
            redelivered[body.decode()] = method.redelivered
            ch.basic_ack(delivery_tag=method.delivery_tag)

        ch.basic_consume(queue=queue, on_message_callback=callback)
        workers.append(conn)

    deadline = time.time() + 20
    while sum(len(v) for v in got.values()) < 6 and time.time() < deadline:
        for conn in workers:
            conn.process_data_events(time_limit=0.05)
    everything = sorted(got["w1"] + got["w2"])
    assert everything == ["task%d" % i for i in range(6)], got
    assert got["w1"] and got["w2"], "both workers should have had tasks: %r" % got
    assert redelivered[held] is True, "the held task should be redelivered: %r" % redelivered
    for conn in workers:
        conn.close()
    channel.queue_delete(queue=queue)
    connection.close()
    print("OK")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--hold":
        hold(sys.argv[1], sys.argv[3])
    else:
        main(sys.argv[1])
