#!/usr/bin/env python3
"""Plots the dossier benchmarks: time against rows, C++ classify_batch and the Python paths.

    /usr/bin/python3 benchmarks/plot_dossier_bench.py [--cpp benchmarks/results/dossier_batch_cpp.json]
        [--python benchmarks/results/dossier_flow_python.json] [--out docs/img/dossier-bench.png]

Reads the JSON written by cchc_dossier_batch_bench (--benchmark_out, medians when repeated) and by
benchmarks/python/dossier_flow_bench.py; prints the table of rates and the ratio of single-thread
classification to the streaming-read bandwidth measured in the same run; writes the PNG (Agg).
"""

from __future__ import annotations

import argparse
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

KINDS = {0: "(a) working days", 1: "(b) working hours + 1-3 pauses", 2: "(c) mixed"}
COLORS = {0: "tab:blue", 1: "tab:orange", 2: "tab:green"}
SCALE = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def cpp_rows(path):
    with open(path) as f:
        data = json.load(f)
    runs = data["benchmarks"]
    repeated = any(b.get("run_type") == "aggregate" for b in runs)
    rows = [b for b in runs if b.get("aggregate_name") == "median"] if repeated else runs
    out = []
    for b in rows:
        seconds = b["real_time"] * SCALE[b["time_unit"]]
        out.append(dict(bench=b["name"].split("/")[0],
                        kind=int(b["kind"]), rows=int(b["rows"]), threads=int(b.get("threads", 1)),
                        seconds=seconds, cpu_rate=b.get("items_per_cpu_s"), bytes_per_second=b.get("bytes_per_second"),
                        state_bytes=b.get("state_bytes_per_row")))
    return out, data.get("context", {})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cpp", default="benchmarks/results/dossier_batch_cpp.json")
    ap.add_argument("--python", default="benchmarks/results/dossier_flow_python.json")
    ap.add_argument("--out", default="docs/img/dossier-bench.png")
    args = ap.parse_args()

    cpp, context = cpp_rows(args.cpp)
    stream = {(r["kind"], r["rows"]): r for r in cpp if r["bench"] == "BM_stream_read"}
    print(f"C++ ({context.get('date', '')}, load average {context.get('load_avg', '?')}): rows, kind, threads, "
          "M rows/s wall, M rows/s per CPU-second, state bytes/row, classify GB/s, stream GB/s, ratio")
    for r in sorted((r for r in cpp if r["bench"] == "BM_classify_batch"),
                    key=lambda r: (r["kind"], r["rows"], r["threads"])):
        s = stream.get((r["kind"], r["rows"]))
        bw = s["bytes_per_second"] if s else float("nan")
        print(f"  {r['rows']:>10,} {r['kind']} {r['threads']}  {r['rows'] / r['seconds'] / 1e6:8.1f}  "
              f"{(r['cpu_rate'] or 0) / 1e6:8.1f}  {r['state_bytes']:6.1f}  {r['bytes_per_second'] / 1e9:6.2f}  "
              f"{bw / 1e9:6.2f}  {r['bytes_per_second'] / bw:5.2f}")

    fig, ax = plt.subplots(figsize=(9, 6))
    for kind, label in KINDS.items():
        for threads, style in ((1, "-"), (2, "--")):
            pts = sorted((r["rows"], r["seconds"]) for r in cpp
                         if r["bench"] == "BM_classify_batch" and r["kind"] == kind and r["threads"] == threads)
            if pts:
                ax.plot(*zip(*pts), style, marker="o", color=COLORS[kind], label=f"C++ classify_batch {label}, {threads} thread(s)")
    pts = sorted((r["rows"], r["seconds"]) for r in cpp if r["bench"] == "BM_stream_read" and r["kind"] == 0)
    if pts:
        ax.plot(*zip(*pts), ":", color="grey", label="streaming read of the same bytes as (a)")
    try:
        with open(args.python) as f:
            py = json.load(f)
    except FileNotFoundError:
        py = None
    if py:
        wd = py["working_days"]
        ax.plot([r["rows"] for r in wd], [r["cchc_s"] for r in wd], "-", marker="s", color="black",
                label="Python cchc.dossier_flow, working days")
        ax.plot([r["rows"] for r in wd], [r["numpy_s"] for r in wd], "-", marker="^", color="tab:red",
                label="NumPy busday_offset pipeline, working days")
        mx = py["mixed"]
        ax.plot([r["rows"] for r in mx], [r["cchc_all_s"] for r in mx], "--", marker="s", color="black",
                label="Python cchc.dossier_flow, mixed (all rows)")
        pd_pts = [(r["rows"], r["pandas_s"]) for r in mx if "pandas_s" in r]
        if pd_pts:
            ax.plot(*zip(*pd_pts), "--", marker="^", color="tab:purple",
                    label="pandas, the rule written plainly (mixed rows it supports)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("dossiers (rows)")
    ax.set_ylabel("wall-clock seconds (median)")
    ax.set_title("cchc: the full dossier rule, time against rows (shared 2-core machine)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
