#pragma once
// Built-in pairs of 2-D losses: what the landscape window and `commutelab render --preset` open.

#include "core/FieldGrid.h"

#include <string>
#include <vector>

namespace cl {

struct LandscapePreset {
    std::string name;         // identifier used on the command line, e.g. "figure1"
    std::string title;        // shown in menus
    std::string description;  // one sentence: why this pair is interesting
    std::string l1, l2;       // expressions in x and y
    GridSpec grid;            // rectangle and default resolution
};

/// Every built-in preset, the default (the Figure-1 pair) first.
const std::vector<LandscapePreset>& landscapePresets();

/// The preset with this name; throws std::invalid_argument listing the known names otherwise.
const LandscapePreset& findLandscapePreset(const std::string& name);

}  // namespace cl
