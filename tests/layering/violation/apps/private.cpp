// The CLI may not include a private header.
#include "internal/utf8.hpp"
