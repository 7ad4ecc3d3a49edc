"""Dossier logs for analysts: the full Decision-766 rule on pandas DataFrames.

``read_dossier_log`` reads a one-stop-shop log (the CSV layout of docs/dossiers.md §3, Vietnamese
headers and values accepted) into a typed DataFrame; ``classify`` gives each dossier's outcome code
at the end of a period; ``dossier_flow`` gives the Biểu 06 table grouped by any keys. All three run
the same C++ kernel as ``cchc dossiers`` (dossier/outcome_kernel.hpp), so the numbers are the CLI's.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterable, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core

#: Outcome codes (stable): 0 early … 6 withdrawn.
OUTCOME_NAMES = ("early", "on_time", "late", "pending_in_time", "pending_overdue", "returned", "withdrawn")
_UNITS = ("working_days", "calendar_days", "working_hours", "half_days", "same_day")
_CHANNELS = ("online", "in_person", "post")
_END_KINDS = ("resolved", "returned", "withdrawn", "suspended")
_NO_TIME = np.iinfo(np.int64).min
_NO_AMOUNT = np.iinfo(np.int32).min
_NOT_COUNTED = 255
_NO_END = 255

#: The canonical columns of a dossier DataFrame (what read_dossier_log returns).
DOSSIER_COLUMNS = ("id", "unit", "level", "procedure", "field", "channel", "received_at", "processing_time",
                   "processing_unit", "promised_at", "promised_has_time", "receipt_cutoff", "paused_from",
                   "paused_to", "supplement_requests", "end_kind", "resolved_at", "apology")


def _minutes_to_datetime64(a: np.ndarray):
    return a.astype(np.int64).view("datetime64[m]").astype("datetime64[ns]")


def read_dossier_log(path, skip_bad_rows: bool = False, separator: Optional[str] = None):
    """Reads a dossier log CSV into a DataFrame with the canonical columns.

    Parameters
    ----------
    path : str or os.PathLike
        The CSV file (UTF-8; comma, semicolon or tab separated, detected from the header).
    skip_bad_rows : bool
        False (default): the first bad row raises :class:`cchc.ParseError` naming the file, line,
        column and dossier id. True: bad rows are skipped and returned as a second DataFrame
        (columns file, line, column, field, id, message).
    separator : str, optional
        ``","``, ``";"`` or ``"\\t"``; default: detected.

    Returns
    -------
    pandas.DataFrame, or (DataFrame, DataFrame) with ``skip_bad_rows``
        Columns :data:`DOSSIER_COLUMNS`: ``id`` as ``object`` (str); the repeated text columns
        (``unit``, ``level``, ``procedure``, ``field``, ``channel``, ``processing_unit``,
        ``end_kind``) as ``category`` (categories sorted; an empty cell is the category ``""``,
        a dossier not ended has ``end_kind`` NaN); date-times as ``datetime64[ns]`` (NaT =
        absent), counts as nullable ``Int64``, flags as ``bool``.
    """
    import os

    import pandas as pd

    c = _core._read_dossier_log_columns(os.fspath(path), skip_bad_rows, separator or "")
    amount = c["amount"]
    cutoff = c["receipt_cutoff"]
    kind = c["end_kind"]

    def text(name):  # (codes, sorted distinct values) from C++: no Python object per row
        codes, categories = c[name]
        return pd.Categorical.from_codes(codes, categories=categories)

    def ns(name):
        return c[name].view("datetime64[ns]")

    frame = pd.DataFrame({
        "id": c["id"],
        "unit": text("unit"),
        "level": text("level"),
        "procedure": text("procedure"),
        "field": text("field"),
        "channel": pd.Categorical.from_codes(c["channel"].astype(np.int8), categories=list(_CHANNELS)),
        "received_at": ns("received"),
        "processing_time": pd.arrays.IntegerArray(amount.astype(np.int64), amount == _NO_AMOUNT),
        "processing_unit": pd.Categorical.from_codes(c["unit_of_time"].astype(np.int8), categories=list(_UNITS)),
        "promised_at": ns("promised"),
        "promised_has_time": c["promised_has_time"].view(np.bool_),
        "receipt_cutoff": pd.arrays.IntegerArray(cutoff.astype(np.int64), cutoff < 0),
        "paused_from": ns("pause_from"),
        "paused_to": ns("pause_to"),
        "supplement_requests": pd.arrays.IntegerArray(c["supplement_requests"].astype(np.int64),
                                                      np.zeros(len(amount), dtype=np.bool_)),
        "end_kind": pd.Categorical.from_codes(np.where(kind == _NO_END, -1, kind).astype(np.int8),
                                              categories=list(_END_KINDS)),
        "resolved_at": ns("ended"),
        "apology": c["apology"].view(np.bool_),
    }, columns=list(DOSSIER_COLUMNS))
    if not skip_bad_rows:
        return frame
    return frame, _bad_rows(c["errors"])


def _bad_rows(errors):
    import pandas as pd

    return pd.DataFrame(errors, columns=["file", "line", "column", "field", "id", "message"])


# ---- pandas input → exact columns ---------------------------------------------------------------

def _label(index, position: int):
    try:
        return index[position]
    except Exception:  # noqa: BLE001 - a plain array has no labels: the position is the label
        return position


def _relabel(error: Exception, column: str, index) -> Exception:
    """The C++ error of row N raised again naming the column and the DataFrame index label, once."""
    path = getattr(error, "path", "") or ""
    detail = getattr(error, "detail", str(error))
    where = column
    if path.startswith("row "):
        position = int(path[4:])
        where = f"{getattr(error, 'field', '') or column}: index {_label(index, position)!r}"
    new = type(error)(f"{where}: {detail}")
    for attr in ("detail", "file", "line", "column", "path", "field"):
        try:
            setattr(new, attr, getattr(error, attr))
        except AttributeError:
            pass
    return new


def _series(frame, name):
    return frame[name] if name in frame.columns else None


def _datetimes(values, column: str, index, required: bool = False) -> Optional[np.ndarray]:
    """Any date-time column → int64 minutes of Vietnamese civil time (NaT → no_time)."""
    import pandas as pd

    if values is None:
        return None
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        s = s.dt.tz_convert("Asia/Ho_Chi_Minh").dt.tz_localize(None)
    if isinstance(s.dtype, np.dtype) and s.dtype.kind == "M":
        # One pass in C++ on the column's own buffer (any unit; floor to the minute; NaT → no_time).
        a, first_missing = _core._datetime64_minutes(s.to_numpy(), s, column)
        if required and first_missing >= 0:
            raise _core.ArgumentError(f"{column}: index {_label(index, first_missing)!r}: expected a date-time, "
                                      "found NaT")
        return a
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        a = s.to_numpy().astype("datetime64[m]").view(np.int64)
    elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
        try:
            a = _core._parse_date_times([None if v is None or v is pd.NaT or (isinstance(v, float) and v != v)
                                         else (v.isoformat(sep=" ") if isinstance(v, datetime.datetime) else
                                               v.isoformat() if isinstance(v, datetime.date) else v)
                                         for v in s.tolist()])
        except _core.Error as e:
            raise _relabel(e, column, index) from None
    else:
        raise TypeError(f"{column}: expected date-times (datetime64, datetime, date or text), got dtype {s.dtype}")
    a = np.ascontiguousarray(a, dtype=np.int64)
    if required and (a == _NO_TIME).any():
        position = int(np.argmax(a == _NO_TIME))
        raise _core.ArgumentError(f"{column}: index {_label(index, position)!r}: expected a date-time, found NaT")
    return a


def _counts(values, column: str, index, dtype, missing) -> Optional[np.ndarray]:
    """Counts from int, nullable Int64 or whole floats (pandas writes 1.0 after a missing value)."""
    import pandas as pd

    if values is None:
        return None
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    info = np.iinfo(dtype)
    low = info.min if info.min == 0 else info.min + 1  # the signed minimum is the "missing" sentinel
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iub":
        # A plain NumPy column has no missing value: a range check (min, max) and at most one cast.
        v = s.to_numpy()
        if s.dtype.kind == "b":
            return np.ascontiguousarray(v.view(np.uint8), dtype=dtype)
        if len(v) == 0 or (v.min() >= low and v.max() <= info.max):
            return np.ascontiguousarray(v, dtype=dtype)
    na = s.isna().to_numpy()
    if pd.api.types.is_bool_dtype(s.dtype):
        v = s.fillna(False).astype(np.int64).to_numpy()
    elif pd.api.types.is_integer_dtype(s.dtype):
        v = s.fillna(0).astype(np.int64).to_numpy()
    elif pd.api.types.is_float_dtype(s.dtype):
        f = s.fillna(0).to_numpy(dtype=np.float64)
        frac = f != np.floor(f)
        if frac.any():
            position = int(np.argmax(frac))
            raise _core.ArgumentError(
                f"{column}: index {_label(index, position)!r}: expected a whole number, found {f[position]!r}")
        v = f.astype(np.int64)
    else:
        raise TypeError(f"{column}: expected integers (int, Int64, or whole floats), got dtype {s.dtype}")
    bad = (~na) & ((v < low) | (v > info.max))
    if bad.any():
        position = int(np.argmax(bad))
        raise _core.ArgumentError(f"{column}: index {_label(index, position)!r}: {v[position]} is out of range")
    out = v.astype(dtype)
    out[na] = missing
    return np.ascontiguousarray(out, dtype=dtype)


def _codes(values, column: str, index, names: Sequence[str], aliases: dict, missing: Optional[int]):
    import pandas as pd

    if values is None:
        return None
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if pd.api.types.is_integer_dtype(s.dtype) and not isinstance(s.dtype, pd.CategoricalDtype):
        return np.ascontiguousarray(s.to_numpy(), dtype=np.uint8)
    lookup = {n: k for k, n in enumerate(names)}
    lookup.update(aliases)
    # Each distinct value is looked up once (a log has a handful); the loop below runs only when some
    # value is bad or missing without a default, to name the first one.
    if s.dtype == object:
        # One pass in C++, the lookup below once per distinct text (-1: unknown, or missing without a
        # default: the loop at the end names the first such row).
        fast = _core._object_codes(s.to_numpy(), lambda v: lookup.get(v.strip().casefold(), -1),
                                   -1 if missing is None else missing, (pd.NA, pd.NaT))
        if fast is not None and (len(fast) == 0 or fast.min() >= 0):
            return fast.astype(np.uint8)
        found = None
    elif isinstance(s.dtype, pd.CategoricalDtype):  # the categories are the distinct values already
        found, uniques = s.cat.codes.to_numpy(), s.cat.categories
    else:
        try:
            found, uniques = pd.factorize(s, use_na_sentinel=True)
        except TypeError:  # unhashable values
            found = None
    if found is not None:
        mapped = np.array([lookup.get(str(v).strip().casefold(), -1) for v in uniques.tolist()] +
                          [-1 if missing is None else missing], dtype=np.int16)
        categories_known = len(mapped) == 1 or mapped[:-1].min() >= 0
        if categories_known and len(mapped) <= 256 and (mapped[-1] >= 0 or len(found) == 0 or found.min() >= 0):
            # Every value known (a missing one takes the table's last entry): one pass in C++.
            return _core._recode(found, np.where(mapped < 0, 0, mapped).astype(np.uint8))
        fast = mapped[found]
        if len(fast) == 0 or fast.min() >= 0:
            return fast.astype(np.uint8)
    out = np.empty(len(s), dtype=np.uint8)
    for k, v in enumerate(s.tolist()):
        if v is None or (isinstance(v, float) and v != v) or v is pd.NA:
            if missing is None:
                raise _core.ArgumentError(f"{column}: index {_label(index, k)!r}: expected one of "
                                          f"{', '.join(names)}, found a missing value")
            out[k] = missing
            continue
        key = str(v).strip().casefold()
        if key not in lookup:
            raise _core.ArgumentError(f"{column}: index {_label(index, k)!r}: expected one of {', '.join(names)}, "
                                      f"found {v!r}")
        out[k] = lookup[key]
    return out


_CHANNEL_ALIASES = {"trực tuyến": 0, "truc tuyen": 0, "in person": 1, "trực tiếp": 1, "truc tiep": 1,
                    "bưu chính": 2, "qua bưu chính": 2, "bưu điện": 2, "buu chinh": 2, "buu dien": 2}
_UNIT_ALIASES = {"ngày làm việc": 0, "ngày": 1, "ngày lịch": 1, "giờ làm việc": 2, "giờ": 2, "buổi": 3,
                 "nửa ngày": 3, "trong ngày": 4}
_END_ALIASES = {"đã giải quyết": 0, "đã trả kết quả": 0, "hoàn thành": 0, "trả lại": 1, "trả lại hồ sơ": 1,
                "rút hồ sơ": 2, "dừng xử lý": 3, "từ chối": 3}


def _period_days(period, cutoff) -> Tuple[datetime.date, datetime.date]:
    if period is None:
        if cutoff is None:
            raise TypeError("period: expected a cchc.Period, a (first, last) pair of dates, or cutoff=")
        return datetime.date(1900, 1, 1), cutoff
    if hasattr(period, "first") and hasattr(period, "last"):
        first, last = period.first, period.last
        return (first() if callable(first) else first), (last() if callable(last) else last)
    if isinstance(period, (tuple, list)) and len(period) == 2:
        return period[0], period[1]
    raise TypeError(f"period: expected a cchc.Period or a (first, last) pair of dates, got {type(period).__name__}")


def _time_of_day(value) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, datetime.time):
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        hh, _, mm = value.partition(":")
        return int(hh) * 60 + int(mm or 0)
    raise TypeError(f"receipt_cutoff: expected a datetime.time or 'HH:MM', got {value!r}")


# Frames at least this long hand their naive datetime64 received_at / resolved_at buffers to C++ as
# they are: converted to minutes block by block inside the classification (no full-length copy).
_DEFERRED_ROWS = 1 << 16


def _raw_datetimes(values):
    """A naive datetime64 column's own buffer (C++ converts it), or None."""
    if values is None or not (isinstance(values.dtype, np.dtype) and values.dtype.kind == "M"):
        return None
    return values.to_numpy()


def _batch(frame, by: Sequence[str], deferred: bool = False):
    """The exact columns of a dossier DataFrame, and the labels of each grouping key. With
    ``deferred``, naive datetime64 received_at / resolved_at columns come as their datetime64
    buffers (see _run)."""
    import pandas as pd

    index = frame.index
    col = lambda name: _series(frame, name)  # noqa: E731
    received = _raw_datetimes(col("received_at")) if deferred else None
    if received is None:
        received = _datetimes(col("received_at"), "received_at", index, required=True)
    if received is None:
        raise KeyError("received_at: the DataFrame has no received_at column (see cchc.DOSSIER_COLUMNS)")
    n = len(received)
    ended = _raw_datetimes(col("resolved_at")) if deferred and received.dtype.kind == "M" else None
    if ended is None:
        ended = _datetimes(col("resolved_at"), "resolved_at", index)
    end_kind = _codes(col("end_kind"), "end_kind", index, _END_KINDS, _END_ALIASES, missing=_NO_END)
    if end_kind is not None and ended is not None:
        # An end kind written without an end, or an end without a kind, is an error in C++; a missing
        # kind with an end means resolved (as in the CSV layout).
        ended_minutes = ended.view(np.int64) if ended.dtype.kind == "M" else ended  # (NaT is _NO_TIME)
        end_kind = np.where((end_kind == _NO_END) & (ended_minutes != _NO_TIME), 0, end_kind).astype(np.uint8)
    pause_offsets = pause_from = pause_to = None
    pf, pt = col("paused_from"), col("paused_to")
    if "pauses" in frame.columns:  # any number per row: a list of (from, to) pairs
        froms, tos, offsets = [], [], [0]
        for pairs in frame["pauses"].tolist():
            for a, b in (pairs if isinstance(pairs, (list, tuple)) else []):
                froms.append(a)
                tos.append(b)
            offsets.append(len(froms))
        pause_from = _datetimes(pd.Series(froms, dtype=object), "pauses", index) if froms else np.empty(0, np.int64)
        pause_to = _datetimes(pd.Series(tos, dtype=object), "pauses", index) if tos else np.empty(0, np.int64)
        pause_offsets = np.asarray(offsets, dtype=np.int64)
    elif pf is not None or pt is not None:
        f = _datetimes(pf, "paused_from", index) if pf is not None else np.full(n, _NO_TIME, np.int64)
        t = _datetimes(pt, "paused_to", index) if pt is not None else np.full(n, _NO_TIME, np.int64)
        has = (f != _NO_TIME) | (t != _NO_TIME)
        one_sided = (f == _NO_TIME) != (t == _NO_TIME)
        if one_sided.any():
            position = int(np.argmax(one_sided))
            raise _core.ArgumentError(f"paused_from/paused_to: index {_label(index, position)!r}: expected both "
                                      "ends of the pause, found one")
        pause_offsets = np.concatenate([[0], np.cumsum(has)]).astype(np.int64)
        pause_from = np.ascontiguousarray(f[has])
        pause_to = np.ascontiguousarray(t[has])
    keys, labels = [], []
    for name in by:
        if name not in frame.columns:
            raise KeyError(f"by: the DataFrame has no column {name!r}")
        values = frame[name]
        category_codes = values.cat.codes.to_numpy() if isinstance(values.dtype, pd.CategoricalDtype) else None
        if category_codes is not None and (len(category_codes) == 0 or category_codes.min() >= 0):
            # The categories ranked as factorize(sort=True) ranks values, without a pass over the rows
            # in Python objects (unused categories get codes but no table row); sorted categories (as
            # read_dossier_log makes them) are their own ranks.
            categories = values.cat.categories.astype(object)
            if categories.is_monotonic_increasing:
                codes, uniques = category_codes, categories
            else:
                rank, uniques = pd.factorize(categories, sort=True)
                codes = rank[category_codes]
        else:
            values = values.astype(object).where(values.notna(), "")
            codes, uniques = pd.factorize(values, sort=True)
        keys.append((np.ascontiguousarray(codes, dtype=np.uint32), max(1, len(uniques))))
        labels.append(list(uniques))
    cutoff = _counts(col("receipt_cutoff"), "receipt_cutoff", index, np.int16, -1)
    return dict(
        received=received,
        amount=_counts(col("processing_time"), "processing_time", index, np.int32, _NO_AMOUNT),
        unit_of_time=_codes(col("processing_unit"), "processing_unit", index, _UNITS, _UNIT_ALIASES, missing=0),
        promised=_datetimes(col("promised_at"), "promised_at", index),
        promised_has_time=_counts(col("promised_has_time"), "promised_has_time", index, np.uint8, 0),
        receipt_cutoff=cutoff,
        pause_offsets=pause_offsets,
        pause_from=pause_from,
        pause_to=pause_to,
        supplement_requests=_counts(col("supplement_requests"), "supplement_requests", index, np.int32, 0),
        end_kind=end_kind,
        ended=ended,
        channel=_codes(col("channel"), "channel", index, _CHANNELS, _CHANNEL_ALIASES, missing=None),
        apology=_counts(col("apology"), "apology", index, np.uint8, 0),
        keys=keys,
    ), labels


def _with_procedures(frame, procedures):
    """Rows that name a catalogued procedure take its processing time (when they give none) and its
    receipt cut-off (docs/procedures.md) — what the log reader does with a catalogue."""
    import pandas as pd

    if procedures is None or "procedure" not in frame.columns:
        return frame
    frame = frame.copy()
    n = len(frame)
    amount = frame["processing_time"].astype("object").tolist() if "processing_time" in frame.columns else [None] * n
    units = frame["processing_unit"].tolist() if "processing_unit" in frame.columns else ["working_days"] * n
    cutoffs = frame["receipt_cutoff"].astype("object").tolist() if "receipt_cutoff" in frame.columns else [None] * n
    for k, code in enumerate(frame["procedure"].tolist()):
        entry = procedures.get(str(code)) if isinstance(code, str) and code else None
        if entry is None:
            continue
        if amount[k] is None or amount[k] is pd.NA or (isinstance(amount[k], float) and amount[k] != amount[k]):
            amount[k] = entry.processing_amount
            units[k] = entry.processing_unit
        if entry.receipt_cutoff is not None:
            cutoffs[k] = entry.receipt_cutoff.hour * 60 + entry.receipt_cutoff.minute
    frame["processing_time"] = pd.array([None if v is None or v is pd.NA else int(v) for v in amount], dtype="Int64")
    frame["processing_unit"] = units
    frame["receipt_cutoff"] = pd.array([None if v is None or v is pd.NA else int(v) for v in cutoffs], dtype="Int64")
    return frame


def _run(frame, period, by, calendar, receipt_cutoff, threads, want_codes, cutoff=None, want_due=False,
         procedures=None):
    first, last = _period_days(period, cutoff)
    frame = _with_procedures(frame, procedures)
    deferred = len(frame) >= _DEFERRED_ROWS
    columns, labels = _batch(frame, by, deferred)
    call = lambda cols: _core._classify_batch(  # noqa: E731
        **cols, first=first, last=last, calendar=calendar, cutoff_minutes=_time_of_day(receipt_cutoff),
        threads=0 if threads is None else threads, want_codes=want_codes, want_due=want_due)
    try:
        result = call(columns)
    except _core.Error as e:
        raise _relabel(e, getattr(e, "field", "") or "dossiers", frame.index) from None
    if result is None:
        # The blocked route declined (a NaT received, a date out of range, a bad row): the whole
        # columns converted first, then classified — the errors named as always.
        index = frame.index
        columns["received"] = _datetimes(_series(frame, "received_at"), "received_at", index, required=True)
        columns["ended"] = _datetimes(_series(frame, "resolved_at"), "resolved_at", index)
        try:
            result = call(columns)
        except _core.Error as e:
            raise _relabel(e, getattr(e, "field", "") or "dossiers", frame.index) from None
    return result, labels


def classify(frame, period=None, calendar: Optional[_core.WorkCalendar] = None, procedures=None, *, cutoff=None,
             receipt_cutoff=None, threads: Optional[int] = None, due: bool = False):
    """Each dossier's outcome at the end of ``period`` (the full Decision-766 rule).

    Parameters
    ----------
    frame : pandas.DataFrame
        Dossiers with the canonical columns (:data:`DOSSIER_COLUMNS`; only ``received_at`` and
        ``processing_time`` or ``promised_at`` are needed). Date-times may be ``datetime64`` of any
        unit, tz-aware (converted to Vietnamese civil time) or text read by cchc's parser
        (``dd/mm/yyyy`` is day-first, never pandas' guess). Optional ``pauses``: a list of
        ``(from, to)`` pairs per row, any number.
    period : cchc.Period or (first, last)
        The reporting period; its last day is the cut-off. Dossiers received after it, or received
        before it and ended before its first day, are not counted (``<NA>``).
    cutoff : datetime.date, optional
        Instead of a period: the cut-off alone (every dossier received by then is counted).
    receipt_cutoff : datetime.time or "HH:MM", optional
        The receipt cut-off for every procedure (a row's ``receipt_cutoff`` column, in minutes of
        the day, wins).
    procedures : cchc.Procedures, optional
        A procedure catalogue: a row whose ``procedure`` is catalogued takes its processing time
        when it gives none, and its receipt cut-off (docs/procedures.md).
    due : bool
        Also return the deadline of each dossier (``due`` column: datetime64, NaT for returned,
        withdrawn and not-counted dossiers).

    Returns
    -------
    pandas.Series (``outcome``, nullable ``Int8`` codes 0–6 aligned to ``frame.index``), or a
    DataFrame with ``outcome``, ``outcome_name`` and ``due`` when ``due=True``.
    """
    import pandas as pd

    result, _ = _run(frame, period, [], calendar, receipt_cutoff, threads, True, cutoff=cutoff, want_due=due,
                     procedures=procedures)
    codes = result["codes"]
    outcome = pd.Series(pd.array(np.where(codes == _NOT_COUNTED, 0, codes).astype(np.int8), dtype="Int8"),
                        index=frame.index, name="outcome")
    outcome[codes == _NOT_COUNTED] = pd.NA
    if not due:
        return outcome
    day = result["due_day"].astype(np.int64)
    minute = result["due_minute"].astype(np.int64)
    missing = day == np.iinfo(np.int32).min
    at = (np.where(missing, 0, day) * 1440 + np.where(minute < 0, 0, minute)).view("datetime64[m]")
    at = at.astype("datetime64[ns]")
    at[missing] = np.datetime64("NaT")
    names = pd.Series([None if c == _NOT_COUNTED else OUTCOME_NAMES[c] for c in codes], index=frame.index, dtype=object)
    return pd.DataFrame({"outcome": outcome, "outcome_name": names, "due": at}, index=frame.index)


def dossier_flow_frame(frame, period=None, by: Union[str, Sequence[str], None] = None,
                       calendar: Optional[_core.WorkCalendar] = None, procedures=None, *, cutoff=None,
                       receipt_cutoff=None, threads: Optional[int] = None, _plain: bool = False):
    """The Biểu 06 table of a dossier DataFrame, grouped by any columns (see :func:`dossier_flow`)."""
    import pandas as pd

    from ._frames import flows_frame

    by = [by] if isinstance(by, str) else list(by or [])
    if isinstance(period, datetime.date) and cutoff is None:  # a date alone is the cut-off
        period, cutoff = None, period
    result, labels = _run(frame, period, by, calendar, receipt_cutoff, threads, False, cutoff=cutoff,
                          procedures=procedures)
    # The layout is the total's: the columns the input can fill (the channel ones need a channel
    # column, apologies an apology column), the same for every partition of the same data.
    return _flow_table(result["total"], result["groups"], labels, by, period is not None,
                       channel="channel" in frame.columns, apology="apology" in frame.columns, plain=_plain)


def _flow_table(total, groups, labels, by, has_period, channel, apology, plain=False):
    """The Biểu 06 DataFrame of a total and its groups ((key codes or values, flow) pairs).

    ``plain``: int64 columns in one block (cchc.dask's partial tables, summed by key), unless some
    count is absent; then nullable Int64 as always."""
    import pandas as pd

    from ._frames import FLOW_COLUMNS

    present = set(total.to_dict(present_only=True))
    if channel:  # an empty partition's columns are empty, not absent
        present |= {"received_online", "received_offline", "online_resolved"}
    if apology:
        present.add("apologies")
    columns = [c for c in FLOW_COLUMNS if c in present]
    if not by:
        flows, index = [total], pd.Index(["all"], name="unit")
    else:
        rows = [(key if labels is None else tuple(labels[k][code] for k, code in enumerate(key)), flow)
                for key, flow in groups]
        flows = [f for _, f in rows]
        index = (pd.MultiIndex.from_tuples([k for k, _ in rows], names=by) if len(by) > 1
                 else pd.Index([k[0] for k, _ in rows], name=by[0], dtype=object))
    # One nullable Int64 column at a time, straight from values and a mask (None = absent): building
    # the frame whole and casting it cost ~5 ms a call, pd.array per column ~1.4 ms, this ~0.8 ms.
    values = [f.to_dict() for f in flows]
    data = np.array([[0 if v[c] is None else v[c] for c in columns] for v in values], dtype=np.int64)
    mask = np.array([[v[c] is None for c in columns] for v in values], dtype=bool)
    data, mask = data.reshape(len(values), len(columns)), mask.reshape(len(values), len(columns))
    if plain and not mask.any():
        table = pd.DataFrame(data, index=index, columns=columns, copy=False)
    else:
        arrays = [pd.arrays.IntegerArray(data[:, k].copy(), mask[:, k].copy()) for k in range(len(columns))]
        try:  # (pandas' own constructor from checked arrays: 0.2 ms against 0.7 for the dict form)
            table = pd.DataFrame._from_arrays(arrays, columns=pd.Index(columns), index=index, verify_integrity=False)
        except (AttributeError, TypeError):  # pragma: no cover - a pandas without it
            table = pd.DataFrame(dict(zip(columns, arrays)), index=index, columns=columns, copy=False)
    if not has_period:
        # Without a period start nothing is known about carried-over dossiers: absent, not 0.
        table = table.drop(columns=[c for c in ("carried_over",) if c in table.columns])
    return table


def dossier_flow_log(path, period=None, by: Union[str, Sequence[str], None] = None,
                     calendar: Optional[_core.WorkCalendar] = None, procedures=None, *, cutoff=None,
                     receipt_cutoff=None, one_stop_rules=None, skip_bad_rows: bool = False,
                     separator: Optional[str] = None, threads: Optional[int] = None):
    """The Biểu 06 table of a dossier log file, read and counted in C++ (see :func:`dossier_flow`).

    The reader of ``cchc dossiers`` in its columnar form (rows decoded straight into column chunks,
    counted by the one kernel; the CLI's accumulator takes over only when a row cannot be classified,
    so errors and skipped rows are the CLI's): no DataFrame is built, the GIL is released for the
    whole read. ``by`` takes the CLI's keys (unit, level, channel, procedure, field). The
    receipt rule is the CLI's: ``one_stop_rules`` (a :class:`cchc.OneStopRules`) if given, else the
    built-in set in force on the period's last day; ``receipt_cutoff`` overrides its cut-off. With
    ``skip_bad_rows`` the result is ``(table, bad_rows)`` as for :func:`read_dossier_log` (a row the
    calendar cannot classify is a bad row too). ``threads`` is accepted for the frame form's
    signature; the read is one pass on one thread.
    """
    import os

    by = [by] if isinstance(by, str) else list(by or [])
    if isinstance(period, datetime.date) and cutoff is None:
        period, cutoff = None, period
    first, last = _period_days(period, cutoff)
    result = _core._dossier_flow_log(os.fspath(path), by, first, last, calendar=calendar,
                                     skip_bad_rows=skip_bad_rows, separator=separator or "",
                                     procedures=procedures, one_stop_rules=one_stop_rules,
                                     cutoff_minutes=_time_of_day(receipt_cutoff))
    # A log always has a channel and an apology column (read_dossier_log's frame has them too).
    table = _flow_table(result["total"], result["groups"], None, by, period is not None, channel=True,
                        apology=True)
    if not skip_bad_rows:
        return table
    return table, _bad_rows(result["errors"])
