#pragma once
// Schedule interventions and what the bracket predicts for them (science page, "What the
// bracket predicts"): the Corollary 3.2 perturbation for K domains, the paper's eq. 9/10
// interventions, and the §4.1 swap experiment (their δ = ½, w = ½ special case).
//
// Constants follow the science page, not the printed paper: the Corollary 3.2 leading term is
// δ ε² P(...), and the swap experiment's is ½ Δt² P(L1, L2; L) (the paper prints ½δε² and 1/8 Δt²).

#include "core/flow/FlowIntegrator.h"

namespace cl {

/// L(x) - L(y), computed as ½ (x-y)ᵀ A (x+y-2b) for quadratics (and term by term for weighted
/// sums of them) so that tiny excess losses do not drown in the rounding of L itself.
double lossDifference(const Loss& loss, const Vector& x, const Vector& y);

/// Corollary 3.2(a) for any number of domains.
struct PerturbationResult {
    Vector perturbed;   // θ^ε(t0 + 2ε)
    Vector base;        // θ(t0 + 2ε)
    double observed;    // L(θ^ε) - L(θ)
    double predicted;   // δ ε² P(L_i - L_j, Σ_k w_k(t0) L_k; L)(θ(t0))
};

/// From θ(t0) = theta under `base`, perturbs domains i, j (0-based) by ±δ on [t0, t0+2ε) as in
/// Corollary 3.2(a) and compares with the unperturbed flow at t0 + 2ε.
PerturbationResult runPerturbation(const FlowIntegrator& flow, const Schedule& base, int i, int j, double delta,
                                   const Vector& theta, double t0, double eps, const Loss& target);

/// One target's excess losses in a two-domain intervention.
struct ExcessLoss {
    double observed12 = 0;   // L(θ12) - L(θbase)
    double observed21 = 0;   // L(θ21) - L(θbase)
    double predicted12 = 0;  // Δw Δt² P(L1, L2; L)(θ(t0)); the prediction for observed21 is its negative
    double p21 = 0;          // P(L2, L1; L)(θ(t0)): the paper's P_{2,1;i} (Tables 2-4), unscaled
};

struct InterventionResult {
    Vector thetaAtStart;  // θ(t0)
    Vector theta12, theta21, thetaBase;
    std::vector<ExcessLoss> targets;  // one per requested target, in order
};

/// Paper eq. 9/10 from θ(t0) = thetaAtStart under base weights (w, 1-w): θ12 raises domain 1 by
/// Δw on [t0, t0+Δt) and lowers it on [t0+Δt, t0+2Δt), θ21 the reverse, θbase keeps (w, 1-w).
/// For two domains R(L1 - L2, w L1 + (1-w) L2) = R(L1, L2), so Corollary 3.2 predicts
/// L(θ12) - L(θbase) ≈ Δw Δt² P(L1, L2; L). Needs a two-domain flow.
InterventionResult runIntervention(const FlowIntegrator& flow, const Vector& thetaAtStart, double w, double t0,
                                   double dt, double dw, const std::vector<LossPtr>& targets);

/// As runIntervention, but first trains from θ0 at time 0 with (w, 1-w) up to t0 (eq. 9/10 in full).
InterventionResult runInterventionFromStart(const FlowIntegrator& flow, const Vector& theta0, double w, double t0,
                                            double dt, double dw, const std::vector<LossPtr>& targets);

/// The §4.1 swap experiment from θ at time t: θ12 = domain 1 alone for Δt then domain 2 alone,
/// θ21 the reverse, θbase = (½, ½) for 2Δt. Targets: L1, L2 and L = (L1 + L2)/2, in that order;
/// predicted12 = ½ Δt² P(L1, L2; target)(θ).
InterventionResult runSwapExperiment(const FlowIntegrator& flow, const Vector& theta, double t, double dt);

}  // namespace cl
