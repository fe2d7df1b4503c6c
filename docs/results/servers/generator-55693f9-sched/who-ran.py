import sys, collections
# Reads `perf sched timehist` output (argv[1]); for each scheduling delay of the load generator's loops (load-1-*) of at
# least argv[2] ms, lists what ran on that CPU meanwhile, and the totals.
rows=[]
for line in open(sys.argv[1]):
    p=line.split()
    if len(p)<6 or not p[1].startswith('['): continue
    try:
        t=float(p[0]); cpu=int(p[1][1:-1]); run=float(p[-1]); delay=float(p[-2]); wait=float(p[-3])
    except ValueError: continue
    rows.append((t,cpu,' '.join(p[2:-3]),wait,delay,run))
thr=float(sys.argv[2])
agg=collections.Counter()
tot=0
for t,cpu,task,wait,delay,run in rows:
    if 'load-1' not in task or delay<thr: continue
    end=t-run/1000; start=end-delay/1000
    tot+=delay
    who=collections.Counter()
    for t2,c2,task2,w2,d2,r2 in rows:
        if c2!=cpu: continue
        s2=t2-r2/1000
        o=max(0,min(end,t2)-max(start,s2))*1000
        if o>0:
            name=task2.split('[')[0]
            who[name]+=o
    agg.update(who)
    print(f"{task} cpu{cpu} delay {delay:.1f} ms: " + ", ".join(f"{k} {v:.1f}" for k,v in who.most_common(4)))
print("total delay", round(tot,1), "ms; ran meanwhile:", ", ".join(f"{k} {v:.0f}" for k,v in agg.most_common(8)))
