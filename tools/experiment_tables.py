#!/usr/bin/env python3
"""Prints the tables of docs/experiments.md from the bilingual experiment's logs, as CommuteLab
computes them: the counts, sign agreement and correlation from `commutelab import --json`, the
per-cell signs from `commutelab render --view prediction --data` (the prediction view's numbers),
and the checkpoint losses and P-values as the log records them. The tournament table comes from the
script's printed lines (its summary.json is written only when every part has finished). tests/docs/test_experiments_doc.py recomputes every number with its own reader.

usage: experiment_tables.py BINARY LOG_DIR RECORD_DIR
  LOG_DIR holds bilingual-balanced.jsonl and bilingual-imbalanced.jsonl (resources/logs),
  RECORD_DIR bilingual-*.out, the script's printed lines, and bilingual-<part>.json, its summary.json per
  part (resources/experiments)
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

RUNS = ("balanced", "imbalanced")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def commutelab(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def prediction_cells(binary, log):
    """(predicted, observed, agrees) per cell, in the order CommuteLab reports them."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "prediction.png")
        commutelab(binary, "render", "--log", log, "--view", "prediction", "--out", out, "--data")
        with open(os.path.join(tmp, "prediction.csv"), newline="") as f:
            return [(float(r["predicted"]), float(r["observed"]), r["signs_agree"] == "1") for r in csv.DictReader(f)]


def milli(x):
    return f"{1000 * x:+.3f}"


def summary_table(binary, logs):
    print("| run | checkpoints | interventions | cells compared | cells agreeing | checkpoints in full agreement "
          "| correlation |")
    print("|---|---|---|---|---|---|---|")
    for name in RUNS:
        r = json.loads(commutelab(binary, "import", logs[name], "--json"))
        print(f"| {name} | {r['checkpoints']} | {r['interventions']} | {r['cells_compared']} | {r['cells_agreeing']} "
              f"| {r['checkpoints_in_full_agreement']} of {r['checkpoints_compared']} | {r['correlation']:.3f} |")


def checkpoint_table(binary, logs):
    print("| run | t0 | held-out L_en | held-out L_ru | P(ru,en;en) ± se | P(ru,en;ru) ± se | cells agreeing |")
    print("|---|---|---|---|---|---|---|")
    for name in RUNS:
        records = read_jsonl(logs[name])
        cells = iter(prediction_cells(binary, logs[name]))
        agreeing = {}
        for r in records:
            if r["type"] == "intervention":
                for _ in r["excess"]:
                    agreeing.setdefault(r["start"], []).append(next(cells)[2])
        p = {(r["step"], r["target"]): r for r in records if r["type"] == "p" and r["pair"] == ["ru", "en"]}
        for c in (r for r in records if r["type"] == "checkpoint"):
            t = c["step"]
            if t not in agreeing:
                continue
            ps = [f"{p[(t, k)]['value']:.3g} ± {p[(t, k)]['stderr']:.2g}" for k in ("en", "ru")]
            print(f"| {name} | {t} | {c['loss'][0]:.4f} | {c['loss'][1]:.4f} | {ps[0]} | {ps[1]} "
                  f"| {sum(agreeing[t])} of {len(agreeing[t])} |")


def cell_table(binary, logs):
    print("| run | t0 | Δw | EL_en^{en>ru} | EL_ru^{en>ru} | EL_en^{ru>en} | EL_ru^{ru>en} |")
    print("|---|---|---|---|---|---|---|")
    for name in RUNS:
        records = read_jsonl(logs[name])
        cells = iter(prediction_cells(binary, logs[name]))
        rows = {}
        for r in (r for r in records if r["type"] == "intervention"):
            marks = [f"{milli(observed)} {'✓' if agree else '✗'}" for _ in r["excess"]
                     for predicted, observed, agree in [next(cells)]]
            rows.setdefault((r["start"], r["delta_w"]), {})[">".join(r["order"])] = marks
        for (t, dw), by_order in sorted(rows.items()):
            print(f"| {name} | {t} | {dw} | {' | '.join(by_order['en>ru'] + by_order['ru>en'])} |")


def printed_lines(record_dir, part):
    path = os.path.join(record_dir, f"bilingual-{part}.out")
    return open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []


def tournament_table(record_dir):
    print("| seed | planned (bracket, mean loss) | best of the 3! curricula trained | rank of the planned order |")
    print("|---|---|---|---|")
    pattern = re.compile(r"\[tournament\] seed (\d+): planned (\S+), best (\S+), rank (\d)")
    for line in printed_lines(record_dir, "tournament"):
        m = pattern.match(line)
        if m:
            print(f"| {m[1]} | {m[2]} | {m[3]} | {m[4]} |")


def summary_part(record_dir, part):
    """The script's summary.json of one part (written when the part finished), or None."""
    path = os.path.join(record_dir, f"bilingual-{part}.json")
    return json.load(open(path, encoding="utf-8")) if os.path.exists(path) else None


def pearson(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5


def sgd_runs(record_dir):
    """(lr, runs, tau) of every SGD tournament, by step size: bilingual-tournament-sgd-lr<lr>.json, the lr as the
    script printed it in the matching .out file's last line."""
    found = []
    for name in sorted(os.listdir(record_dir)):
        m = re.fullmatch(r"bilingual-(tournament-sgd-lr[0-9.]+)\.json", name)
        if m:
            line = [x for x in printed_lines(record_dir, m[1]) if x.startswith("tournament-sgd:")][0]
            lr = float(re.search(r"lr ([0-9.e-]+)\)", line)[1])
            summary = summary_part(record_dir, m[1])
            found.append((lr, summary["tournament_sgd"]["runs"], summary["config"]["tau"]))
    return sorted(found, key=lambda x: x[0])


def prediction_fit(run):
    """Correlation and through-origin slope of the observed against the predicted change over the 3! orders."""
    orders = sorted(run["predicted_mean_loss_change"])
    predicted = [run["predicted_mean_loss_change"][o] for o in orders]
    observed = [run["observed_mean_loss_change"][o] for o in orders]
    slope = sum(p * o for p, o in zip(predicted, observed)) / sum(p * p for p in predicted)
    return pearson(predicted, observed), slope


def sgd_summary_table(record_dir):
    """Per SGD step size: how often the plan is best, its mean rank, and the median fit of the prediction."""
    print("| SGD lr | lr·τ | planned order best | mean rank of the planned order | median correlation, predicted vs "
          "observed change | median slope observed/predicted |")
    print("|---|---|---|---|---|---|")
    for lr, runs, tau in sgd_runs(record_dir):
        fits = sorted(prediction_fit(r) for r in runs)
        correlations, slopes = sorted(f[0] for f in fits), sorted(f[1] for f in fits)
        median = lambda xs: (xs[len(xs) // 2] + xs[(len(xs) - 1) // 2]) / 2
        print(f"| {lr:g} | {lr * tau:.3g} | {sum(r['rank'] == 1 for r in runs)} of {len(runs)} "
              f"| {sum(r['rank'] for r in runs) / len(runs):.2f} | {median(correlations):.3f} | {median(slopes):.3f} |")


def sgd_tournament_table(record_dir):
    """Per step size and seed: the plan against the six curricula trained by SGD, and how well the second-order
    prediction of each order's loss change matches the observed one (correlation and through-origin slope)."""
    print("| SGD lr | seed | planned | best of the 3! curricula trained by SGD | rank of the planned order "
          "| correlation, predicted vs observed change | slope observed/predicted |")
    print("|---|---|---|---|---|---|---|")
    for lr, runs, _ in sgd_runs(record_dir):
        for run in runs:
            correlation, slope = prediction_fit(run)
            print(f"| {lr:g} | {run['seed']} | {run['planned']} | {run['best']} | {run['rank']} | {correlation:.3f} "
                  f"| {slope:.3f} |")


def advice_table(record_dir):
    """The imbalanced run's advice, run: final held-out losses of the base, advised and opposite schedules."""
    print("| schedule for the last window | held-out L_en | held-out L_ru |")
    print("|---|---|---|")
    summary = summary_part(record_dir, "imbalanced")
    if summary:
        advice = summary["imbalanced"]["advice"]
        for name, key in (("base (90 % en throughout)", "base_final"), ("advised", "advised_final"),
                          ("opposite of the advice", "opposite_final")):
            print(f"| {name} | {advice[key]['en']:.4f} | {advice[key]['ru']:.4f} |")


def main():
    binary, log_dir, record_dir = sys.argv[1:4]
    logs = {name: os.path.join(log_dir, f"bilingual-{name}.jsonl") for name in RUNS}
    for title, table in (("summary", lambda: summary_table(binary, logs)),
                         ("per checkpoint", lambda: checkpoint_table(binary, logs)),
                         ("per cell", lambda: cell_table(binary, logs)), ("tournament", lambda: tournament_table(record_dir)),
                         ("tournament sgd summary", lambda: sgd_summary_table(record_dir)),
                         ("tournament sgd", lambda: sgd_tournament_table(record_dir)),
                         ("advice", lambda: advice_table(record_dir))):
        print(f"\n<!-- {title} -->")
        table()


if __name__ == "__main__":
    main()
