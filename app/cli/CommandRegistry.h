#pragma once
// The command line's one table: every subcommand declares its options here, and parsing,
// validation and --help are all driven from these declarations.

#include <functional>
#include <iosfwd>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cl::cli {

struct OptionSpec {
    std::string name;       // without the leading "--"
    std::string valueName;  // empty for a flag such as --json
    std::string help;
    std::string defaultValue;  // shown in --help; empty means "no default"
    bool required = false;
    bool repeatable = false;  // may be given several times (ParsedArgs::all)
};

class ParsedArgs {
public:
    bool has(const std::string& name) const;
    /// The value given or the declared default; throws UsageError if neither exists.
    std::string text(const std::string& name) const;
    double number(const std::string& name) const;
    int integer(const std::string& name) const;
    std::vector<double> numberList(const std::string& name, std::size_t expectedCount = 0) const;
    /// Every value of a repeatable option, in command-line order (empty when not given).
    std::vector<std::string> all(const std::string& name) const;
    std::vector<std::string> positional;

    std::map<std::string, std::string> values;
    std::map<std::string, std::vector<std::string>> lists;
    std::map<std::string, std::string> defaults;
};

struct CommandSpec {
    std::string name;
    std::string summary;
    std::vector<OptionSpec> options;
    std::string positionalName;  // e.g. "FILE"; "PATH..." takes one or more; empty when none
    std::function<int(const ParsedArgs&, std::ostream& out, std::ostream& err)> run;
};

/// A bad command line: printed as "commutelab <cmd>: <message>" with exit code 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class CommandRegistry {
public:
    static CommandRegistry& instance();
    void add(CommandSpec spec);
    const CommandSpec* find(const std::string& name) const;
    const std::vector<CommandSpec>& commands() const { return commands_; }

private:
    std::vector<CommandSpec> commands_;
};

/// Put one of these at namespace scope in each command's file.
struct CommandRegistration {
    explicit CommandRegistration(CommandSpec spec) { CommandRegistry::instance().add(std::move(spec)); }
};

/// Parses argv[first..] against spec; throws UsageError naming the bad option.
ParsedArgs parseArguments(const CommandSpec& spec, int argc, char** argv, int first);

void printCommandHelp(const CommandSpec& spec, std::ostream& out);
void printGeneralHelp(std::ostream& out);

/// Runs argv[1] as a subcommand; returns the process exit code.
int runCommandLine(int argc, char** argv);

/// True when argv names a subcommand or --help/--version (the binary then never opens a window).
bool isCommandLineInvocation(int argc, char** argv);

}  // namespace cl::cli
