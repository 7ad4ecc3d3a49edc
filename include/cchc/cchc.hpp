// cchc/cchc.hpp — the whole library in one include. Prefer the per-concept headers in your own code.
#pragma once

#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/version.hpp"
