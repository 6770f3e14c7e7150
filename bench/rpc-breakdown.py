#!/usr/bin/env python3
"""Splits S8's RPC round trips into broker and client time from a packet capture.

Input: `tcpdump -i lo -nn -tt -q "tcp port PORT"` text output. Packets without payload (TCP acks)
are ignored. The two connections with the most payload packets are RpcBench's: its client sends a
request (in on C), the broker delivers it to the server (out on S), the server publishes the reply
(in on S), the broker delivers the reply (out on C), and the client sends the next request. Each
cycle's four intervals are: broker pass 1, the RPC server's time (client library and handler),
broker pass 2, and the RPC client's time. The first fifth of the cycles (warm-up) is skipped.
"""
import collections
import statistics
import sys


def packets(path, port):
    suffix = "." + port
    for line in open(path):
        p = line.split()
        if len(p) < 7 or p[1] != "IP" or not p[-1].isdigit() or int(p[-1]) == 0:
            continue
        src, dst = p[2], p[4].rstrip(":")
        if src.endswith(suffix):
            yield float(p[0]), "out", dst.rsplit(".", 1)[1]
        elif dst.endswith(suffix):
            yield float(p[0]), "in", src.rsplit(".", 1)[1]


def cycles(events, client, server):
    found, i, n = [], 0, len(events)

    def next_event(i, direction, conn):
        while i < n and not (events[i][1] == direction and events[i][2] == conn):
            i += 1
        return i

    while True:
        a = next_event(i, "in", client)
        b = next_event(a + 1, "out", server)
        c = next_event(b + 1, "in", server)
        d = next_event(c + 1, "out", client)
        e = next_event(d + 1, "in", client)
        if e >= n:
            return found
        t = [events[k][0] for k in (a, b, c, d, e)]
        found.append([t[k + 1] - t[k] for k in range(4)])
        i = e


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: rpc-breakdown.py TCPDUMP_TEXT BROKER_PORT")
    events = list(packets(sys.argv[1], sys.argv[2]))
    busiest = [c for c, _ in collections.Counter(e[2] for e in events).most_common(2)]
    if len(busiest) < 2:
        sys.exit("fewer than two connections with payload in the capture")
    best = max(cycles(events, busiest[0], busiest[1]), cycles(events, busiest[1], busiest[0]), key=len)
    best = best[len(best) // 5:]
    if not best:
        sys.exit("no complete request/reply cycles in the capture")
    names = ["broker: request in -> delivered to the server",
             "RPC server: delivery in -> reply out (client library + handler)",
             "broker: reply in -> delivered to the client",
             "RPC client: reply in -> next request out (client library + loop)"]
    print(f"{len(best)} round trips (after the first fifth)")
    print("| interval | median µs | p90 µs |")
    print("|---|---:|---:|")
    for k, name in enumerate(names):
        xs = sorted(c[k] * 1e6 for c in best)
        print(f"| {name} | {statistics.median(xs):.0f} | {xs[int(len(xs) * 0.9)]:.0f} |")
    total = sorted(sum(c) * 1e6 for c in best)
    print(f"| whole round trip | {statistics.median(total):.0f} | {total[int(len(total) * 0.9)]:.0f} |")


if __name__ == "__main__":
    main()
