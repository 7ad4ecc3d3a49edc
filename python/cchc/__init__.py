"""cchc — exact, calendar-correct computations for Vietnam's public-administration-reform reports.

The heavy lifting is done by the C++ library (module ``cchc._core``); this package re-exports it
with types (``py.typed``, ``_core.pyi``) and adds the pandas/Dask conveniences.

Conventions
-----------
* Money, rates and scores are :class:`decimal.Decimal`. Inputs accept ``Decimal``, ``int`` and
  ``str`` (``"1.340,5"`` with ``style="vi"``); ``float`` is a ``TypeError``, because binary floating
  point cannot represent most decimal amounts exactly.
* Dates are :class:`datetime.date`. What pandas and NumPy hold is accepted wherever a date is:
  ``pandas.Timestamp``, ``datetime64`` of any unit (``[ns]`` is pandas' default), arrays, ``Series``
  and ``DatetimeIndex`` (the operation is then vectorised and a Series keeps its index); NaT passes
  through as missing where that makes sense. Counts accept NumPy integers and nullable ``Int64``.
* Errors derive from :class:`cchc.Error` and from the built-in a caller expects: ``ValueError``
  (:class:`ParseError`, :class:`RangeError`, :class:`ArithmeticOverflowError`,
  :class:`ArgumentError`), ``KeyError`` (:class:`UnknownNameError`) or ``OSError``
  (:class:`FileError`).

Examples
--------
>>> import cchc
>>> cchc.Rate(13676, 14019).percent(scale=2)
Decimal('97.55')
"""

from __future__ import annotations

from . import _core

__version__: str = _core.__version__

from ._core import (  # noqa: E402
    Error,
    ParseError,
    RangeError,
    ArithmeticOverflowError,
    ArgumentError,
    UnknownNameError,
    FileError,
    Finding,
)

__all__ = [
    "__version__",
    "Error",
    "ParseError",
    "RangeError",
    "ArithmeticOverflowError",
    "ArgumentError",
    "UnknownNameError",
    "FileError",
    "Finding",
]

# Each area of the C++ library is bound when it was built (see _core._areas); the names of an area
# are exported together.
if "core" in _core._areas:
    from ._core import (  # noqa: E402
        PYTHON_ROUNDINGS,
        ROUNDINGS,
        Rate,
        divide,
        format_number,
        format_percent,
        parse_number,
        parse_percent,
        rescale,
    )

    __all__ += [
        "PYTHON_ROUNDINGS",
        "ROUNDINGS",
        "Rate",
        "divide",
        "format_number",
        "format_percent",
        "parse_number",
        "parse_percent",
        "rescale",
    ]

if "calendar" in _core._areas:
    from ._core import (  # noqa: E402
        DayInfo,
        LunarDate,
        Period,
        WorkCalendar,
        due,
        from_lunar,
        leap_month,
        load_calendar,
        lunar_new_year,
        to_lunar,
        vietnam_calendar,
    )

    __all__ += [
        "DayInfo",
        "LunarDate",
        "Period",
        "WorkCalendar",
        "due",
        "from_lunar",
        "leap_month",
        "load_calendar",
        "lunar_new_year",
        "to_lunar",
        "vietnam_calendar",
    ]

if "bulk" in _core._areas:
    from ._core import OUTCOMES, OutcomeCounts, classify_dossiers  # noqa: E402

    __all__ += ["OUTCOMES", "OutcomeCounts", "classify_dossiers"]

if "flow" in _core._areas:
    from ._core import DossierFlow  # noqa: E402

    __all__ += ["DossierFlow"]

if "flow" in _core._areas and "core" in _core._areas:
    from ._core import ON_TIME_CONVENTIONS, convention_source  # noqa: E402
    from ._flows import PRINTED_SHARES, FlowTableCheck, check_flows  # noqa: E402

    __all__ += ["ON_TIME_CONVENTIONS", "PRINTED_SHARES", "FlowTableCheck", "check_flows", "convention_source"]

if "flow" in _core._areas and "bulk" in _core._areas:
    from ._frames import dossier_flow  # noqa: E402
    from ._dossiers import DOSSIER_COLUMNS, OUTCOME_NAMES, classify, read_dossier_log  # noqa: E402

    __all__ += ["DOSSIER_COLUMNS", "OUTCOME_NAMES", "classify", "dossier_flow", "read_dossier_log"]

if "report" in _core._areas:
    from ._core import Indicators, Report, load_report, parse_report  # noqa: E402
    from ._frames import Findings, report_indicators as _report_indicators  # noqa: E402
    from ._frames import evaluate_indicators as _evaluate_indicators  # noqa: E402

    # Report.indicators() and Indicators.evaluate() return DataFrames: the rows come from C++, the
    # frame from pandas.
    Report.indicators = _report_indicators  # type: ignore[attr-defined]
    Indicators.evaluate = _evaluate_indicators  # type: ignore[attr-defined]

    __all__ += ["Findings", "Indicators", "Report", "load_report", "parse_report"]

if "scorecard" in _core._areas:
    from ._core import UNDEFINED, Expression, Scorecard, evaluate  # noqa: E402
    from . import _scorecard  # noqa: E402

    Scorecard.score = _scorecard.score  # type: ignore[attr-defined]
    Expression.evaluate_frame = _scorecard.evaluate_frame  # type: ignore[attr-defined]

    from ._scorecard import check_roll_up, read_figures, report_figures, roll_up  # noqa: E402

    Report.figures = report_figures  # type: ignore[attr-defined]

    __all__ += ["UNDEFINED", "Expression", "Scorecard", "check_roll_up", "evaluate", "read_figures", "report_figures",
                "roll_up"]

    # Units, ranking, bands, explanations and report sets (docs/scorecards.md, docs/python.md).
    from ._core import Bands, Units  # noqa: E402
    from ._scorecard import Explanation, ReportSet, load_reports, rank  # noqa: E402

    Scorecard.explain = _scorecard.explain  # type: ignore[attr-defined]
    Units.roll_up = _scorecard.units_roll_up  # type: ignore[attr-defined]
    Units.check_roll_up = _scorecard.units_check_roll_up  # type: ignore[attr-defined]
    Units.to_frame = _scorecard.units_frame  # type: ignore[attr-defined]

    __all__ += ["Bands", "Explanation", "ReportSet", "Units", "load_reports", "rank"]

if "procedures" in _core._areas:
    from ._core import OneStopRules, Procedure, Procedures  # noqa: E402

    __all__ += ["OneStopRules", "Procedure", "Procedures"]
