# Reads `perf sched timehist` output (argv[1]). For each scheduling delay (`sch delay`: woken, waiting for a CPU) of at
# least argv[2] ms of the load generator's event loops (threads load-1-*), lists what ran on that CPU meanwhile, then the
# totals, how many such delays (of theirs and of the server's netty-loop threads) overlapped a run of the kernel's DAMON
# thread (kdamond), and how much CPU kdamond took over the trace.
import collections
import sys

rows = []
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) < 6 or not p[1].startswith('['):
        continue
    try:
        t, cpu, wait, delay, run = float(p[0]), int(p[1][1:-1]), float(p[-3]), float(p[-2]), float(p[-1])
    except ValueError:
        continue
    rows.append((t, cpu, ' '.join(p[2:-3]), delay, run))
thr = float(sys.argv[2])


def ran_meanwhile(cpu, start, end):
    """Milliseconds each task ran on `cpu` between `start` and `end` (seconds)."""
    who = collections.Counter()
    for t, c, task, _, run in rows:
        overlap = max(0.0, min(end, t) - max(start, t - run / 1000)) * 1000 if c == cpu else 0
        if overlap > 0:
            who[task.split('[')[0]] += overlap
    return who


def delays(name):
    for t, cpu, task, delay, run in rows:
        if name in task and delay >= thr:
            end = t - run / 1000
            yield task, cpu, delay, ran_meanwhile(cpu, end - delay / 1000, end)


total = collections.Counter()
for task, cpu, delay, who in delays('load-1'):
    total.update(who)
    print(f"{task} cpu{cpu} delay {delay:.1f} ms: " + ", ".join(f"{k} {v:.1f}" for k, v in who.most_common(4)))
print("ran meanwhile, in all:", ", ".join(f"{k} {v:.0f} ms" for k, v in total.most_common(8)))
for name in ('load-1', 'netty-loop'):
    found = list(delays(name))
    hit = [d for d in found if d[3]['kdamond.0'] >= 1]
    print(f"{name}: {len(found)} delays >= {thr} ms, {len(hit)} overlapping a kdamond run by >= 1 ms; kdamond ran "
          f"{sum(d[3]['kdamond.0'] for d in found):.0f} ms of their {sum(d[2] for d in found):.0f} ms")
runs = [run for _, _, task, _, run in rows if 'kdamond' in task]
print(f"trace {rows[-1][0] - rows[0][0]:.1f} s; kdamond {sum(runs):.0f} ms of CPU in {len(runs)} runs, "
      f"{sum(1 for r in runs if r >= 5)} of them >= 5 ms, the longest {max(runs):.1f} ms")
