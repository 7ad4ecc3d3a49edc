// cchc/cchc.hpp — the whole library in one include. Prefer the per-concept headers in your own code.
// Layers, bottom to top (docs/architecture.md); a test checks that every public header is listed here.
#pragma once

// core
#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/version.hpp"
#include "cchc/rounding.hpp"
#include "cchc/number_format.hpp"
#include "cchc/decimal.hpp"
#include "cchc/rate.hpp"
#include "cchc/civil_time.hpp"

// figures and expressions
#include "cchc/figures.hpp"
#include "cchc/expression.hpp"
#include "cchc/figures_table.hpp"
#include "cchc/units.hpp"
#include "cchc/roll_up.hpp"

// calendar
#include "cchc/lunar.hpp"
#include "cchc/calendar.hpp"
#include "cchc/schedule_file.hpp"
#include "cchc/vietnam_calendar.hpp"
#include "cchc/period.hpp"

// deadline
#include "cchc/deadline.hpp"
#include "cchc/procedure_catalogue.hpp"
#include "cchc/one_stop_rules.hpp"

// dossier
#include "cchc/flow.hpp"
#include "cchc/dossier.hpp"
#include "cchc/dossier_log.hpp"
#include "cchc/bulk.hpp"
#include "cchc/dossier_batch.hpp"
#include "cchc/flow_figures.hpp"

// report, validation, indicators
#include "cchc/document_ref.hpp"
#include "cchc/report.hpp"
#include "cchc/report_figures.hpp"
#include "cchc/validate.hpp"
#include "cchc/flow_table_check.hpp"
#include "cchc/indicator.hpp"
#include "cchc/indicator_catalogue.hpp"

// scorecards
#include "cchc/scorecard.hpp"
#include "cchc/scorecard_file.hpp"
#include "cchc/ranking.hpp"
