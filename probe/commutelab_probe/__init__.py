"""commutelab_probe: measure the Lie-bracket criterion P(L_a, L_b; L_k) of a PyTorch model during
training, run the paper's order interventions, and write CommuteLab logs (docs/probe.md)."""

from .autograd_passes import ProbeError
from .intervene import Intervention, Snapshot, intervene, weighted_train_step
from .log_writer import LogWriter, read_complete_records
from .measure import MEAN, Measurement, measure

__version__ = "0.1.0"

__all__ = [
    "MEAN",
    "Intervention",
    "LogWriter",
    "Measurement",
    "ProbeError",
    "Snapshot",
    "intervene",
    "measure",
    "read_complete_records",
    "weighted_train_step",
]
