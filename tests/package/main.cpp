// Built against the *installed* cchc by CTest (test "package.find_package").
#include <cchc/cchc.hpp>

#include <iostream>

int main() {
  try {
    throw cchc::parse_error("expected a digit", {"", 0, 3, "", "amount"});
  } catch (const cchc::error& e) {
    std::cout << "cchc " << cchc::version_string << ": " << e.what() << '\n';
  }
  return 0;
}
