// The umbrella header compiles on its own and lists every public header.
#include "cchc/cchc.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <string>

TEST_CASE("cchc: the umbrella header includes every public header") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(CCHC_SOURCE_DIR) / "include" / "cchc";
  std::ifstream in(dir / "cchc.hpp");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  int headers = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".hpp" || name == "cchc.hpp") continue;
    ++headers;
    INFO("header: " << name);
    CHECK(text.str().find("#include \"cchc/" + name + "\"") != std::string::npos);
  }
  CHECK(headers > 10);
}

TEST_CASE("cchc: the version string is major.minor.patch") {
  const std::string v = cchc::version_string;
  CHECK(std::count(v.begin(), v.end(), '.') == 2);
}
