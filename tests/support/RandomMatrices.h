#pragma once
// Seeded random symmetric positive-definite matrices for tests (Eigen's Random is deterministic
// given std::srand, but its generator differs between platforms; this one does not).

#include <Eigen/Dense>

#include <cstdint>
#include <random>

namespace cl::testing {

class TestRandom {
public:
    explicit TestRandom(std::uint64_t seed) : engine_(seed) {}
    /// Uniform in [-1, 1) from the raw 53 high bits: identical on every standard library.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-52 - 1.0; }
    Eigen::VectorXd vector(int n)
    {
        Eigen::VectorXd v(n);
        for (int i = 0; i < n; ++i) v[i] = uniform();
        return v;
    }
    Eigen::MatrixXd spd(int n)
    {
        Eigen::MatrixXd m(n, n);
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) m(i, j) = uniform();
        return m * m.transpose() + 0.5 * Eigen::MatrixXd::Identity(n, n);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace cl::testing
