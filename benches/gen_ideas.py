"""Write N idea files into the project at ROOT, as the benchmarks need them.

Usage: python3 benches/gen_ideas.py ROOT N
"""
import os
import sys

root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{root}/ideas", exist_ok=True)
for i in range(n):
    with open(f"{root}/ideas/ide-nummer-{i:06d}.toml", "w") as f:
        f.write(f'title = "Idé nummer {i}"\ndescription = "En idé om å gjøre noe bedre, nummer {i}."\n'
                f'source = "employee"\nkind = "improvement"\nstatus = "assessed"\ntags = ["skala"]\n'
                f'submitted = 2026-03-01\nfeasibility = {i % 5 + 1}\nbenefit = {(i * 7) % 5 + 1}\n'
                f'assessed = 2026-03-10\n')
