"""The two autograd passes the probe is made of: a batch's loss gradient, and its Hessian-vector
products by double backward (Pearlmutter's trick: H v = grad <grad L, v>). Only
``torch.autograd.grad`` is used, so Debian's torch 1.13 and current PyTorch behave the same.

Vectors over the parameters are kept *flat* (one contiguous 1-D tensor), so that the many dot
products of the estimator are one matrix product instead of a loop over tensors; ``views`` cuts
a flat vector back into per-parameter views without copying.
"""

import math

import torch


class ProbeError(ValueError):
    """Bad input to the probe, naming the domain and the batch (0-based index) where it was found."""

    def __init__(self, message, domain=None, batch=None):
        where = []
        if domain is not None:
            where.append(f"domain '{domain}'")
        if batch is not None:
            where.append(f"batch {batch}")
        super().__init__((", ".join(where) + ": " if where else "") + message)
        self.domain = domain
        self.batch = batch


def unwrap(model):
    """The module whose parameters are measured: DistributedDataParallel and DataParallel wrappers
    are looked through, because their backward hooks expect ``.backward()``, not ``autograd.grad``."""
    wrappers = [torch.nn.DataParallel]
    if hasattr(torch.nn.parallel, "DistributedDataParallel"):
        wrappers.append(torch.nn.parallel.DistributedDataParallel)
    while isinstance(model, tuple(wrappers)):
        model = model.module
    return model


class ParameterSpace:
    """The parameters that require grad (others are skipped), their names and flat layout."""

    def __init__(self, model):
        named = [(n, p) for n, p in unwrap(model).named_parameters() if p.requires_grad]
        if not named:
            raise ProbeError("the model has no parameter that requires grad")
        self.names = [n for n, _ in named]
        self.params = [p for _, p in named]
        self.sizes = [p.numel() for p in self.params]
        self.offsets = [0]
        for s in self.sizes:
            self.offsets.append(self.offsets[-1] + s)
        self.numel = self.offsets[-1]
        self.dtype = self.params[0].dtype
        self.device = self.params[0].device

    def zeros(self, *leading):
        return torch.zeros(*leading, self.numel, dtype=self.dtype, device=self.device)

    def views(self, flat):
        """Per-parameter views of a flat vector (no copy)."""
        return [flat[o : o + s].view_as(p) for o, s, p in zip(self.offsets, self.sizes, self.params)]

    def add_into(self, flat, tensors, scale=1.0):
        """flat += scale * tensors (a list per parameter; None counts as zero)."""
        for view, t in zip(self.views(flat), tensors):
            if t is not None:
                view.add_(t.detach(), alpha=scale)

    def dot_rows(self, rows, tensors):
        """rows @ cat(tensors) for a (n, numel) matrix of flat vectors, parameter by parameter, so
        the concatenated vector is never built (a list per parameter; None counts as zero)."""
        out = torch.zeros(rows.shape[0], dtype=self.dtype, device=self.device)
        for o, s, t in zip(self.offsets, self.sizes, tensors):
            if t is not None:
                out.addmv_(rows[:, o : o + s], t.detach().reshape(-1))
        return out

    def tensor_rms(self, flat):
        """RMS of a flat vector over each parameter tensor, by name."""
        return {n: math.sqrt(float(v.double().pow(2).mean())) for n, v in zip(self.names, self.views(flat))}


def batch_loss(model, loss_fn, batch, domain, index):
    """loss_fn(model, batch), checked: a finite scalar tensor, or a ProbeError naming domain and batch."""
    loss = loss_fn(model, batch)
    if not isinstance(loss, torch.Tensor):
        raise ProbeError(f"loss_fn returned {type(loss).__name__}, not a tensor", domain, index)
    if loss.dim() != 0:
        raise ProbeError(f"loss is not a scalar: shape {tuple(loss.shape)}", domain, index)
    if not torch.isfinite(loss.detach()):
        raise ProbeError(f"loss is {float(loss)}", domain, index)
    if not loss.requires_grad:
        raise ProbeError("loss does not depend on any parameter that requires grad", domain, index)
    return loss


def gradient(space, loss):
    """grad L as a list per parameter (None where L does not depend on it)."""
    return torch.autograd.grad(loss, space.params, allow_unused=True)


def differentiable_gradient(space, loss):
    """grad L with its graph kept, ready for Hessian-vector products."""
    return torch.autograd.grad(loss, space.params, create_graph=True, allow_unused=True)


def hessian_vector_product(space, grads, vector_views, retain_graph):
    """H v for the loss whose ``differentiable_gradient`` is ``grads``; a list per parameter.
    H v = d<grad L, v>/dtheta is the vector-Jacobian product of grad L with v: v is handed to autograd
    as the gradient of grad L (``grad_outputs``), so no product grad L * v and no copy of v per
    parameter is made (memory: issue 12). Terms where the gradient does not depend on the parameters
    (L linear there) contribute 0."""
    pairs = [(g, v) for g, v in zip(grads, vector_views) if g is not None and g.requires_grad]
    if not pairs:
        return [None] * len(space.params)
    return torch.autograd.grad([g for g, _ in pairs], space.params, grad_outputs=[v for _, v in pairs],
                               retain_graph=retain_graph, allow_unused=True)
