#pragma once
// A spin box with its objectName (tests find widgets by name) and range set in one call.

#include <QSpinBox>

namespace cl::ui::schedule {

inline QSpinBox* namedSpinBox(const char* name, int lo, int hi, int value)
{
    auto* s = new QSpinBox;
    s->setObjectName(name);
    s->setRange(lo, hi);
    s->setValue(value);
    return s;
}

}  // namespace cl::ui::schedule
