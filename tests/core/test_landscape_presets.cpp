// Built-in landscapes: quadratic parameters become the right loss, and every preset shows both
// regions of Figure 1.

#include "Approx.h"
#include "core/FieldSampler.h"
#include "core/QuadraticLoss.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "core/landscape/QuadraticParameters.h"

#include <QtTest>

#include <cmath>

using namespace cl;

class TestLandscapePresets : public QObject {
    Q_OBJECT

private slots:
    void quadraticParametersGiveTheRotatedQuadratic()
    {
        const QuadraticParameters p{3.0, 0.5, 35.0, 1.25, -0.75};
        const auto typed = ExpressionLoss::fromText(quadraticExpression(p));
        // Independent construction: A = R diag(λ) Rᵀ with Eigen's rotation.
        const Eigen::Matrix2d r = Eigen::Rotation2Dd(p.angleDegrees * M_PI / 180).toRotationMatrix();
        const Eigen::Matrix2d a = r * Eigen::Vector2d(p.lambda1, p.lambda2).asDiagonal() * r.transpose();
        const QuadraticLoss reference(a, Eigen::Vector2d(p.centreX, p.centreY));
        for (const auto& xy : {std::pair{0.0, 0.0}, std::pair{2.0, -1.0}, std::pair{-1.5, 0.7}}) {
            Vector theta(2);
            theta << xy.first, xy.second;
            // Coefficients are written with 6 significant digits (relative rounding <= 5e-6 each).
            CL_COMPARE_APPROX(typed->value(theta), reference.value(theta), 1e-5, 1e-5);
            QVERIFY(cl::testing::approxEqual(typed->gradient(theta), reference.gradient(theta), 1e-5, 1e-5));
            const Matrix h = typed->hessian(theta);
            QVERIFY(cl::testing::approxEqual(Eigen::Map<const Vector>(h.data(), 4),
                                             Eigen::Map<const Vector>(a.data(), 4), 1e-5, 1e-5));
        }
        // The first eigenvector points along the angle.
        const Eigen::Vector2d axis(std::cos(35 * M_PI / 180), std::sin(35 * M_PI / 180));
        QVERIFY(((a * axis) - 3.0 * axis).norm() < 1e-14);
    }

    void writtenNumbersAreRounded()
    {
        // A right angle leaves cos 90° = 6e-17: no such term, and no 17-digit coefficients.
        const std::string text = quadraticExpression({1.0, 0.2, 90.0, 1.0, -2.0});
        QCOMPARE(text, std::string("0.5*(0.2*(x-1)^2 + 1*(y+2)^2)"));
        const std::string turned = quadraticExpression({3.0, 0.5, 35.0, 1.25, -0.75});
        QVERIFY2(turned.find("e-") == std::string::npos && turned.size() < 80, turned.c_str());
    }

    void badCurvatureIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quadraticExpression({0.0, 1.0, 0, 0, 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quadraticExpression({1.0, -2.0, 0, 0, 0}));
    }

    void everyPresetShowsBothRegions()
    {
        QVERIFY(landscapePresets().size() >= 3);
        QCOMPARE(landscapePresets().front().name, std::string("figure1"));
        for (const LandscapePreset& preset : landscapePresets()) {
            FieldRequest request;
            request.l1 = ExpressionLoss::fromText(preset.l1);
            request.l2 = ExpressionLoss::fromText(preset.l2);
            request.grid = preset.grid;
            FieldGrid grid;
            sampleFields(request, grid);
            const FieldSummary s = summarize(grid);
            qInfo("%s: green %.3f purple %.3f neutral %.3f", preset.name.c_str(), s.greenFraction, s.purpleFraction,
                  s.neutralFraction);
            QVERIFY2(s.greenFraction > 0.02 && s.purpleFraction > 0.02, preset.name.c_str());
            QCOMPARE(s.undefinedFraction, 0.0);
        }
    }

    void unknownPresetListsTheKnownOnes()
    {
        try {
            findLandscapePreset("nope");
            QFAIL("no error");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(QString(e.what()),
                     QString("unknown preset 'nope' (known: figure1, rotated-quadratics, quadratic-nonconvex)"));
        }
    }
};

QTEST_APPLESS_MAIN(TestLandscapePresets)
#include "test_landscape_presets.moc"
