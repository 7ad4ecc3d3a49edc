// Hand-written argument parsing: `--name value`, `--name=value`, flags, `--` ends the options.
#include <algorithm>
#include <sstream>

#include "cli.hpp"

namespace cchc::cli {

bool arguments::has(std::string_view name) const { return options_.find(name) != options_.end(); }

std::optional<std::string> arguments::value(std::string_view name) const {
  auto it = options_.find(name);
  if (it == options_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> arguments::values(std::string_view name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return {};
  return it->second;
}

const std::vector<option_spec>& global_options() {
  static const std::vector<option_spec> specs = {
      {"format", "FORMAT", "output format: table (default), json, csv, markdown"},
      {"lang", "LANG", "language of labels and number style: vi (default) or en"},
      {"help", "", "show this help and exit"},
      {"version", "", "show the version and exit"},
  };
  return specs;
}

void apply_global_option(std::string_view name, const std::string& value, context& ctx) {
  if (name == "format") {
    if (value == "table") ctx.format = output_format::table;
    else if (value == "json") ctx.format = output_format::json;
    else if (value == "csv") ctx.format = output_format::csv;
    else if (value == "markdown" || value == "md") ctx.format = output_format::markdown;
    else
      throw usage_error("--format", "invalid value for --format: expected table, json, csv or markdown, found '" +
                                        value + "'");
  } else if (name == "lang") {
    if (value == "vi") ctx.lang = language::vi;
    else if (value == "en") ctx.lang = language::en;
    else throw usage_error("--lang", "invalid value for --lang: expected vi or en, found '" + value + "'");
  }
}

namespace {

const option_spec* find_spec(const std::vector<option_spec>& specs, std::string_view name) {
  auto it = std::find_if(specs.begin(), specs.end(), [&](const option_spec& s) { return s.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

// A negative number ("-3") is a positional argument (so that `due DATE -3` reports a bad N, not an
// unknown option).
bool looks_like_option(const std::string& a) {
  if (a.size() < 2 || a[0] != '-') return false;
  return !(a[1] >= '0' && a[1] <= '9');
}

}  // namespace

arguments parse_arguments(const command& cmd, const std::vector<std::string>& args, context& ctx) {
  arguments out;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || !looks_like_option(a)) {
      out.add_positional(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "-h") {
      out.add("help", "");
      continue;
    }
    if (a.rfind("--", 0) != 0)
      throw usage_error(a, "unknown option '" + a + "' (options are spelled --name)");
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.erase(eq);
    }
    const option_spec* spec = find_spec(cmd.options, name);
    const bool global = spec == nullptr && (spec = find_spec(global_options(), name)) != nullptr;
    if (spec == nullptr) throw usage_error("--" + name, "unknown option '--" + name + "' for '" +
                                                            std::string(cmd.name) + "'");
    std::string value;
    if (spec->value_name.empty()) {
      if (inline_value)
        throw usage_error("--" + name, "option '--" + name + "' takes no value, found '" + *inline_value + "'");
    } else if (inline_value) {
      value = *inline_value;
    } else {
      if (i + 1 >= args.size())
        throw usage_error("--" + name, "option '--" + name + "' needs a value (" +
                                           std::string(spec->value_name) + ")");
      value = args[++i];
    }
    if (!spec->repeatable && !spec->value_name.empty() && out.has(name) && out.value(name) != value)
      throw usage_error("--" + name, "option '--" + name + "' given twice with different values");
    if (global) apply_global_option(name, value, ctx);
    out.add(std::move(name), std::move(value));
  }
  if (out.has("help") || out.has("version")) return out;  // positional counts do not matter then
  const auto n = out.positionals().size();
  if (n < cmd.min_positionals) {
    std::string_view missing = n < cmd.positional_names.size() ? cmd.positional_names[n] : "argument";
    throw usage_error(std::string(missing), "missing argument " + std::string(missing));
  }
  if (n > cmd.max_positionals)
    throw usage_error(out.positionals()[cmd.max_positionals],
                      "unexpected argument '" + out.positionals()[cmd.max_positionals] + "'");
  return out;
}

namespace {
void append_options(std::ostringstream& out, const std::vector<option_spec>& specs) {
  std::size_t width = 0;
  for (const auto& s : specs) {
    std::size_t w = 2 + s.name.size() + (s.value_name.empty() ? 0 : 1 + s.value_name.size());
    width = std::max(width, w);
  }
  for (const auto& s : specs) {
    std::string left = "--" + std::string(s.name);
    if (!s.value_name.empty()) left += " " + std::string(s.value_name);
    out << "  " << left << std::string(width - left.size() + 2, ' ');
    // Continuation lines of the help align under the first.
    std::string_view help = s.help;
    for (std::size_t pos = 0;;) {
      auto nl = help.find('\n', pos);
      out << help.substr(pos, nl == std::string_view::npos ? nl : nl - pos) << '\n';
      if (nl == std::string_view::npos) break;
      out << std::string(width + 4, ' ');
      pos = nl + 1;
    }
  }
}
}  // namespace

std::string help_text(const command& cmd) {
  std::ostringstream out;
  out << "usage: " << cmd.usage << "\n\n" << cmd.summary << "\n";
  if (!cmd.description.empty()) out << "\n" << cmd.description;
  if (!cmd.description.empty() && cmd.description.back() != '\n') out << '\n';
  if (!cmd.options.empty()) {
    out << "\noptions:\n";
    append_options(out, cmd.options);
  }
  out << "\nglobal options:\n";
  append_options(out, global_options());
  if (!cmd.examples.empty()) {
    out << "\nexamples:\n" << cmd.examples;
    if (cmd.examples.back() != '\n') out << '\n';
  }
  return out.str();
}

}  // namespace cchc::cli
