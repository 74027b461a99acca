#pragma once

namespace cl::gui {

/// Creates the QApplication and the main window and runs the event loop.
int runGui(int argc, char** argv);

}  // namespace cl::gui
