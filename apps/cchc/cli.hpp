// cli.hpp — the framework of the cchc command-line tool: commands, options, parsing, exit codes.
//
// Arguments are parsed by hand (no dependency): every command declares its options; global options
// (--format, --lang, --help, --version) are accepted before or after the command name. A bad argument
// throws usage_error, which main() turns into a message naming the argument, the command's usage line
// and exit code 2. Library errors (cchc::error) also exit 2: they mean the *input* is unreadable or
// invalid, and their message names the file, line/column or JSON path.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::cli {

/// Exit codes, the same for every command (documented in docs/cli.md).
enum exit_code : int {
  exit_ok = 0,          ///< success; `check`: no finding of error severity
  exit_findings = 1,    ///< `check`: at least one finding of error severity
  exit_usage = 2,       ///< bad arguments, or unreadable / invalid input (file, JSON, CSV, date)
  exit_internal = 3,    ///< a bug: an exception that is not a cchc::error; no input may cause it
};

enum class output_format { table, json, csv, markdown };
enum class language { vi, en };

/// A bad command line. `argument` names the offending argument ("--format", "N", "DATE").
class usage_error : public std::runtime_error {
 public:
  usage_error(std::string argument, const std::string& message)
      : std::runtime_error(message), argument_(std::move(argument)) {}
  [[nodiscard]] const std::string& argument() const noexcept { return argument_; }

 private:
  std::string argument_;
};

struct option_spec {
  std::string_view name;         ///< long name without dashes: "period"
  std::string_view value_name;   ///< "" for a flag, else what the value is: "FROM..TO"
  std::string_view help;         ///< one line (may contain '\n' for continuation lines)
  bool repeatable = false;       ///< may be given several times (values accumulate)
};

/// The parsed command line of one command.
class arguments {
 public:
  [[nodiscard]] bool has(std::string_view name) const;
  /// The last value of an option, if given.
  [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
  /// All values of a repeatable option, in order.
  [[nodiscard]] std::vector<std::string> values(std::string_view name) const;
  [[nodiscard]] const std::vector<std::string>& positionals() const noexcept { return positionals_; }

  void add(std::string name, std::string value) { options_[std::move(name)].push_back(std::move(value)); }
  void add_positional(std::string value) { positionals_.push_back(std::move(value)); }

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> options_;
  std::vector<std::string> positionals_;
};

struct context;

struct command {
  std::string_view name;
  std::string_view summary;          ///< one line, for `cchc help`
  std::string_view usage;            ///< "cchc due DATE N [options]"
  std::string_view description;      ///< paragraphs: arguments, behaviour, exit codes
  std::vector<option_spec> options;  ///< command-specific options
  std::string_view examples;         ///< example command lines, one per line
  std::size_t min_positionals = 0;
  std::size_t max_positionals = 0;
  std::vector<std::string_view> positional_names;  ///< for messages: {"DATE", "N"}
  int (*run)(const context&, const arguments&) = nullptr;
};

/// What every command gets besides its arguments.
struct context {
  output_format format = output_format::table;
  language lang = language::vi;
  const command* cmd = nullptr;
  bool stderr_is_terminal = false;
  /// Picks the Vietnamese or English text.
  [[nodiscard]] const char* tr(const char* vi, const char* en) const noexcept {
    return lang == language::vi ? vi : en;
  }
  [[nodiscard]] std::string tr(const std::string& vi, const std::string& en) const {
    return lang == language::vi ? vi : en;
  }
};

/// The global options, valid with every command.
[[nodiscard]] const std::vector<option_spec>& global_options();

/// Parses argv (without the program name and the command name) for `cmd`. Global options found here
/// are applied to `ctx`. Throws usage_error.
[[nodiscard]] arguments parse_arguments(const command& cmd, const std::vector<std::string>& args,
                                        context& ctx);

/// Applies one global option (name without dashes) to ctx; throws usage_error on a bad value.
void apply_global_option(std::string_view name, const std::string& value, context& ctx);

/// The full help text of a command (usage, description, options, global options, examples).
[[nodiscard]] std::string help_text(const command& cmd);

// The commands. Each lives in its own cmd_<name>.cpp.
[[nodiscard]] const std::vector<const command*>& all_commands();
[[nodiscard]] const command* find_command(std::string_view name);

}  // namespace cchc::cli
