#include "cli/CommandRegistry.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>

namespace cl::cli {

CommandRegistry& CommandRegistry::instance()
{
    static CommandRegistry registry;
    return registry;
}

void CommandRegistry::add(CommandSpec spec)
{
    commands_.push_back(std::move(spec));
    std::sort(commands_.begin(), commands_.end(),
              [](const CommandSpec& a, const CommandSpec& b) { return a.name < b.name; });
}

const CommandSpec* CommandRegistry::find(const std::string& name) const
{
    for (const auto& c : commands_)
        if (c.name == name) return &c;
    return nullptr;
}

bool ParsedArgs::has(const std::string& name) const { return values.count(name) > 0; }

std::string ParsedArgs::text(const std::string& name) const
{
    if (auto it = values.find(name); it != values.end()) return it->second;
    if (auto it = defaults.find(name); it != defaults.end() && !it->second.empty()) return it->second;
    throw UsageError("missing --" + name);
}

namespace {

double parseNumber(const std::string& option, const std::string& text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec == std::errc::result_out_of_range)
        throw UsageError("--" + option + ": '" + text + "' is out of range of a double");
    if (ec != std::errc() || ptr != end || text.empty())
        throw UsageError("--" + option + ": '" + text + "' is not a number");
    // from_chars reads "inf" and "nan"; no option of any command means them.
    if (!std::isfinite(value)) throw UsageError("--" + option + ": '" + text + "' is not a finite number");
    return value;
}

}  // namespace

std::vector<std::string> ParsedArgs::all(const std::string& name) const
{
    const auto it = lists.find(name);
    return it == lists.end() ? std::vector<std::string>() : it->second;
}

double ParsedArgs::number(const std::string& name) const { return parseNumber(name, text(name)); }

int ParsedArgs::integer(const std::string& name) const
{
    const std::string t = text(name);
    int value = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec == std::errc::result_out_of_range && ptr == t.data() + t.size())
        throw UsageError("--" + name + ": '" + t + "' is out of range (at most " +
                         std::to_string(std::numeric_limits<int>::max()) + ")");
    if (ec != std::errc() || ptr != t.data() + t.size() || t.empty())
        throw UsageError("--" + name + ": '" + t + "' is not a whole number");
    return value;
}

std::vector<double> ParsedArgs::numberList(const std::string& name, std::size_t expectedCount) const
{
    const std::string t = text(name);
    std::vector<double> values;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = t.find(',', start);
        const std::string item = t.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        values.push_back(parseNumber(name, item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (expectedCount != 0 && values.size() != expectedCount)
        throw UsageError("--" + name + ": expected " + std::to_string(expectedCount) +
                         " comma-separated numbers, got " + std::to_string(values.size()));
    return values;
}

ParsedArgs parseArguments(const CommandSpec& spec, int argc, char** argv, int first)
{
    ParsedArgs args;
    for (const auto& o : spec.options) args.defaults[o.name] = o.defaultValue;
    for (int k = first; k < argc; ++k) {
        const std::string word = argv[k];
        if (word.rfind("--", 0) != 0) {
            if (spec.positionalName.empty()) throw UsageError("unexpected argument '" + word + "'");
            args.positional.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        std::string value;
        bool hasInlineValue = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasInlineValue = true;
        }
        auto option = std::find_if(spec.options.begin(), spec.options.end(),
                                   [&](const OptionSpec& o) { return o.name == name; });
        if (option == spec.options.end()) throw UsageError("unknown option --" + name + " (see --help)");
        if (option->valueName.empty()) {
            if (hasInlineValue) throw UsageError("--" + name + " takes no value");
            args.values[name] = "1";
            continue;
        }
        if (!hasInlineValue) {
            if (k + 1 >= argc) throw UsageError("--" + name + " needs a value " + option->valueName);
            value = argv[++k];
        }
        if (option->repeatable) args.lists[name].push_back(value);
        args.values[name] = value;
    }
    for (const auto& o : spec.options)
        if (o.required && !args.has(o.name)) throw UsageError("missing required option --" + o.name);
    const bool several =
        spec.positionalName.size() > 3 && spec.positionalName.compare(spec.positionalName.size() - 3, 3, "...") == 0;
    if (!spec.positionalName.empty() && (several ? args.positional.empty() : args.positional.size() != 1))
        throw UsageError("expected " + std::string(several ? "at least " : "") + "one " + spec.positionalName);
    return args;
}

void printCommandHelp(const CommandSpec& spec, std::ostream& out)
{
    out << "usage: commutelab " << spec.name;
    if (!spec.positionalName.empty()) out << ' ' << spec.positionalName;
    for (const auto& o : spec.options) {
        std::string item = "--" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        out << ' ' << (o.required ? item : "[" + item + "]") << (o.repeatable ? "..." : "");
    }
    out << "\n\n" << spec.summary << "\n\noptions:\n";
    for (const auto& o : spec.options) {
        std::string left = "  --" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
        if (left.size() < 30) left.resize(30, ' ');
        else left += "\n" + std::string(30, ' ');
        out << left << o.help;
        if (!o.defaultValue.empty()) out << " (default: " << o.defaultValue << ")";
        out << '\n';
    }
}

void printGeneralHelp(std::ostream& out)
{
    out << "CommuteLab " << COMMUTELAB_VERSION
        << ": see where the order of training on several domains matters (Lie brackets of gradient fields).\n\n"
           "usage: commutelab                 open the GUI\n"
           "       commutelab COMMAND [OPTIONS]\n"
           "       commutelab COMMAND --help  options of one command\n"
           "       commutelab --version\n\ncommands:\n";
    for (const auto& c : CommandRegistry::instance().commands()) {
        std::string left = "  " + c.name;
        left.resize(std::max<std::size_t>(left.size() + 2, 14), ' ');
        out << left << c.summary << '\n';
    }
    out << '\n';
    for (const auto& c : CommandRegistry::instance().commands()) {
        printCommandHelp(c, out);
        out << '\n';
    }
}

bool isCommandLineInvocation(int argc, char** argv)
{
    if (argc < 2) return false;
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "--version" || first == "help") return true;
    if (CommandRegistry::instance().find(first)) return true;
    // A bare word that is neither a command nor an existing file is a mistyped command.
    if (first.rfind('-', 0) != 0) return !std::ifstream(first).good();
    return false;
}

int runCommandLine(int argc, char** argv)
{
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        printGeneralHelp(std::cout);
        return 0;
    }
    if (first == "--version") {
        std::cout << "commutelab " << COMMUTELAB_VERSION << '\n';
        return 0;
    }
    const CommandSpec* spec = CommandRegistry::instance().find(first);
    if (!spec) {
        std::cerr << "commutelab: unknown command '" << first << "' (commutelab --help lists them)\n";
        return 2;
    }
    for (int k = 2; k < argc; ++k)
        if (std::strcmp(argv[k], "--help") == 0 || std::strcmp(argv[k], "-h") == 0) {
            printCommandHelp(*spec, std::cout);
            return 0;
        }
    try {
        const ParsedArgs args = parseArguments(*spec, argc, argv, 2);
        return spec->run(args, std::cout, std::cerr);
    } catch (const UsageError& e) {
        std::cerr << "commutelab " << spec->name << ": " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "commutelab " << spec->name << ": error: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace cl::cli
