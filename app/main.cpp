// commutelab: with a subcommand it is the command line (no window, no display needed);
// without one it opens the GUI.

#include "cli/CommandRegistry.h"
#include "gui/GuiMain.h"

int main(int argc, char** argv)
{
    if (cl::cli::isCommandLineInvocation(argc, argv)) return cl::cli::runCommandLine(argc, argv);
    return cl::gui::runGui(argc, argv);
}
