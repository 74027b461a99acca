"""LogWriter: CommuteLab's canonical JSON Lines log (docs/log-format.md), written while training runs.

Every record is built whole, written as one line with one write() and flushed, so a reader that
reloads the file sees only complete records, plus at most a last line still being written when the
process is killed mid-write. Reopening such a file cuts it back to its last complete record before
appending. Numbers are Python's shortest round-trip text; NaN/inf are the strings "NaN",
"Infinity", "-Infinity"; missing values are null.
"""

import json
import math
import os
import platform

import torch

from .autograd_passes import ProbeError
from .measure import MEAN

_FORBIDDEN = set(",;>^(){}\"'/")


def _check_name(name):
    if not isinstance(name, str) or not name or any(c.isspace() or c in _FORBIDDEN for c in name):
        raise ProbeError(f"domain name {name!r} is not allowed in a CommuteLab log "
                         "(no whitespace or , ; > ^ ( ) {{ }} \" ' /)")


def _number(x):
    if x is None:
        return None
    if isinstance(x, int) and not isinstance(x, bool):
        return x  # steps stay integers
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def read_complete_records(path):
    """The records of a JSON Lines log up to its last complete line (a line cut by a killed writer, or
    still being written, is left out). Returns a list of dicts."""
    with open(path, "rb") as f:
        data = f.read()
    end = data.rfind(b"\n") + 1
    return [json.loads(line) for line in data[:end].decode("utf-8").splitlines() if line.strip()]


def _complete_lines(path):
    """The bytes of a file up to its last newline, and whether a partial line follows."""
    with open(path, "rb") as f:
        data = f.read()
    end = data.rfind(b"\n") + 1
    return data[:end], end != len(data)


class LogWriter:
    """Appends run, checkpoint, p, rms and intervention records to a .jsonl log.

    P-values are written raw (p_units "raw": the app multiplies them by learning_rate^2), one
    orientation per pair of domains, P(L_b, L_a; L_k) with a before b in domain order (the paper's
    P_{2,1;k}), for every domain target k. The mean target appears as the checkpoints' target_loss."""

    def __init__(self, path, domains, learning_rate=None, base_weights=None, metadata=None):
        self.path = os.fspath(path)
        self.domains = list(domains)
        if len(self.domains) < 2:
            raise ProbeError("a log needs at least two domains")
        for name in self.domains:
            _check_name(name)
        if base_weights is not None:
            if hasattr(base_weights, "items"):
                base_weights = [base_weights[d] for d in self.domains]
            if len(base_weights) != len(self.domains):
                raise ProbeError(f"{len(base_weights)} base weights for {len(self.domains)} domains")
        meta = {"writer": "commutelab_probe 0.1.0", "torch": torch.__version__,
                "python": platform.python_version(), "p_estimator": "independent-groups"}
        for key, value in (metadata or {}).items():
            if not isinstance(key, str) or not key or any(c.isspace() for c in key):
                raise ProbeError(f"metadata key {key!r}: keys are text without spaces")
            meta[key] = value if isinstance(value, str) else json.dumps(value)
        self._checkpoint_steps = set()
        existing, partial = _complete_lines(self.path) if os.path.exists(self.path) else (b"", False)
        if existing.strip():
            run = json.loads(existing.decode("utf-8").splitlines()[0])
            if run.get("type") != "run" or run.get("domains") != self.domains:
                raise ProbeError(f"{self.path}: exists with another run (domains {run.get('domains')}); "
                                 "refusing to append")
            for line in existing.decode("utf-8").splitlines()[1:]:
                record = json.loads(line)
                if record.get("type") == "checkpoint":
                    self._checkpoint_steps.add(record["step"])
        if partial:  # a writer killed mid-line: continue after the last complete record
            os.truncate(self.path, len(existing))
        self._file = open(self.path, "a", encoding="utf-8")
        if not existing.strip():
            self._write({"type": "run", "format": "commutelab-log", "version": 1, "domains": self.domains,
                         "base_weights": None if base_weights is None else [_number(w) for w in base_weights],
                         "learning_rate": _number(learning_rate), "p_units": "raw", "target": MEAN,
                         "metadata": meta})

    def _write(self, record):
        line = json.dumps(record, allow_nan=False, ensure_ascii=False) + "\n"
        self._file.write(line)
        self._file.flush()

    def _per_domain(self, values, what):
        missing = [d for d in self.domains if d not in values]
        unknown = [d for d in values if d not in self.domains]
        if missing or unknown:
            raise ProbeError(f"{what}: " + (f"no value for {missing}" if missing else f"unknown domains {unknown}"))
        return [_number(values[d]) for d in self.domains]

    def checkpoint(self, step, losses, target_loss=None):
        """Base-run losses at a step ({domain: loss}); target_loss defaults to their mean."""
        if step in self._checkpoint_steps:
            raise ProbeError(f"a checkpoint at step {step} is already in {self.path}")
        row = self._per_domain(losses, f"checkpoint at step {step}")
        if target_loss is None:
            target_loss = sum(float(losses[d]) for d in self.domains) / len(self.domains)
        self._write({"type": "checkpoint", "step": _number(step), "loss": row, "target_loss": _number(target_loss)})
        self._checkpoint_steps.add(step)

    def measurement(self, m, checkpoint=True):
        """P-values (with standard error and sample count) and RMS records of a Measurement; first a
        checkpoint with its per-domain losses unless one is logged at that step or checkpoint=False."""
        if list(m.domains) != self.domains:
            raise ProbeError(f"measurement domains {m.domains} differ from the log's {self.domains}")
        records = []
        if checkpoint and m.step not in self._checkpoint_steps:
            records.append({"type": "checkpoint", "step": _number(m.step), "loss": self._per_domain(m.loss, "loss"),
                            "target_loss": _number(m.mean_loss)})
        for i, a in enumerate(self.domains):
            for b in self.domains[i + 1:]:
                for k in m.targets:
                    if k != MEAN:
                        records.append({"type": "p", "step": _number(m.step), "pair": [b, a], "target": k,
                                        "value": _number(m.p[(b, a, k)]), "stderr": _number(m.stderr[(b, a, k)]),
                                        "samples": m.samples})
                for tensor, value in m.bracket_rms.get((b, a), {}).items():
                    records.append({"type": "rms", "step": _number(m.step), "pair": [b, a], "tensor": tensor,
                                    "bracket_rms": _number(value), "grad_rms": _number(m.grad_rms[(b, a)][tensor])})
        for r in records:
            self._write(r)
        if records and records[0]["type"] == "checkpoint":
            self._checkpoint_steps.add(m.step)

    def intervention(self, iv):
        """One Intervention (or a list of them)."""
        for one in iv if isinstance(iv, (list, tuple)) else [iv]:
            self._write({"type": "intervention", "start": _number(one.start), "length": _number(one.length),
                         "delta_w": _number(one.delta_w), "order": list(one.order),
                         "excess": self._per_domain(one.excess, "excess"),
                         "loss": self._per_domain(one.loss, "loss"),
                         "base_loss": self._per_domain(one.base_loss, "base_loss")})

    def close(self):
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
