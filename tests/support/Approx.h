#pragma once
// The one comparison the tests use: |a - b| <= abs + rel * max(|a|, |b|). Relative-only
// tolerances fail near zero, absolute-only ones fail for large values; this takes both.

#include <Eigen/Dense>

#include <QString>
#include <cmath>

namespace cl::testing {

inline bool approxEqual(double a, double b, double absTol, double relTol)
{
    if (std::isnan(a) || std::isnan(b)) return false;
    return std::abs(a - b) <= absTol + relTol * std::max(std::abs(a), std::abs(b));
}

inline bool approxEqual(const Eigen::VectorXd& a, const Eigen::VectorXd& b, double absTol, double relTol)
{
    if (a.size() != b.size()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (!approxEqual(a[i], b[i], absTol, relTol)) return false;
    return true;
}

inline QString describe(double a, double b)
{
    return QString("actual %1, expected %2, difference %3").arg(a, 0, 'g', 17).arg(b, 0, 'g', 17).arg(a - b, 0, 'g', 3);
}

}  // namespace cl::testing

/// QVERIFY2 with both numbers in the failure message.
#define CL_COMPARE_APPROX(actual, expected, absTol, relTol)                                         \
    QVERIFY2(cl::testing::approxEqual((actual), (expected), (absTol), (relTol)),                    \
             qPrintable(cl::testing::describe((actual), (expected))))
