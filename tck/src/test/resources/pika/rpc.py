"""Tutorial 6 (RPC) with pika: a Fibonacci server and a client with an exclusive callback queue
and correlation ids. Usage: rpc.py AMQP_URL"""
import sys
import threading
import uuid

import pika


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def serve(url, queue, ready, stop):
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    channel.queue_declare(queue=queue)
    channel.basic_qos(prefetch_count=1)

    def on_request(ch, method, props, body):
        response = fib(int(body))
        ch.basic_publish(exchange="", routing_key=props.reply_to,
                         properties=pika.BasicProperties(correlation_id=props.correlation_id),
                         body=str(response))
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_consume(queue=queue, on_message_callback=on_request)
    ready.set()
    while not stop.is_set():
        connection.process_data_events(time_limit=0.1)
    channel.queue_delete(queue=queue)
    connection.close()


class FibonacciRpcClient:
    def __init__(self, url, queue):
        self.queue = queue
        self.connection = pika.BlockingConnection(pika.URLParameters(url))
        self.channel = self.connection.channel()
        result = self.channel.queue_declare(queue="", exclusive=True)
        self.callback_queue = result.method.queue
        self.channel.basic_consume(queue=self.callback_queue, on_message_callback=self.on_response,
                                   auto_ack=True)
        self.response = None
        self.corr_id = None

    def on_response(self, ch, method, props, body):
        if self.corr_id == props.correlation_id:
            self.response = body

    def call(self, n):
        self.response = None
        self.corr_id = str(uuid.uuid4())
        self.channel.basic_publish(exchange="", routing_key=self.queue,
                                   properties=pika.BasicProperties(reply_to=self.callback_queue,
                                                                   correlation_id=self.corr_id),
                                   body=str(n))
        while self.response is None:
            self.connection.process_data_events(time_limit=0.1)
        return int(self.response)


def main(url):
    queue = "pika.rpc_queue." + uuid.uuid4().hex[:8]
    ready, stop = threading.Event(), threading.Event()
    server = threading.Thread(target=serve, args=(url, queue, ready, stop), daemon=True)
    server.start()
    assert ready.wait(10), "server did not start"
    client = FibonacciRpcClient(url, queue)
    assert client.call(10) == 55
    assert client.call(20) == 6765
    client.connection.close()
    stop.set()
    server.join(10)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1])
