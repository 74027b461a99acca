"""The paper's LLM experiment in miniature (issue 13): a tiny byte-level causal transformer trained
with AdamW on CPU on English, Russian and German fortunes (Debian's fortunes, fortunes-ru,
fortunes-de), measured with commutelab_probe, written as CommuteLab logs.

    /usr/bin/python3 probe/examples/bilingual.py --out DIR [--reduced] [--seed S]

1. balanced (paper §4.2, Table 2): en/ru at (0.5, 0.5); at each checkpoint P(L_ru, L_en; L_k) with
   standard errors, and the eq. 9/10 interventions for both orders at three delta_w.
2. imbalanced (App. B, Table 3): 90 % en / 10 % ru; before the last window the probe's advice
   ("more Russian at the end?") is run against the base schedule and the opposite order.
3. tournament (arXiv 2606.24993): from a 3-domain checkpoint, the order of en/ru/de the bracket
   plans for the mean loss against all 3! sequential curricula trained from there (one seed = one
   base run and its data streams); how often the plan is best and its mean rank.
4. tournament-sgd: the same checkpoints and plans, the curricula trained by plain SGD (--sgd-lr), the
   optimizer the bracket's prediction is derived for; with the predicted and observed loss change per order.

Data: each fortune file is split at its "%" lines; fortune i (in file-name order) is held out when
i % 10 == 9. Training batches are random byte windows drawn from a seeded generator per stream,
so the same seed gives the same logs.
"""

import argparse
import itertools
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import commutelab_probe as cp  # noqa: E402

SOURCES = {"en": "/usr/share/games/fortunes", "ru": "/usr/share/games/fortunes/ru", "de": "/usr/share/games/fortunes/de"}
CONTEXT, BATCH = 64, 16
FULL = dict(steps=600, checkpoints=4, delta_t=20, groups=8, probe_batches=2, eval_batches=8, advice_dw=0.09,
            tournament_seeds=8, tournament_base=150, tau=15, sgd_lr=0.01, width=48, layers=2)
REDUCED = dict(steps=24, checkpoints=2, delta_t=2, groups=4, probe_batches=1, eval_batches=2, advice_dw=0.09,
               tournament_seeds=2, tournament_base=8, tau=2, sgd_lr=0.05, width=32, layers=1)


def read_fortunes(directory):
    """(train bytes, held-out bytes, counts) of the fortune files in a directory (not recursive)."""
    train, held = [], []
    index = 0
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if not os.path.isfile(path) or name.endswith((".dat", ".u8")) or os.path.islink(path):
            continue
        text = open(path, "rb").read()
        for fortune in text.split(b"\n%\n"):
            if fortune.strip():
                (held if index % 10 == 9 else train).append(fortune.strip() + b"\n")
                index += 1
    return b"".join(train), b"".join(held), index


class ByteStream:
    """Random windows of CONTEXT + 1 bytes from a text, from its own seeded generator."""

    def __init__(self, data, seed):
        self.data = torch.frombuffer(bytearray(data), dtype=torch.uint8).long()
        self.generator = torch.Generator().manual_seed(seed)

    def batch(self):
        starts = torch.randint(0, len(self.data) - CONTEXT - 1, (BATCH,), generator=self.generator)
        return torch.stack([self.data[s : s + CONTEXT + 1] for s in starts.tolist()])

    def batches(self, n):
        return [self.batch() for _ in range(n)]


class Block(torch.nn.Module):
    def __init__(self, width, heads=4):
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = torch.nn.LayerNorm(width), torch.nn.LayerNorm(width)
        self.qkv, self.proj = torch.nn.Linear(width, 3 * width), torch.nn.Linear(width, width)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(width, 4 * width), torch.nn.GELU(), torch.nn.Linear(4 * width, width))

    def forward(self, x):
        n, t, w = x.shape
        q, k, v = self.qkv(self.norm1(x)).view(n, t, 3, self.heads, w // self.heads).permute(2, 0, 3, 1, 4)
        scores = (q @ k.transpose(-1, -2)) / (w // self.heads) ** 0.5
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        attention = scores.masked_fill(mask, float("-inf")).softmax(-1)
        x = x + self.proj((attention @ v).transpose(1, 2).reshape(n, t, w))
        return x + self.mlp(self.norm2(x))


class ByteTransformer(torch.nn.Module):
    def __init__(self, width, layers):
        super().__init__()
        self.embed = torch.nn.Embedding(256, width)
        self.position = torch.nn.Parameter(0.02 * torch.randn(CONTEXT, width))
        self.blocks = torch.nn.ModuleList([Block(width) for _ in range(layers)])
        self.norm = torch.nn.LayerNorm(width)
        self.head = torch.nn.Linear(width, 256)

    def forward(self, tokens):
        x = self.embed(tokens) + self.position[: tokens.shape[1]]
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))


def next_byte_loss(model, batch):
    """Mean cross-entropy of the next byte, in nats per byte."""
    logits = model(batch[:, :-1])
    return torch.nn.functional.cross_entropy(logits.reshape(-1, 256), batch[:, 1:].reshape(-1))


def evaluate(model, held_out):
    with torch.no_grad():
        return {d: sum(float(next_byte_loss(model, b)) for b in bs) / len(bs) for d, bs in held_out.items()}


class Setup:
    def __init__(self, domains, cfg, seed, texts):
        torch.manual_seed(seed)
        self.domains, self.cfg, self.seed = domains, cfg, seed
        self.model = ByteTransformer(cfg["width"], cfg["layers"])
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=3e-3, weight_decay=0.01)
        self.train = {d: ByteStream(texts[d][0], seed * 1000 + 1 + i) for i, d in enumerate(domains)}
        self.probe = {d: ByteStream(texts[d][0], seed * 1000 + 101 + i) for i, d in enumerate(domains)}
        held = {d: ByteStream(texts[d][1], 7 + i) for i, d in enumerate(domains)}  # fixed across seeds
        self.held_out = {d: held[d].batches(cfg["eval_batches"]) for d in domains}
        self.step_fn = cp.weighted_train_step(next_byte_loss)

    def train_steps(self, n, weights):
        for _ in range(n):
            self.step_fn(self.model, self.optimizer, {d: self.train[d].batch() for d in self.domains}, weights)

    def window(self):
        """The next 2 delta_t training batches per domain, shared by the base run and every intervention."""
        return {d: self.train[d].batches(2 * self.cfg["delta_t"]) for d in self.domains}

    def measure(self, step, targets=None, rms=False):
        n = self.cfg["groups"] * self.cfg["probe_batches"]
        return cp.measure(self.model, next_byte_loss, {d: self.probe[d].batches(n) for d in self.domains}, step=step,
                          targets=targets, groups=self.cfg["groups"], rms=rms)


def metadata(args, cfg, weights):
    return {"experiment": "probe/examples/bilingual.py", "command": " ".join(["bilingual.py"] + sys.argv[1:]),
            "seed": args.seed, "model": f"byte transformer width {cfg['width']} layers {cfg['layers']} context {CONTEXT}",
            "optimizer": "AdamW lr 3e-3 wd 0.01", "batch": f"{BATCH}x{CONTEXT} bytes per domain per step",
            "data": "Debian fortunes / fortunes-ru / fortunes-de, fortune i held out when i % 10 == 9",
            "weights": json.dumps(weights), "probe_groups": cfg["groups"], "loss_units": "nats per byte"}


def two_language_run(name, weights, dws, args, cfg, texts, advice=False):
    """Base run with checkpoints, P-values and interventions; the last window tests the advice."""
    s = Setup(["en", "ru"], cfg, args.seed, texts)
    path = os.path.join(args.out, f"{name}.jsonl")
    if os.path.exists(path):
        os.remove(path)
    summary = {"checkpoints": []}
    every = cfg["steps"] // cfg["checkpoints"]
    with cp.LogWriter(path, ["en", "ru"], learning_rate=3e-3, base_weights=weights,
                      metadata=metadata(args, cfg, weights)) as log:
        log.checkpoint(0, evaluate(s.model, s.held_out))
        for step in range(every, cfg["steps"] + 1, every):
            s.train_steps(every, weights)
            held = evaluate(s.model, s.held_out)
            m = s.measure(step, rms=not advice)  # bracket RMS in the balanced run only (it doubles the HVPs)
            log.checkpoint(step, held)
            log.measurement(m, checkpoint=False)
            ivs = cp.intervene(s.model, s.optimizer, s.step_fn, s.window(), weights=weights, t0_step=step,
                               delta_t=cfg["delta_t"], delta_w=dws, order=[("en", "ru"), ("ru", "en")],
                               loss_fn=next_byte_loss, eval_batches=s.held_out)
            log.intervention(ivs)
            row = {"step": step, "loss": held, "P(ru,en;en)": [m.p[("ru", "en", "en")], m.stderr[("ru", "en", "en")]],
                   "P(ru,en;ru)": [m.p[("ru", "en", "ru")], m.stderr[("ru", "en", "ru")]],
                   "EL": {f"{''.join(iv.order)}@{iv.delta_w}": iv.excess for iv in ivs},
                   "weight_sums": [[iv.weight_sums, iv.base_weight_sums] for iv in ivs]}
            summary["checkpoints"].append(row)
            print(f"[{name}] step {step}: held-out {held['en']:.3f} / {held['ru']:.3f}; "
                  f"P(ru,en;en) = {row['P(ru,en;en)'][0]:.3g} ± {row['P(ru,en;en)'][1]:.2g}, "
                  f"P(ru,en;ru) = {row['P(ru,en;ru)'][0]:.3g} ± {row['P(ru,en;ru)'][1]:.2g}", flush=True)
        if advice:
            # Order (en, ru) ends with more Russian; it is predicted to change L_k by P(en, ru; L_k).
            predicted = {k: m.p[("en", "ru", k)] for k in ("en", "ru", cp.MEAN)}
            advised = ("en", "ru") if predicted[cp.MEAN] < 0 else ("ru", "en")
            test = cp.intervene(s.model, s.optimizer, s.step_fn, s.window(), weights=weights, t0_step=cfg["steps"],
                                delta_t=cfg["delta_t"], delta_w=cfg["advice_dw"], order=[advised, advised[::-1]],
                                loss_fn=next_byte_loss, eval_batches=s.held_out)
            summary["advice"] = {"more_russian_at_the_end": advised == ("en", "ru"), "predicted_P(en,ru;k)": predicted,
                                 "base_final": test[0].base_loss, "advised_final": test[0].loss,
                                 "opposite_final": test[1].loss, "delta_w": cfg["advice_dw"]}
            print(f"[{name}] advice: {'more' if advised == ('en', 'ru') else 'less'} Russian at the end; final losses "
                  f"base {test[0].base_loss}, advised {test[0].loss}, opposite {test[1].loss}", flush=True)
    return summary


def tournament(args, cfg, texts, sgd_lr=None):
    """The planned order against all 3! curricula. With sgd_lr the curricula are trained by plain SGD at that
    step size from the AdamW-trained checkpoint: the bracket's prediction is made for gradient steps (science
    page; the paper's remark on Adam's metric), so this isolates what AdamW's preconditioning does to it."""
    domains = ["en", "ru", "de"]
    label = "tournament-sgd" if sgd_lr else "tournament"
    results = []
    for seed in range(args.seed, args.seed + cfg["tournament_seeds"]):
        local = argparse.Namespace(**vars(args))
        local.seed = seed
        s = Setup(domains, cfg, seed, texts)
        s.train_steps(cfg["tournament_base"], {d: 1 / 3 for d in domains})
        m = s.measure(cfg["tournament_base"], targets=[cp.MEAN])
        e = {(a, b): m.p[(a, b, cp.MEAN)] for a in domains for b in domains if a != b}
        # A before B changes L by tau^2 e(A, B) against the reverse: the best order minimises the sum over
        # pairs in order (the linear ordering problem; exact by brute force for three domains).
        orders = list(itertools.permutations(domains))
        predicted = {o: sum(e[(o[i], o[j])] for i in range(3) for j in range(i + 1, 3)) for o in orders}
        planned = min(orders, key=predicted.get)
        snapshot = cp.Snapshot(s.model, s.optimizer)
        streams = {d: s.train[d].batches(cfg["tau"]) for d in domains}
        final = {}
        for o in orders:
            snapshot.restore(s.model, s.optimizer)
            optimizer = torch.optim.SGD(s.model.parameters(), lr=sgd_lr) if sgd_lr else s.optimizer
            for d in o:
                for b in streams[d]:
                    s.step_fn(s.model, optimizer, {d: b}, {d: 1.0})
            losses = evaluate(s.model, s.held_out)
            final[o] = sum(losses.values()) / 3
        snapshot.restore(s.model, s.optimizer)
        ranking = sorted(orders, key=final.get)
        rank = ranking.index(planned) + 1
        run = {"seed": seed, "planned": ">".join(planned), "best": ">".join(ranking[0]), "rank": rank,
               "final_mean_loss": {">".join(o): v for o, v in final.items()},
               "stderr_max": max(m.stderr[(a, b, cp.MEAN)] for a, b in e)}
        if sgd_lr:
            # To second order L(order) = const + (lr tau)^2 / 2 * sum_{A before B} e(A, B) (science page, "N
            # domains"): the order-dependent part predicted for every curriculum, to set beside the observed one.
            scale = 0.5 * (sgd_lr * cfg["tau"]) ** 2
            run["predicted_mean_loss_change"] = {">".join(o): scale * (predicted[o] - sum(predicted.values()) / 6)
                                                 for o in orders}
            run["observed_mean_loss_change"] = {">".join(o): final[o] - sum(final.values()) / 6 for o in orders}
        results.append(run)
        print(f"[{label}] seed {seed}: planned {'>'.join(planned)}, best {'>'.join(ranking[0])}, rank {rank}", flush=True)
    hits = sum(r["rank"] == 1 for r in results)
    return {"seeds": len(results), "planned_is_best": hits, "fraction": hits / len(results), "sgd_lr": sgd_lr,
            "mean_rank": sum(r["rank"] for r in results) / len(results), "runs": results}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reduced", action="store_true", help="the CI version (under 2 minutes)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1: bit-reproducible)")
    parser.add_argument("--parts", default="balanced,imbalanced,tournament",
                        help="which experiments to run (also: tournament-sgd)")
    parser.add_argument("--sgd-lr", type=float, help="tournament-sgd: SGD step size of the curricula (default: the "
                        "configuration's, chosen so that lr * tau = 0.15 in the full run)")
    args = parser.parse_args(argv)
    cfg = REDUCED if args.reduced else FULL
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    started = time.perf_counter()
    texts = {d: read_fortunes(SOURCES[d]) for d in SOURCES}
    sizes = {d: {"train_bytes": len(t[0]), "held_out_bytes": len(t[1]), "fortunes": t[2]} for d, t in texts.items()}
    print(f"data: {json.dumps(sizes)}; torch {torch.__version__}, {args.threads} thread(s), "
          f"{'reduced' if args.reduced else 'full'} run, seed {args.seed}", flush=True)
    summary = {"data": sizes, "config": cfg, "seed": args.seed, "torch": torch.__version__}
    parts = args.parts.split(",")
    if "balanced" in parts:
        summary["balanced"] = two_language_run("balanced", {"en": 0.5, "ru": 0.5}, [0.15, 0.3, 0.45], args, cfg, texts)
    if "imbalanced" in parts:
        summary["imbalanced"] = two_language_run("imbalanced", {"en": 0.9, "ru": 0.1}, [0.03, 0.06, 0.09], args, cfg,
                                                 texts, advice=True)
    if "tournament" in parts:
        summary["tournament"] = t = tournament(args, cfg, texts)
        print(f"tournament: planned order best in {t['planned_is_best']}/{t['seeds']} seeds, mean rank {t['mean_rank']:.2f}")
    if "tournament-sgd" in parts:
        sgd_lr = args.sgd_lr or cfg["sgd_lr"]
        summary["tournament_sgd"] = t = tournament(args, cfg, texts, sgd_lr=sgd_lr)
        print(f"tournament-sgd: planned order best in {t['planned_is_best']}/{t['seeds']} seeds, mean rank "
              f"{t['mean_rank']:.2f} (curricula trained by SGD, lr {sgd_lr})")
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
    print(f"done in {time.perf_counter() - started:.0f} s; logs in {args.out}", flush=True)


if __name__ == "__main__":
    main()
