// cchc — command-line front end of the cchc library. See docs/cli.md.
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "cchc/error.hpp"
#include "cchc/version.hpp"
#include "cli.hpp"
#include "commands.hpp"

namespace cchc::cli {

const std::vector<const command*>& all_commands() {
  static const std::vector<const command*> commands = registered_commands();
  return commands;
}

const command* find_command(std::string_view name) {
  for (const command* c : all_commands())
    if (c->name == name) return c;
  return nullptr;
}

namespace {

std::string general_help() {
  std::ostringstream out;
  out << "usage: cchc [global options] COMMAND [arguments] [options]\n"
         "       cchc help [COMMAND]      cchc COMMAND --help      cchc --version\n\n"
         "Exact, calendar-correct computations for Vietnam's public-administration-reform (CCHC)\n"
         "reports: report checks, indicators, the one-stop-shop flow table, working days, due dates.\n\n"
         "commands:\n";
  std::size_t width = 0;
  for (const command* c : all_commands()) width = std::max(width, c->name.size());
  for (const command* c : all_commands())
    out << "  " << c->name << std::string(width - c->name.size() + 3, ' ') << c->summary << '\n';
  out << "  help" << std::string(width > 4 ? width - 4 + 3 : 3, ' ') << "show the help of a command\n";
  out << "\nglobal options (before or after the command):\n"
         "  --format FORMAT   table (default), json, csv, markdown\n"
         "  --lang LANG       vi (default): Vietnamese labels and numbers (14.083; 99,15%; 30/04/2024)\n"
         "                    en: English labels and numbers (14,083; 99.15%; 2024-04-30)\n"
         "                    json and csv always use English keys, plain numbers and ISO dates\n"
         "  --help, -h        show help\n"
         "  --version         show the version\n"
         "\nexit codes:\n"
         "  0  success (check: no finding of error severity)\n"
         "  1  check: findings of error severity\n"
         "  2  bad arguments, or unreadable / invalid input (the message names the file and where)\n"
         "  3  internal error: a bug in cchc, never the fault of the input (please report it)\n"
         "  see docs/errors.md for every error and what to do about it\n";
  return out.str();
}

void print_usage_error(const command* cmd, const usage_error& e) {
  const std::string who = cmd ? "cchc " + std::string(cmd->name) : std::string("cchc");
  std::cerr << who << ": " << e.what() << '\n';
  if (cmd) {
    std::cerr << "usage: " << cmd->usage << '\n'
              << "Try 'cchc " << cmd->name << " --help' for more information.\n";
  } else {
    std::cerr << "usage: cchc [global options] COMMAND [arguments] [options]\n"
                 "Try 'cchc help' for the list of commands.\n";
  }
}

bool is_option(const std::string& a) { return a.size() >= 2 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9'); }

int run(const std::vector<std::string>& args) {
  context ctx;
  ctx.stderr_is_terminal = ::isatty(STDERR_FILENO) == 1;
  const command* cmd = nullptr;
  try {
    // Global options may come before the command.
    std::size_t i = 0;
    std::vector<std::string> early;  // global options before the command, re-applied to the command
    for (; i < args.size() && is_option(args[i]); ++i) {
      const std::string& a = args[i];
      if (a == "--help" || a == "-h") {
        std::cout << general_help();
        return exit_ok;
      }
      if (a == "--version") {
        std::cout << "cchc " << cchc::version_string << '\n';
        return exit_ok;
      }
      std::string name = a.rfind("--", 0) == 0 ? a.substr(2) : a;
      std::string value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.erase(eq);
      } else if (name == "format" || name == "lang") {
        if (i + 1 >= args.size()) throw usage_error(a, "option '" + a + "' needs a value");
        value = args[++i];
      }
      if (name != "format" && name != "lang")
        throw usage_error(a, "unknown global option '" + a + "' (command options go after the command)");
      apply_global_option(name, value, ctx);
    }
    if (i == args.size()) {
      std::cerr << general_help();
      return exit_usage;
    }
    const std::string& name = args[i];
    std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
    if (name == "help") {
      if (rest.empty()) {
        std::cout << general_help();
        return exit_ok;
      }
      const command* target = find_command(rest[0]);
      if (!target) throw usage_error(rest[0], "unknown command '" + rest[0] + "'");
      std::cout << help_text(*target);
      return exit_ok;
    }
    cmd = find_command(name);
    if (!cmd) throw usage_error(name, "unknown command '" + name + "'");
    ctx.cmd = cmd;
    const arguments parsed = parse_arguments(*cmd, rest, ctx);
    if (parsed.has("help")) {
      std::cout << help_text(*cmd);
      return exit_ok;
    }
    if (parsed.has("version")) {
      std::cout << "cchc " << cchc::version_string << '\n';
      return exit_ok;
    }
    return cmd->run(ctx, parsed);
  } catch (const usage_error& e) {
    print_usage_error(cmd, e);
    return exit_usage;
  } catch (const cchc::error& e) {
    // The library's message already names the file / line / column / JSON path.
    std::cerr << (cmd ? "cchc " + std::string(cmd->name) : std::string("cchc")) << ": error: " << e.what() << '\n';
    return exit_usage;
  } catch (const std::bad_alloc&) {
    // Not a bug of ours but a resource limit met by this input on this machine: the same class as
    // an unreadable file (exit 2), so that exit 3 stays reserved for defects.
    std::cerr << "cchc: error: out of memory while processing the input (is it unusually large?)\n";
    return exit_usage;
  } catch (const std::exception& e) {
    // Every exception the library lets through is a cchc::error (docs/errors.md); anything else
    // reaching here is a defect in cchc, not bad input. The CLI's own code throws none (its JSON
    // output replaces invalid UTF-8 instead of throwing), and tests/cli/errors_test.sh feeds the
    // known hostile inputs to every command to check that no input produces this exit code.
    std::cerr << "cchc: internal error: " << e.what() << " (please report this)\n";
    return exit_internal;
  }
}

}  // namespace
}  // namespace cchc::cli

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const int code = cchc::cli::run(args);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "cchc: error writing the output\n";
    return cchc::cli::exit_usage;
  }
  return code;
}
