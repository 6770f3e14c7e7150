#!/usr/bin/env python3
import os
import pika

url = os.environ.get('AMQP_URL', 'amqp://guest:guest@localhost:5672/')
credentials = pika.PlainCredentials('qqc', '123')

parameters = pika.URLParameters(url)
parameters.credentials = credentials
connection = pika.BlockingConnection(parameters)

channel = connection.channel()

channel.queue_declare(queue='hello_one', durable=True)

channel.basic_publish(exchange='',
                      routing_key='hello_one',
                      body='Hello World',
                      properties=pika.BasicProperties(
                          delivery_mode=2,  # make message persistent
                      ))

print(" [x] Sent 'Hello World!'")

connection.close()
