// A core file that includes the report layer: the layering check must reject it.
#include "cchc/report.hpp"
