// Replays fuzz inputs without libFuzzer: `cchc_<target>_replay [--known-open LIST] PATH...` runs the
// target's LLVMFuzzerTestOneInput once on every file (a directory: every file in it, recursively,
// sorted; README* files are skipped). This is how CTest reruns the seed corpora and the saved crash
// inputs (fuzz/regressions/<target>/) with every compiler and sanitizer of the test suite.
//
// An exception that escapes the target (the target itself catches cchc::error) is reported with the
// file and the run goes on, so one test lists every failing input; a crash, a sanitizer report or a
// broken invariant (abort) ends the process, and the "replay: <file>" line printed before each input
// names the culprit.
//
// LIST (fuzz/regressions/KNOWN_OPEN) names regression inputs of findings not fixed yet. They run
// like any other input — a known bug fails the test — unless CCHC_FUZZ_KNOWN_OPEN=skip is set in
// the environment, which exists only to get a green run for timing while the fixes are pending.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <typeinfo>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const fs::path& p) {
  std::vector<fs::path> out;
  if (fs::is_directory(p)) {
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file() && e.path().filename().string().rfind("README", 0) != 0)
        out.push_back(e.path());
    std::sort(out.begin(), out.end());
  } else {
    out.push_back(p);
  }
  return out;
}

// Lines of LIST: paths relative to the list's directory; '#' starts a comment.
std::set<std::string> known_open(const fs::path& list) {
  std::set<std::string> out;
  std::ifstream in(list);
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out.insert(fs::weakly_canonical(list.parent_path() / line).string());
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::set<std::string> open;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--known-open") == 0 && i + 1 < argc) {
      open = known_open(argv[++i]);
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  const char* skip_env = std::getenv("CCHC_FUZZ_KNOWN_OPEN");
  const bool skip_open = skip_env != nullptr && std::string(skip_env) == "skip";
  std::size_t ran = 0, skipped = 0, failed = 0;
  for (const auto& p : paths) {
    if (!fs::exists(p)) {
      std::cerr << "replay: no such input " << p << '\n';
      return 2;
    }
    for (const auto& file : inputs_of(p)) {
      if (skip_open && open.count(fs::weakly_canonical(file).string()) != 0) {
        std::cerr << "replay: " << file.string() << ": SKIPPED (known open finding, CCHC_FUZZ_KNOWN_OPEN=skip)\n";
        ++skipped;
        continue;
      }
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::cerr << "replay: " << file.string() << " (" << bytes.size() << " bytes)\n" << std::flush;
      try {
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      } catch (const std::exception& e) {
        std::cerr << "replay: " << file.string() << ": FAILED: exception " << typeid(e).name()
                  << " escaped: " << e.what() << '\n';
        ++failed;
      } catch (...) {
        std::cerr << "replay: " << file.string() << ": FAILED: a non-std exception escaped\n";
        ++failed;
      }
      ++ran;
    }
  }
  std::cerr << "replay: " << ran << " inputs run, " << failed << " failed, " << skipped << " skipped\n";
  if (ran == 0 && skipped == 0) {
    std::cerr << "replay: no inputs\n";
    return 2;
  }
  return failed == 0 ? 0 : 1;
}
