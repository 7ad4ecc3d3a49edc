// cchc/detail/export.hpp — which symbols the cchc library exports (CCHC_EXPORT).
//
// cchc is compiled with hidden symbol visibility (-fvisibility=hidden -fvisibility-inlines-hidden),
// so a shared libcchc exports exactly its public API: the classes and free functions of
// include/cchc/*.hpp, each marked CCHC_EXPORT, and nothing of src/ (the internal text/IO layer,
// Boost, nlohmann_json, utf8proc stay private). As in fmt:
//   * CCHC_EXPORTS is defined while building a shared cchc (CMake does it);
//   * CCHC_SHARED is defined for code that uses a shared cchc (CMake's cchc::cchc target and the
//     pkg-config file carry it; define it yourself otherwise, which only matters on Windows);
//   * with neither (the static library), CCHC_EXPORT is empty.
// Exception classes are exported too, so that their type information is shared and a
// `catch (const cchc::parse_error&)` in the application catches what the library throws.
#pragma once

#if defined(CCHC_EXPORTS) || defined(CCHC_SHARED)
#  if defined(_WIN32) || defined(__CYGWIN__)
#    if defined(CCHC_EXPORTS)
#      define CCHC_EXPORT __declspec(dllexport)
#    else
#      define CCHC_EXPORT __declspec(dllimport)
#    endif
#  elif defined(__GNUC__) || defined(__clang__)
#    define CCHC_EXPORT __attribute__((visibility("default")))
#  endif
#endif
#ifndef CCHC_EXPORT
#  define CCHC_EXPORT
#endif
