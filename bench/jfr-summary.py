#!/usr/bin/env python3
"""What a JFR recording of the broker says, in plain text (JDK 17's `jfr` has no `view`).

    bench/jfr-summary.py FILE.jfr [--messages N] [--depth queue-depth.tsv] [--top 15]

Prints: CPU samples per thread group; the hottest frames by self time (the sampled top frame) and
by total time (anywhere on the stack, WarrenMQ's own methods only); samples taken in native code
(socket reads and writes, fsync), without the idle waits; allocated bytes in the recording (JFR's
per-thread totals) and per delivered message when --messages is given, with the classes and
WarrenMQ allocation sites that the allocation samples weigh most; GC pauses; lock waits; and the
largest queue depths sampled by bench/profile.sh.
"""
import argparse
import collections
import json
import re
import subprocess
import sys

EVENTS = [
    "jdk.ExecutionSample",
    "jdk.NativeMethodSample",
    "jdk.ObjectAllocationSample",
    "jdk.ThreadAllocationStatistics",
    "jdk.GarbageCollection",
    "jdk.JavaMonitorEnter",
]
# Native frames of threads that wait for work, not do it.
IDLE = re.compile(r"epollWait|EPoll\.wait|Unsafe\.park|Object\.wait|Thread\.sleep|accept0|"
                  r"ServerSocket|socketAccept|ReferenceQueue|waitForReferencePendingList")


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def thread_group(thread):
    name = (thread or {}).get("javaName") or (thread or {}).get("osName") or "?"
    return re.sub(r"[-#]?\d+", "", name) or name


def pct(n, total):
    return "%5.1f%%" % (100.0 * n / total) if total else "  -  "


def table(title, counter, total, top, unit="samples"):
    print("%s (%d %s)" % (title, total, unit))
    for name, n in counter.most_common(top):
        print("  %s  %10s  %s" % (pct(n, total), format(int(n), ","), name))
    print()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jfr")
    parser.add_argument("--messages", type=float, help="messages delivered during the recording")
    parser.add_argument("--depth", help="queue-depth.tsv from bench/profile.sh")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()

    out = subprocess.run(["jfr", "print", "--json", "--events", ",".join(EVENTS), args.jfr],
                         check=True, capture_output=True, text=True).stdout
    events = collections.defaultdict(list)
    for event in json.loads(out)["recording"]["events"]:
        events[event["type"]].append(event["values"])

    cpu = events["jdk.ExecutionSample"]
    by_thread = collections.Counter(thread_group(e.get("sampledThread")) for e in cpu)
    self_time = collections.Counter()
    total_time = collections.Counter()
    for e in cpu:
        frames = [frame_name(f) for f in (e.get("stackTrace") or {}).get("frames", [])]
        if frames:
            self_time[frames[0]] += 1
        for name in set(frames):
            if name.startswith("io.warrenmq."):
                total_time[name] += 1
    table("CPU samples (Java code) by thread", by_thread, len(cpu), args.top)
    table("Top frames, self time", self_time, len(cpu), args.top)
    table("WarrenMQ frames, total time (anywhere on the stack)", total_time, len(cpu), args.top)

    native = collections.Counter()
    busy = 0
    for e in events["jdk.NativeMethodSample"]:
        frames = [frame_name(f) for f in (e.get("stackTrace") or {}).get("frames", [])]
        if not frames or any(IDLE.search(f) for f in frames[:3]):
            continue
        busy += 1
        native["%s  [%s]" % (frames[0], thread_group(e.get("sampledThread")))] += 1
    table("Native frames, not idle (socket I/O, fsync)", native, busy, args.top)

    # Per-thread allocated bytes: the last value minus the first (threads born during the
    # recording count from zero).
    first, last = {}, {}
    for e in events["jdk.ThreadAllocationStatistics"]:
        tid = (e.get("thread") or {}).get("javaThreadId")
        first.setdefault(tid, e["allocated"])
        last[tid] = e["allocated"]
    allocated = sum(last[t] - (first[t] if first[t] != last[t] else 0) for t in last)
    samples = events["jdk.ObjectAllocationSample"]
    by_class = collections.Counter()
    by_site = collections.Counter()
    for e in samples:
        weight = e.get("weight", 0)
        by_class[(e.get("objectClass") or {}).get("name", "?").replace("/", ".")] += weight
        frames = [frame_name(f) for f in (e.get("stackTrace") or {}).get("frames", [])]
        site = next((f for f in frames if f.startswith("io.warrenmq.")), frames[0] if frames else "?")
        by_site[site] += weight
    print("Allocated in the recording: %.1f MiB" % (allocated / 2**20), end="")
    if args.messages:
        print(", %d messages delivered: %.0f bytes per message" % (args.messages, allocated / args.messages))
    else:
        print()
    print()
    sampled = sum(by_class.values())
    table("Allocation by class (sample weights)", by_class, sampled, args.top, "bytes")
    table("Allocation by first WarrenMQ frame (sample weights)", by_site, sampled, args.top, "bytes")

    gcs = events["jdk.GarbageCollection"]
    if gcs:
        names = collections.Counter(g.get("name") for g in gcs)
        longest = sorted(duration_ms(g.get("longestPause")) for g in gcs)[-3:]
        print("GC: %d collections (%s), pauses %.1f ms in all, longest %s ms"
              % (len(gcs), ", ".join("%s %d" % kv for kv in names.items()),
                 sum(duration_ms(g.get("sumOfPauses")) for g in gcs),
                 ", ".join("%.1f" % p for p in reversed(longest))))
        print()

    locks = collections.Counter()
    for e in events["jdk.JavaMonitorEnter"]:
        locks[(e.get("monitorClass") or {}).get("name", "?")] += 1
    if locks:
        table("Contended monitors (waits over 10 ms)", locks, sum(locks.values()), args.top, "waits")

    if args.depth:
        peak = collections.Counter()
        try:
            with open(args.depth) as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) == 4 and parts[2].isdigit():
                        ready = int(parts[2]) + (int(parts[3]) if parts[3].isdigit() else 0)
                        peak[parts[1]] = max(peak[parts[1]], ready)
        except OSError:
            pass
        print("Largest queue depth sampled (ready + unacked), per queue:")
        for name, n in peak.most_common(args.top):
            print("  %10s  %s" % (format(n, ","), name))
        if not peak:
            print("  (no samples)")


def duration_ms(text):
    """JFR's JSON durations look like 'PT0.001234S' (ISO-8601)."""
    m = re.match(r"PT(?:(\d+)M)?([0-9.]+)S", text or "")
    if not m:
        return 0.0
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000


if __name__ == "__main__":
    sys.exit(main())
