"""Sums over the ranks of a torch.distributed process group (a no-op without one).

Each rank measures its own share of the batches; the probe all-reduces sums (gradient sums, batch
counts, the scalar products of the estimator) and divides afterwards, so the result is the
single-process one up to the order of floating-point additions."""


class Collective:
    def __init__(self, process_group=None):
        import torch.distributed as dist

        self._dist = dist
        self.active = dist.is_available() and dist.is_initialized()
        self.group = process_group
        self.rank = dist.get_rank(process_group) if self.active else 0
        self.world = dist.get_world_size(process_group) if self.active else 1

    def global_index(self, local_index):
        """Rank r's i-th batch is batch i * world + r of the whole (DistributedSampler's interleaving)."""
        return local_index * self.world + self.rank

    def sum_(self, tensor):
        if self.active:
            self._dist.all_reduce(tensor, op=self._dist.ReduceOp.SUM, group=self.group)
        return tensor
