"""Test models with independently known derivatives: quadratics (closed-form gradient, Hessian and
bracket, science page) and a small MLP (checked against finite differences)."""

import torch

torch.set_default_dtype(torch.float64)


def spd(n, generator, floor=0.1):
    m = torch.randn(n, n, generator=generator)
    return m @ m.T / n + floor * torch.eye(n)


class Theta(torch.nn.Module):
    def __init__(self, start):
        super().__init__()
        self.theta = torch.nn.Parameter(start.clone())


class Quadratics:
    """L_i(theta) = 1/2 (theta - b_i)^T A_i (theta - b_i)."""

    def __init__(self, k, n, seed):
        g = torch.Generator().manual_seed(seed)
        self.A = [spd(n, g) for _ in range(k)]
        self.b = [torch.randn(n, generator=g) for _ in range(k)]
        self.start = torch.randn(n, generator=g)

    def loss(self, model, i):
        d = model.theta - self.b[i]
        return 0.5 * d @ self.A[i] @ d

    def grad(self, theta, i):
        return self.A[i] @ (theta - self.b[i])

    def bracket(self, theta, i, j):
        """R(L_i, L_j) = A_j A_i (theta - b_i) - A_i A_j (theta - b_j)."""
        return self.A[j] @ self.A[i] @ (theta - self.b[i]) - self.A[i] @ self.A[j] @ (theta - self.b[j])


def mlp(seed, widths=(4, 8, 8, 1)):
    torch.manual_seed(seed)
    layers = []
    for a, b in zip(widths[:-1], widths[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.Tanh()]
    return torch.nn.Sequential(*layers[:-1])


def regression_batch(seed, domain, size=16, width=4):
    g = torch.Generator().manual_seed(seed * 7919 + domain)
    x = torch.randn(size, width, generator=g)
    y = torch.sin(x[:, :1] * (1 + domain)) + 0.3 * domain * x[:, 1:2] ** 2
    return x, y


def mse(model, batch):
    x, y = batch
    return torch.nn.functional.mse_loss(model(x), y)
