#include "ui/workspace/LinkedViews.h"

#include "ui/LandscapeView.h"

#include <QGridLayout>

namespace cl::ui {

namespace {

const char* objectNameOf(LandscapePanel panel)
{
    switch (panel) {
    case LandscapePanel::L1: return "l1View";
    case LandscapePanel::L2: return "l2View";
    case LandscapePanel::Bracket: return "bracketView";
    case LandscapePanel::PMap: return "pmapView";
    }
    return "view";
}

}  // namespace

LinkedViews::LinkedViews(QWidget* parent) : QWidget(parent), grid_layout_(new QGridLayout(this))
{
    setObjectName("linkedViews");
    grid_layout_->setContentsMargins(0, 0, 0, 0);
    grid_layout_->setSpacing(4);
    for (std::size_t k = 0; k < panels.size(); ++k) {
        auto* view = new LandscapeView;
        view->setObjectName(objectNameOf(panels[k]));
        view->setPanel(panels[k]);
        view->setMinimumSize(320, 240);
        views_[k] = view;
        grid_layout_->addWidget(view, int(k / 2), int(k % 2));
        connect(view, &LandscapeView::hovered, this, &LinkedViews::hovered);
        connect(view, &LandscapeView::clicked, this, &LinkedViews::clicked);
        connect(view, &LandscapeView::viewRectChanged, this,
                [this, view](double x0, double x1, double y0, double y1) { follow(view, x0, x1, y0, y1); });
    }
}

LandscapeView* LinkedViews::view(LandscapePanel panel) const
{
    for (std::size_t k = 0; k < panels.size(); ++k)
        if (panels[k] == panel) return views_[k];
    return nullptr;
}

void LinkedViews::setFields(std::shared_ptr<const FieldGrid> grid)
{
    grid_ = grid;
    for (LandscapeView* v : views_) v->setFields(grid);
}

void LinkedViews::setOptions(const LandscapeOptions& options)
{
    for (LandscapeView* v : views_) v->setOptions(options);
}

void LinkedViews::setOverlays(std::shared_ptr<const LandscapeOverlays> overlays)
{
    for (LandscapeView* v : views_) v->setOverlays(overlays);
}

void LinkedViews::setTargetLabel(const QString& label)
{
    for (LandscapeView* v : views_) v->setTargetLabel(label);
}

void LinkedViews::setViewRect(double xmin, double xmax, double ymin, double ymax)
{
    for (LandscapeView* v : views_) v->setViewRect(xmin, xmax, ymin, ymax);
}

void LinkedViews::follow(LandscapeView* source, double xmin, double xmax, double ymin, double ymax)
{
    for (LandscapeView* v : views_)
        if (v != source) v->setViewRect(xmin, xmax, ymin, ymax);
    emit viewRectChanged(xmin, xmax, ymin, ymax);
}

void LinkedViews::setSinglePanel(std::optional<LandscapePanel> panel)
{
    single_ = panel;
    for (std::size_t k = 0; k < panels.size(); ++k) {
        LandscapeView* v = views_[k];
        grid_layout_->removeWidget(v);
        if (panel && *panel != panels[k]) {
            v->hide();
            continue;
        }
        if (panel)
            grid_layout_->addWidget(v, 0, 0);
        else
            grid_layout_->addWidget(v, int(k / 2), int(k % 2));
        v->show();
    }
}

LandscapeView* LinkedViews::currentView() const
{
    return view(single_.value_or(LandscapePanel::Bracket));
}

}  // namespace cl::ui
