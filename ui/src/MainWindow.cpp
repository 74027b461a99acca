#include "ui/MainWindow.h"

#include "ui/FieldComputation.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"

#include "core/FieldSampler.h"

#include <QDateTime>
#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cl::ui {

GridSpec MainWindow::defaultGrid()
{
    return GridSpec{-3, 3, -3, 3, 200};
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), lossPanel_(new LossPanel), view_(new LandscapeView),
      computation_(new FieldComputation(this)), hoverLabel_(new QLabel), stateLabel_(new QLabel)
{
    setObjectName("mainWindow");
    setWindowTitle("CommuteLab — order of training on two domains");
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(lossPanel_);
    layout->addWidget(view_, 1);
    setCentralWidget(central);

    hoverLabel_->setObjectName("hoverLabel");
    stateLabel_->setObjectName("stateLabel");
    hoverLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(hoverLabel_, 1);
    statusBar()->addPermanentWidget(stateLabel_);
    resize(1280, 900);

    connect(lossPanel_, &LossPanel::lossesChanged, this, &MainWindow::recompute);
    connect(computation_, &FieldComputation::finished, this,
            [this](std::shared_ptr<const FieldGrid> grid, quint64) { showFields(std::move(grid)); });
    connect(computation_, &FieldComputation::failed, this, [this](const QString& message, quint64) {
        stateLabel_->setText("cannot compute: " + message);
    });
    connect(view_, &LandscapeView::hovered, this, &MainWindow::showHover);
    lossPanel_->apply();  // the first landscape, from the default pair
}

MainWindow::~MainWindow() = default;

void MainWindow::recompute()
{
    FieldRequest request;
    request.l1 = lossPanel_->l1();
    request.l2 = lossPanel_->l2();
    request.target = lossPanel_->target();
    request.grid = defaultGrid();
    requestStartedMs_ = QDateTime::currentMSecsSinceEpoch();
    auto shortened = [](QString text) { return text.size() > 60 ? text.left(57) + "…" : text; };
    requestedSubtitle_ = QString("L1 = %1     L2 = %2").arg(shortened(lossPanel_->l1Text().simplified()),
                                                           shortened(lossPanel_->l2Text().simplified()));
    stateLabel_->setText("computing…");
    computation_->request(std::move(request));
}

void MainWindow::showFields(std::shared_ptr<const FieldGrid> grid)
{
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - requestStartedMs_;
    const int n = grid ? grid->spec.n : 0;
    view_->setTitle("Lie bracket R(L1, L2) and where reordering helps both losses", requestedSubtitle_);
    view_->setFields(std::move(grid));
    stateLabel_->setText(QString("%1 × %1 grid in %2 s").arg(n).arg(elapsed / 1000.0, 0, 'f', 2));
}

QString MainWindow::hoverText() const
{
    return hoverLabel_->text();
}

void MainWindow::showHover(double x, double y, bool inside)
{
    const auto grid = view_->fields();
    if (!inside || !grid) {
        hoverLabel_->clear();
        return;
    }
    const GridSpec& s = grid->spec;
    const int i = std::clamp(static_cast<int>(std::lround((x - s.xmin) / (s.xmax - s.xmin) * (s.n - 1))), 0, s.n - 1);
    const int j = std::clamp(static_cast<int>(std::lround((y - s.ymin) / (s.ymax - s.ymin) * (s.n - 1))), 0, s.n - 1);
    const std::size_t k = grid->index(i, j);
    auto num = [](double v) { return QString::number(v, 'g', 4); };
    hoverLabel_->setText(QString("θ = (%1, %2)   L1 = %3   L2 = %4   R = (%5, %6)   P = %7   region: %8")
                             .arg(num(s.x(i)), num(s.y(j)), num(grid->l1[k]), num(grid->l2[k]), num(grid->rx[k]),
                                  num(grid->ry[k]), num(grid->p[k]), regionName(grid->region[k])));
}

}  // namespace cl::ui
