// Pareto view responsiveness with 100,000 plotted points (issue 5): frame time while the user
// zooms and pans. Run under xvfb-run: bench_pareto_frames [points]. Target: < 50 ms a frame.

#include "core/logs/RunLog.h"
#include "ui/logs/FigureHost.h"
#include "ui/logs/ParetoView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

namespace {

// A two-domain log whose base run falls from (3.5, 3.1) and whose interventions scatter around
// it in four equal-budget groups, like the paper's Figure 2 but with `count` points.
std::shared_ptr<cl::logs::RunLog> syntheticLog(int count)
{
    auto log = std::make_shared<cl::logs::RunLog>();
    log->setDomains({"en", "ru"});
    log->checkpoints.reserve(100);
    for (int k = 0; k < 100; ++k) {
        const double s = 1000.0 * (k + 1);
        const double losses[2] = {3.5 - 0.3 * std::log1p(k), 3.1 - 0.28 * std::log1p(k)};
        log->checkpoints.add(s, losses, cl::logs::missing());
    }
    std::mt19937_64 engine(7);
    auto uniform = [&] { return static_cast<double>(engine() >> 11) * 0x1.0p-53; };
    log->interventions.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const int group = i % 4;
        const double start = 2000.0 + 6000.0 * group, length = 4000;
        const double dw = 0.05 + 0.4 * uniform();
        const double base[2] = {3.3 - 0.1 * group, 2.9 - 0.1 * group};
        const double reached[2] = {base[0] + dw * (uniform() - 0.3) * 0.1, base[1] + dw * (uniform() - 0.7) * 0.1};
        const double excess[2] = {reached[0] - base[0], reached[1] - base[1]};
        log->interventions.add(start, length, dw, cl::logs::DomainPair{i % 2, 1 - i % 2}, excess, reached, base);
    }
    return log;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100000;
    cl::ui::logs::ParetoView view;
    view.resize(1400, 900);
    view.show();
    QElapsedTimer timer;
    timer.start();
    view.setLog(syntheticLog(count));
    view.plot()->grabFramebuffer();  // first full render
    const double firstMs = timer.nsecsElapsed() / 1e6;

    std::vector<double> frames;
    QWidget* plot = view.plot();
    const QPointF centre(plot->width() / 2.0, plot->height() / 2.0);
    for (int f = 0; f < 40; ++f) {
        // 20 wheel steps in, then 20 out: the chart rescales and redraws every point each time.
        const int delta = f < 20 ? 120 : -120;
        QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        timer.restart();
        QApplication::sendEvent(plot, &wheel);
        const QImage frame = view.plot()->grabFramebuffer();  // renders the new frame and waits for it
        frames.push_back(timer.nsecsElapsed() / 1e6);
        if (qEnvironmentVariableIsSet("BENCH_SAVE_FRAMES") && (f == 0 || f == 19))
            frame.save(QString("/tmp/pareto-frame-%1.png").arg(f));
    }
    std::sort(frames.begin(), frames.end());
    std::printf("pareto view, %d intervention points + 100 checkpoints\n", count);
    std::printf("  first render (data + scene + frame): %.1f ms\n", firstMs);
    std::printf("  zoom frames: median %.1f ms, 90th percentile %.1f ms, worst %.1f ms (target < 50 ms)\n",
                frames[frames.size() / 2], frames[frames.size() * 9 / 10], frames.back());
    return 0;
}
