import sys, re
# Reads `perf sched timehist` output (argv[1]); for each scheduling delay of the load generator's loops (load-1-*) of at
# least argv[2] ms, says how long the kernel's DAMON thread (kdamond) ran on the same CPU meanwhile.
# perf sched timehist lines: time [cpu] task wait sch_delay run
rows=[]
for line in open(sys.argv[1]):
    p=line.split()
    if len(p)<6 or not p[1].startswith('['): continue
    try:
        t=float(p[0]); cpu=int(p[1][1:-1]); run=float(p[-1]); delay=float(p[-2]); wait=float(p[-3])
    except ValueError: continue
    task=' '.join(p[2:-3])
    rows.append((t,cpu,task,wait,delay,run))
# kdamond run intervals per cpu: [t-run, t]
kd=[(r[1], r[0]-r[5]/1000, r[0]) for r in rows if 'kdamond' in r[2]]
def kd_overlap(cpu, a, b):
    return sum(max(0, min(b,e)-max(a,s)) for c,s,e in kd if c==cpu)*1000
thr=float(sys.argv[2]) if len(sys.argv)>2 else 8
for name in ('load-1','netty-loop'):
    ds=[r for r in rows if name in r[2] and r[4]>=thr]
    # the delay window ends when the task starts running: t - run
    hit=0; tot_delay=0; tot_kd=0
    for t,cpu,task,wait,delay,run in ds:
        end=t-run/1000; start=end-delay/1000
        o=kd_overlap(cpu,start,end)
        tot_delay+=delay; tot_kd+=o
        if o>=1: hit+=1
    print(f"{name}: {len(ds)} scheduling delays >= {thr} ms; {hit} of them overlap a kdamond run on the same CPU by >= 1 ms; "
          f"kdamond ran {tot_kd:.0f} ms of their {tot_delay:.0f} ms")
span=(rows[-1][0]-rows[0][0])
print(f"trace {span:.1f} s; kdamond {sum(e-s for c,s,e in kd)*1000:.0f} ms of CPU in {len(kd)} runs, {sum(1 for c,s,e in kd if (e-s)*1000>=5)} of them >= 5 ms")
