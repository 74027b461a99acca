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

LinkedViews::LinkedViews(QWidget* parent) : QWidget(parent), layout_(new QGridLayout(this))
{
    setObjectName("linkedViews");
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(4);
    for (std::size_t k = 0; k < panels.size(); ++k) {
        auto* view = new LandscapeView;
        view->setObjectName(objectNameOf(panels[k]));
        view->setPanel(panels[k]);
        view->setTitle(QString());  // each panel's own title ("(a) L1", …)
        view->setMinimumSize(320, 240);
        views_[k] = view;
        layout_->addWidget(view, int(k / 2), int(k % 2));
        connect(view, &LandscapeView::hovered, this, &LinkedViews::showCursor);
        connect(view, &LandscapeView::clicked, this, &LinkedViews::clicked);
        connect(view, &LandscapeView::viewRectChanged, this,
                [this, view](double x0, double x1, double y0, double y1) { follow(view, x0, x1, y0, y1); });
    }
}

void LinkedViews::showCursor(double x, double y, bool inside)
{
    // Every view marks the hovered point, so a feature in one panel can be found in the others.
    const auto point = inside ? std::optional(QPointF(x, y)) : std::nullopt;
    forVisible([&](LandscapeView* v) { v->setLinkedCursor(point); });
    emit hovered(x, y, inside);
}

LandscapeView* LinkedViews::view(LandscapePanel panel) const
{
    for (std::size_t k = 0; k < panels.size(); ++k)
        if (panels[k] == panel) return views_[k];
    return nullptr;
}

void LinkedViews::forVisible(const std::function<void(LandscapeView*)>& apply)
{
    for (std::size_t k = 0; k < views_.size(); ++k) {
        if (single_ && *single_ != panels[k]) {
            stale_[k] = true;
            continue;
        }
        apply(views_[k]);
    }
}

void LinkedViews::catchUp(std::size_t k)
{
    if (!stale_[k]) return;
    stale_[k] = false;
    LandscapeView* v = views_[k];
    v->setOptions(options_);
    v->setTargetLabel(targetLabel_);
    v->setOverlays(overlays_);
    if (rect_) v->setViewRect((*rect_)[0], (*rect_)[1], (*rect_)[2], (*rect_)[3]);
    v->setFields(grid_);
}

void LinkedViews::setFields(std::shared_ptr<const FieldGrid> grid)
{
    grid_ = grid;
    forVisible([&](LandscapeView* v) { v->setFields(grid); });
}

void LinkedViews::setOptions(const LandscapeOptions& options)
{
    options_ = options;
    forVisible([&](LandscapeView* v) { v->setOptions(options); });
}

void LinkedViews::setOverlays(std::shared_ptr<const LandscapeOverlays> overlays)
{
    overlays_ = overlays;
    forVisible([&](LandscapeView* v) { v->setOverlays(overlays); });
}

void LinkedViews::setTargetLabel(const QString& label)
{
    targetLabel_ = label;
    forVisible([&](LandscapeView* v) { v->setTargetLabel(label); });
}

void LinkedViews::setViewRect(double xmin, double xmax, double ymin, double ymax)
{
    rect_ = std::array<double, 4>{xmin, xmax, ymin, ymax};
    forVisible([&](LandscapeView* v) { v->setViewRect(xmin, xmax, ymin, ymax); });
}

void LinkedViews::follow(LandscapeView* source, double xmin, double xmax, double ymin, double ymax)
{
    rect_ = std::array<double, 4>{xmin, xmax, ymin, ymax};
    forVisible([&](LandscapeView* v) {
        if (v != source) v->setViewRect(xmin, xmax, ymin, ymax);
    });
    emit viewRectChanged(xmin, xmax, ymin, ymax);
}

void LinkedViews::setSinglePanel(std::optional<LandscapePanel> panel)
{
    single_ = panel;
    for (std::size_t k = 0; k < panels.size(); ++k) {
        LandscapeView* v = views_[k];
        layout_->removeWidget(v);
        if (panel && *panel != panels[k]) {
            v->hide();
            continue;
        }
        if (panel)
            layout_->addWidget(v, 0, 0);
        else
            layout_->addWidget(v, int(k / 2), int(k % 2));
        catchUp(k);
        v->show();
    }
}

LandscapeView* LinkedViews::currentView() const
{
    return view(single_.value_or(LandscapePanel::Bracket));
}

}  // namespace cl::ui
