"""The full dossier rule in Python: read_dossier_log, classify, dossier_flow — the same numbers as
`cchc dossiers` (the CLI) and cchc.dask on the same log, and the input forms pandas hands over."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import numpy as np
import pandas as pd
import pytest
from conftest import BUILD_DIR, SOURCE_DIR, needs

pytestmark = [needs("bulk"), needs("flow")]

import cchc  # noqa: E402

PERIOD = (dt.date(2022, 12, 15), dt.date(2023, 12, 13))


def cli():
    if BUILD_DIR is None:
        pytest.skip("CCHC_BUILD_DIR not set")
    return BUILD_DIR / "bin" / "cchc"


def tran_de_log():
    if BUILD_DIR is None:
        pytest.skip("CCHC_BUILD_DIR not set")
    path = BUILD_DIR / "examples" / "tran-de-2023" / "dossiers-seed1.csv"
    if not path.exists():
        pytest.skip("the example log is not built")
    return path


def cli_table(path, by, period="2022-12-15..2023-12-13"):
    out = subprocess.run([str(cli()), "dossiers", str(path), "--period", period, "--by", by, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return {row[by]: row for row in json.loads(out)["flows"] if row[by] != "total"}


def test_python_cli_and_dask_give_the_same_table_on_the_same_log():
    path = tran_de_log()
    log = cchc.read_dossier_log(path)
    assert len(log) > 90_000
    table = cchc.dossier_flow(log, PERIOD, by="level")
    expected = cli_table(path, "level")
    assert set(table.index) == set(expected)
    for level, row in expected.items():
        for column in table.columns:
            assert table.loc[level, column] == row[column], (level, column)
    # by unit too, and the codes add up to the table
    by_unit = cchc.dossier_flow(log, PERIOD, by="unit")
    cli_units = cli_table(path, "unit")
    for unit, row in cli_units.items():
        assert by_unit.loc[unit, "resolved_late"] == row["resolved_late"]
        assert by_unit.loc[unit, "pending_overdue"] == row["pending_overdue"]
    codes = cchc.classify(log, PERIOD)
    assert (codes == 2).sum() == table["resolved_late"].sum()
    assert codes.index.equals(log.index)
    dd = pytest.importorskip("dask.dataframe")
    import dask

    from cchc import dask as cchc_dask

    with dask.config.set(scheduler="synchronous"):
        dask_table = cchc_dask.dossier_flow(dd.from_pandas(log, npartitions=5), PERIOD, by="level")
    pd.testing.assert_frame_equal(dask_table.sort_index(), table.sort_index(), check_index_type=False)


def test_read_dossier_log_types_and_bad_rows():
    good = SOURCE_DIR / "tests" / "data" / "dossier_log" / "good.csv"
    log = cchc.read_dossier_log(good)
    assert list(log.columns) == list(cchc.DOSSIER_COLUMNS)
    assert log["received_at"].dtype == "datetime64[ns]"
    assert str(log["processing_time"].dtype) == "Int64"
    bad = SOURCE_DIR / "tests" / "data" / "dossier_log" / "bad_channel.csv"
    with pytest.raises(cchc.ParseError, match="channel"):
        cchc.read_dossier_log(bad)
    frame, errors = cchc.read_dossier_log(bad, skip_bad_rows=True)
    assert len(errors) >= 1
    assert {"file", "line", "column", "field", "id", "message"} <= set(errors.columns)
    assert errors["line"].iloc[0] > 1


def small_log():
    return pd.DataFrame(
        {
            "unit": ["A", "A", "B", "B", "B"],
            "channel": ["online", "in_person", "post", "online", "trực tiếp"],
            # received: Thu 2/3, Thu 2/3, Wed 1/2 (before the period), Mon 6/3, Fri 3/3
            "received_at": pd.to_datetime(["2023-03-02 08:00", "2023-03-02 16:00", "2023-02-01 09:00",
                                           "2023-03-06 09:00", "2023-03-03 10:00"]),
            "processing_time": pd.array([1, 1, 3, 2, 4], dtype="Int64"),
            "resolved_at": pd.to_datetime(["2023-03-03 10:00", "2023-03-06 10:00", "2023-03-10 10:00", None,
                                           "2023-03-07 10:00"]),
            "end_kind": ["resolved", "resolved", "resolved", None, "withdrawn"],
        },
        index=["d1", "d2", "d3", "d4", "d5"],
    )


def test_period_carried_over_and_returned_counted_apart():
    table = cchc.dossier_flow(small_log(), (dt.date(2023, 3, 1), dt.date(2023, 3, 31)), by="unit")
    assert table.loc["B", "carried_over"] == 1       # d3: received in February, ended in March
    assert table.loc["B", "returned_withdrawn"] == 1  # d5
    assert table.loc["B", "received"] == 3
    assert table.loc["A", "resolved_on_time"] == 1    # d1: due Fri 3/3
    assert table.loc["A", "resolved_late"] == 1       # d2: due Fri 3/3, resolved Mon 6/3
    # a dossier ended before the period is not counted
    later = cchc.dossier_flow(small_log(), (dt.date(2023, 3, 11), dt.date(2023, 3, 31)), by="unit")
    assert later.loc["B", "received"] == 1  # only d4 (pending); d3 ended on 10/3
    # receipt cut-off 15:00: d2 (16:00) counts from Fri 3/3 → due Mon 6/3 → on time
    cut = cchc.dossier_flow(small_log(), (dt.date(2023, 3, 1), dt.date(2023, 3, 31)), by="unit",
                            receipt_cutoff="15:00")
    assert cut.loc["A", "resolved_on_time"] == 2


def test_carried_over_is_absent_not_zero_without_a_period_start():
    # Regression: carried_over came back as 0 from Python.
    table = cchc.dossier_flow(small_log(), dt.date(2023, 3, 31), by="unit")
    assert "carried_over" not in table.columns


def test_two_keys_give_a_multi_index():
    table = cchc.dossier_flow(small_log(), (dt.date(2023, 2, 1), dt.date(2023, 3, 31)), by=["unit", "channel"])
    assert table.index.names == ["unit", "channel"]
    assert table.loc[("A", "online"), "received"] == 1


def test_every_datetime_unit_and_tz_aware_input_give_the_same_codes():
    log = small_log()
    period = (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    expected = cchc.classify(log, period)
    for unit in ("s", "ms", "us"):
        other = log.assign(received_at=log["received_at"].astype(f"datetime64[{unit}]"))
        pd.testing.assert_series_equal(cchc.classify(other, period), expected)
    utc = log.assign(received_at=log["received_at"].dt.tz_localize("Asia/Ho_Chi_Minh").dt.tz_convert("UTC"))
    pd.testing.assert_series_equal(cchc.classify(utc, period), expected)
    text = log.assign(received_at=log["received_at"].dt.strftime("%d/%m/%Y %H:%M"))  # day first, read by cchc
    pd.testing.assert_series_equal(cchc.classify(text, period), expected)


def test_whole_floats_after_a_missing_value_are_counts_and_fractions_are_refused():
    log = small_log()
    floats = log.assign(processing_time=[1.0, 1.0, 3.0, 2.0, 4.0])
    pd.testing.assert_series_equal(cchc.classify(floats, (dt.date(2023, 3, 1), dt.date(2023, 3, 31))),
                                   cchc.classify(log, (dt.date(2023, 3, 1), dt.date(2023, 3, 31))))
    with pytest.raises(cchc.ArgumentError, match=r"processing_time: index 'd2': expected a whole number, found 1\.5"):
        cchc.classify(log.assign(processing_time=[1.0, 1.5, 3.0, 2.0, 4.0]), (dt.date(2023, 3, 1), dt.date(2023, 3, 31)))


def test_errors_name_the_column_and_the_index_label_once_with_dates_as_dates():
    log = small_log()
    log.loc["d4", "resolved_at"] = pd.Timestamp("2023-03-01 08:00")  # before it was received
    log.loc["d4", "end_kind"] = "resolved"
    with pytest.raises(cchc.ArgumentError) as info:
        cchc.classify(log, (dt.date(2023, 3, 1), dt.date(2023, 3, 31)))
    message = str(info.value)
    assert message.startswith("ended: index 'd4': ")
    assert "2023-03-06 09:00" in message and "2023-03-01 08:00" in message
    assert message.count("d4") == 1 and "row" not in message and "day 19" not in message
    with pytest.raises(cchc.ParseError, match="received_at: index 'd3'"):
        cchc.classify(log.assign(received_at=["02/03/2023", "02/03/2023", "31/02/2023", "06/03/2023", "03/03/2023"]),
                      (dt.date(2023, 3, 1), dt.date(2023, 3, 31)))


def test_classify_with_due_dates_and_hours():
    log = pd.DataFrame({
        "received_at": pd.to_datetime(["2023-03-02 08:00", "2023-03-02 08:00"]),
        "processing_time": [4, 2],
        "processing_unit": ["working_hours", "giờ làm việc"],
        "resolved_at": pd.to_datetime(["2023-03-02 11:30", "2023-03-02 11:30"]),
    })
    out = cchc.classify(log, (dt.date(2023, 3, 1), dt.date(2023, 3, 31)), due=True)
    # 4 office hours from 08:00 → 13:30 + 30 min = 14:00 (morning 08:00–11:30 is 3 h 30)
    assert out.loc[0, "due"] == pd.Timestamp("2023-03-02 14:00")
    assert out.loc[0, "outcome_name"] == "early" or out.loc[0, "outcome_name"] == "on_time"
    assert out.loc[1, "due"] == pd.Timestamp("2023-03-02 10:00")
    assert out.loc[1, "outcome_name"] == "late"  # resolved 11:30 after the due 10:00 on the due day


def test_any_number_of_pauses_per_dossier():
    log = pd.DataFrame({
        "received_at": pd.to_datetime(["2023-12-11 09:00"]),
        "processing_time": [3],  # due Thu 14/12
        "pauses": [[("2023-12-12 09:00", "2023-12-13 09:00"), (pd.Timestamp("2023-12-12 15:00"), "2023-12-14 08:00")]],
        "supplement_requests": [1],
    })
    out = cchc.classify(log, (dt.date(2023, 12, 1), dt.date(2023, 12, 31)), due=True)
    # merged pause 12/12 09:00 – 14/12 08:00: Wed 13 and Thu 14 do not count → due Mon 18/12
    assert out.loc[0, "due"] == pd.Timestamp("2023-12-18")


@needs("procedures")
def test_a_procedure_catalogue_gives_processing_time_and_receipt_cutoff():
    cat = cchc.Procedures.builtin()
    code = next(iter(["1.001193"]))
    entry = cat.get(code)
    assert entry is not None and entry.receipt_cutoff is not None  # same day, 15:00 (docs/procedures.md)
    log = pd.DataFrame({
        "procedure": [code, code],
        # Thu 2/3/2023 at 14:00 and 16:00; resolved Fri 3/3 10:00
        "received_at": pd.to_datetime(["2023-03-02 14:00", "2023-03-02 16:00"]),
        "processing_time": pd.array([None, None], dtype="Int64"),
        "resolved_at": pd.to_datetime(["2023-03-03 10:00", "2023-03-03 10:00"]),
    })
    period = (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    out = cchc.classify(log, period, procedures=cat, due=True)
    # same day from Thu 2/3 → due Thu 2/3 (resolved Fri: late); after the 15:00 cut-off the receipt day
    # is Fri 3/3 → due Fri 3/3 (on time)
    assert list(out["outcome_name"]) == ["late", "on_time"]
    with pytest.raises(cchc.ArgumentError, match="processing"):
        cchc.classify(log, period)  # without the catalogue the rows have no processing time


# ---- dossier_flow(path): the log read and counted in C++ ----------------------------------------

def cli_rows(path, by, *extra):
    """The CLI's table by one or several keys: {(key values...): row}."""
    keys = by.split(",")
    out = subprocess.run([str(cli()), "dossiers", str(path), "--by", by, "--format", "json", *extra],
                         check=True, capture_output=True, text=True).stdout
    return {tuple(row[k] for k in keys): row for row in json.loads(out)["flows"] if row[keys[0]] != "total"}


@pytest.mark.parametrize("by", ["level", "unit", "unit,channel", "level,procedure,field", "channel"])
def test_dossier_flow_of_a_log_file_is_the_cli_table_and_the_frame_table(by):
    path = tran_de_log()
    keys = by.split(",")
    table = cchc.dossier_flow(str(path), PERIOD, by=keys if len(keys) > 1 else by)
    # the same table as the DataFrame path on the same log, index and dtypes included
    pd.testing.assert_frame_equal(table, cchc.dossier_flow(cchc.read_dossier_log(path), PERIOD, by=keys))
    # and as `cchc dossiers --by ...` (the CLI binary)
    expected = cli_rows(path, by, "--period", "2022-12-15..2023-12-13")
    got = {(k if isinstance(k, tuple) else (k,)): row for k, row in table.iterrows()}
    assert set(got) == set(expected)
    for key, row in expected.items():
        for column in table.columns:
            assert got[key][column] == row[column], (key, column)


def test_dossier_flow_of_a_small_log_takes_a_path_and_every_option():
    good = SOURCE_DIR / "tests" / "data" / "dossier_log" / "good.csv"
    period = (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    frame = cchc.read_dossier_log(good)
    for by in (None, "unit", ["level", "channel"]):
        pd.testing.assert_frame_equal(cchc.dossier_flow(good, period, by=by),  # a pathlib.Path
                                      cchc.dossier_flow(frame, period, by=by))
    # a cut-off alone: carried_over is absent, as on the frame path
    alone = cchc.dossier_flow(good, dt.date(2023, 12, 31), by="unit")
    assert "carried_over" not in alone.columns
    pd.testing.assert_frame_equal(alone, cchc.dossier_flow(frame, dt.date(2023, 12, 31), by="unit"))
    cut = cchc.dossier_flow(good, period, by="unit", receipt_cutoff="15:00")
    pd.testing.assert_frame_equal(cut, cchc.dossier_flow(frame, period, by="unit", receipt_cutoff="15:00"))
    # the CLI's keys only: a frame column that is not a flow key is refused by name
    with pytest.raises(cchc.UnknownNameError, match="id"):
        cchc.dossier_flow(good, period, by="id")


def test_dossier_flow_of_a_bad_log_names_the_file_and_line():
    bad = SOURCE_DIR / "tests" / "data" / "dossier_log" / "bad_channel.csv"
    period = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    with pytest.raises(cchc.ParseError) as info:
        cchc.dossier_flow(bad, period, by="unit")
    assert "bad_channel.csv" in str(info.value) and "channel" in str(info.value)
    assert info.value.line > 1
    table, errors = cchc.dossier_flow(bad, period, by="unit", skip_bad_rows=True)
    frame, frame_errors = cchc.read_dossier_log(bad, skip_bad_rows=True)
    pd.testing.assert_frame_equal(errors, frame_errors)
    pd.testing.assert_frame_equal(table, cchc.dossier_flow(frame, period, by="unit"))
    with pytest.raises(cchc.FileError, match="no-such-log.csv"):
        cchc.dossier_flow(SOURCE_DIR / "no-such-log.csv", period)


def test_read_dossier_log_gives_categoricals_with_the_values_of_the_file():
    import csv

    good = SOURCE_DIR / "tests" / "data" / "dossier_log" / "good.csv"
    log = cchc.read_dossier_log(good)
    with open(good, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for column in ("unit", "level", "procedure", "field", "channel", "processing_unit", "end_kind"):
        assert isinstance(log[column].dtype, pd.CategoricalDtype), column
    for column in ("unit", "level", "procedure", "field"):  # the file's values, ranked as factorize(sort=True)
        categories = list(log[column].cat.categories)
        assert categories == sorted(categories), column
    assert list(log["channel"].cat.categories) == ["online", "in_person", "post"]  # the codes' order, as before
    assert log["id"].dtype == object and log["id"].tolist() == [r["id"] for r in rows]
    for column in ("unit", "level", "procedure", "field"):
        assert log[column].astype(object).tolist() == [r[column] for r in rows], column
    assert log["processing_unit"].astype(object).tolist() == [r["processing_unit"] or "working_days" for r in rows]
    # a dossier not ended has no end kind; one ended without a kind is resolved (the CSV layout)
    ended = [bool(r["resolved_at"]) for r in rows]
    assert log["end_kind"].isna().tolist() == [not e for e in ended]
    assert log["received_at"].dtype == "datetime64[ns]" and log["resolved_at"].isna().tolist() == [not e for e in ended]


def test_datetime64_columns_of_every_unit_are_floored_to_the_minute_in_cpp():
    # Seconds and fractions fall in their minute (floor, before 1970 too); NaT in received_at names the
    # column and the index label once.
    log = pd.DataFrame({
        "received_at": pd.to_datetime(["2023-03-02 08:00:59.999", "1969-12-31 14:59:30"]),
        "processing_time": [1, 1],
        "processing_unit": ["working_hours", "working_hours"],
    }, index=["a", "b"])
    cut = dt.date(2023, 12, 31)
    # NumPy's cast to [m] floors: the reference for every unit
    floored = log.assign(received_at=log["received_at"].to_numpy().astype("datetime64[m]"))
    expected = cchc.classify(floored, cutoff=cut, due=True)
    pd.testing.assert_frame_equal(cchc.classify(log, cutoff=cut, due=True), expected)
    assert expected.loc["a", "due"] == pd.Timestamp("2023-03-02 09:00")  # from 08:00, not 08:01
    for unit in ("s", "ms", "us"):
        pd.testing.assert_frame_equal(
            cchc.classify(log.assign(received_at=log["received_at"].astype(f"datetime64[{unit}]")), cutoff=cut,
                          due=True), expected)
    for unit in ("m", "h", "D"):
        coarse = log.assign(received_at=log["received_at"].to_numpy().astype(f"datetime64[{unit}]"))
        pd.testing.assert_frame_equal(
            cchc.classify(coarse, cutoff=cut, due=True),
            cchc.classify(coarse.assign(received_at=coarse["received_at"].astype("datetime64[ns]")), cutoff=cut,
                          due=True))
    with pytest.raises(cchc.ArgumentError, match="received_at: index 'b': expected a date-time, found NaT"):
        cchc.classify(log.assign(received_at=[pd.Timestamp("2023-03-02"), pd.NaT]), cutoff=dt.date(2023, 12, 31))


def test_dossier_flow_of_a_log_with_a_row_the_calendar_cannot_classify_is_the_cli_s(tmp_path):
    # The columnar route gives way to the accumulator's: the row is a bad row named by file and line
    # (skipped under skip_bad_rows, as `cchc dossiers --skip-bad-rows` skips it).
    log = tmp_path / "far.csv"
    log.write_text("id,unit,channel,received_at,processing_time,resolved_at\n"
                   "A1,X,online,2023-03-01 08:00,3,2023-03-03 10:00\n"
                   "A2,X,online,2023-03-01 08:00,90000,\n"  # due centuries after the calendar's last day
                   "A3,Y,post,2023-03-02 08:00,1,2023-03-06 10:00\n", encoding="utf-8")
    period = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    with pytest.raises(cchc.RangeError) as info:
        cchc.dossier_flow(log, period, by="unit")
    assert "far.csv" in str(info.value) and info.value.line == 3
    table, errors = cchc.dossier_flow(log, period, by="unit", skip_bad_rows=True)
    assert errors["line"].tolist() == [3]
    expected = cli_rows(log, "unit", "--period", "2023-01-01..2023-12-31", "--skip-bad-rows")
    got = {(k,): row for k, row in table.iterrows()}
    assert set(got) == set(expected)
    for key, row in expected.items():
        for column in table.columns:
            assert got[key][column] == row[column], (key, column)


def _large_frame(n, seed=7):
    """n dossiers (n above the blocked route's 65 536 rows), every column the frame route reads."""
    rng = np.random.default_rng(seed)
    day0 = np.datetime64("2022-11-01T00:00", "m")
    received = day0 + (rng.integers(0, 420, n) * 1440 + rng.integers(0, 1440, n)).astype("timedelta64[m]")
    ended = received + rng.integers(0, 60 * 1440, n).astype("timedelta64[m]")
    ended[rng.random(n) < 0.1] = np.datetime64("NaT")
    units = np.array(["working_days", "calendar_days", "working_hours", "half_days"], dtype=object)
    kinds = np.array(["resolved", "resolved", "returned", "withdrawn", "suspended"], dtype=object)
    kind = kinds[rng.integers(0, 5, n)]
    kind[np.isnat(ended)] = None
    paused_from = received + rng.integers(0, 5 * 1440, n).astype("timedelta64[m]")
    paused_to = paused_from + rng.integers(0, 10 * 1440, n).astype("timedelta64[m]")
    no_pause = rng.random(n) < 0.7
    paused_from[no_pause] = np.datetime64("NaT")
    paused_to[no_pause] = np.datetime64("NaT")
    frame = pd.DataFrame({
        "unit": pd.Categorical(np.array(["A", "B", "C"])[rng.integers(0, 3, n)]),
        "paused_from": paused_from.astype("datetime64[ns]"),
        "paused_to": paused_to.astype("datetime64[ns]"),
        "channel": pd.Categorical(np.array(["online", "in_person", "post"])[rng.integers(0, 3, n)]),
        "received_at": received.astype("datetime64[ns]"),
        "processing_time": rng.integers(0, 25, n).astype(np.int32),
        "processing_unit": units[rng.integers(0, 4, n)],
        "resolved_at": ended.astype("datetime64[ns]"),
        "end_kind": kind,
    }, index=pd.RangeIndex(n) * 10 + 5)
    return frame


def test_large_frames_convert_date_times_block_by_block_with_the_same_results(monkeypatch):
    # Frames of 65 536 rows or more hand their datetime64 buffers to C++, which converts them block by
    # block inside the classification; smaller frames are converted whole first. The same dossiers
    # give the same codes, due dates and table both ways (slices below the threshold vs the whole).
    frame = _large_frame(200_000)
    # The blocked route takes a clean large frame: the whole-column conversion is not called.
    from cchc import _core
    with monkeypatch.context() as m:
        def refused(*args, **kwargs):
            raise AssertionError("the whole-column conversion ran on a clean large frame")
        m.setattr(_core, "_datetime64_minutes", refused)
        blocked_table = cchc.dossier_flow(frame.drop(columns=["paused_from", "paused_to"]), PERIOD, by="unit")
    whole = cchc.classify(frame, PERIOD, due=True)
    parts = pd.concat([cchc.classify(frame.iloc[k:k + 50_000], PERIOD, due=True) for k in range(0, len(frame), 50_000)])
    pd.testing.assert_frame_equal(whole, parts)
    table = cchc.dossier_flow(frame, PERIOD, by=["unit", "channel"])
    summed = sum(cchc.dossier_flow(frame.iloc[k:k + 50_000], PERIOD, by=["unit", "channel"]).fillna(0)
                 for k in range(0, len(frame), 50_000))
    pd.testing.assert_frame_equal(table.fillna(0), summed.reindex(table.index), check_dtype=False)
    assert cchc.dossier_flow(frame, PERIOD, by="unit", threads=1).equals(cchc.dossier_flow(frame, PERIOD, by="unit"))
    no_pauses = frame.drop(columns=["paused_from", "paused_to"])
    assert blocked_table.equals(sum(cchc.dossier_flow(no_pauses.iloc[k:k + 50_000], PERIOD, by="unit").fillna(0)
                                    for k in range(0, len(frame), 50_000)).astype("Int64"))
    # datetime64 of another unit: the same
    seconds = frame.assign(received_at=frame["received_at"].astype("datetime64[s]"),
                           resolved_at=frame["resolved_at"].astype("datetime64[s]"))
    assert cchc.dossier_flow(seconds, PERIOD, by="unit").equals(cchc.dossier_flow(frame, PERIOD, by="unit"))


def test_large_frames_name_the_first_bad_row_as_small_frames_do():
    frame = _large_frame(150_000)
    nat = frame.copy()
    nat.loc[nat.index[120_000], "received_at"] = pd.NaT
    label = nat.index[120_000]
    with pytest.raises(cchc.ArgumentError, match=f"received_at: index {label}: expected a date-time, found NaT"):
        cchc.dossier_flow(nat, PERIOD, by="unit")
    bad = frame.copy()
    bad.loc[bad.index[100_001], "processing_time"] = -3
    bad.loc[bad.index[100_001], "processing_unit"] = "working_days"
    bad.loc[bad.index[100_001], "resolved_at"] = pd.NaT
    bad.loc[bad.index[100_001], "end_kind"] = None
    with pytest.raises(cchc.ArgumentError, match=f"index {bad.index[100_001]}: expected a processing time >= 0"):
        cchc.classify(bad, PERIOD)


def test_category_columns_of_names_give_the_canonical_codes_whatever_their_order():
    # Categoricals are recoded in C++ (a few categories: compare-and-select passes; more: a table):
    # every order of categories, unused categories, missing values where a default exists.
    from cchc import _dossiers as D

    rng = np.random.default_rng(4)
    for cats in (["online", "in_person", "post"], ["post", "online"], ["in_person"], ["Trực tuyến", "post"]):
        values = pd.Categorical(np.array(cats, dtype=object)[rng.integers(0, len(cats), 5000)],
                                categories=cats + ["online"] if "online" not in cats else cats)
        got = D._codes(pd.Series(values), "channel", pd.RangeIndex(5000), D._CHANNELS, D._CHANNEL_ALIASES, None)
        names = {"trực tuyến": "online"}
        expected = [D._CHANNELS.index(names.get(str(v).casefold(), v)) for v in values]
        assert got.tolist() == expected, cats
    units = pd.Series(pd.Categorical(["working_hours", None, "calendar_days", "half_days"] * 50))
    got = D._codes(units, "processing_unit", units.index, D._UNITS, D._UNIT_ALIASES, 0)
    assert got.tolist() == [D._UNITS.index(v) if isinstance(v, str) else 0 for v in units]
    many = pd.Series(pd.Categorical(np.array(D._UNITS * 3, dtype=object)))  # int8 codes, 5 categories
    assert D._codes(many, "processing_unit", many.index, D._UNITS, D._UNIT_ALIASES, 0).tolist() == \
        [D._UNITS.index(v) for v in many]


@pytest.mark.parametrize("unit", ["ns", "us", "ms", "s", "m", "h", "D"])
def test_datetime64_to_minutes_in_cpp_is_numpy_s_floor_for_every_value_and_unit(unit):
    # The C++ conversion (a shift, a division in double precision and one correction step) against
    # NumPy's own cast to [m] (a floor), on random values of the whole representable range of cchc
    # (years 1 … 9999, clipped to what the unit can hold), values next to whole minutes (where a
    # rounding error would show), before 1970, and NaT.
    from cchc import _core

    rng = np.random.default_rng(len(unit))
    per_minute = {"ns": 60 * 10**9, "us": 60 * 10**6, "ms": 60_000, "s": 60, "m": 1, "h": 1, "D": 1}[unit]
    first, last = np.datetime64("0001-01-01T00:00", "m"), np.datetime64("9999-12-31T00:00", "m")  # cchc's range
    big = np.iinfo(np.int64)
    if unit == "ns":  # (the unit holds 1677 … 2262 only; NumPy's cast wraps around at its very bottom)
        lo, hi = big.min + per_minute, big.max
        extremes = np.array([big.min + 1, big.max], dtype=np.int64).view("datetime64[ns]")
        assert _core._datetime64_minutes(extremes, extremes, "x")[0].tolist() == [(big.min + 1) // per_minute,
                                                                                   big.max // per_minute]
    elif per_minute > 1:
        lo, hi = first.astype(f"datetime64[{unit}]").view(np.int64), last.astype(f"datetime64[{unit}]").view(np.int64)
        hi += per_minute - 1  # the last minute's last tick
    else:  # coarser than a minute: whole units inside the range
        step = {"m": 1, "h": 60, "D": 1440}[unit]
        lo, hi = -(-first.view(np.int64) // step), last.view(np.int64) // step
    values = rng.integers(lo, hi, 200_000, dtype=np.int64, endpoint=True)
    minutes = rng.integers(lo // per_minute + 1, hi // per_minute - 1, 50_000, dtype=np.int64)
    near = np.concatenate([minutes * per_minute + d for d in (-1, 0, 1)]) if per_minute > 1 else minutes
    values = np.concatenate([values, near, [lo, hi, -1, 0, 1, np.iinfo(np.int64).min]])
    values = values[(values >= lo) | (values == np.iinfo(np.int64).min)]
    a = values.view(f"datetime64[{unit}]")
    got, first_nat = _core._datetime64_minutes(a, a, "x")
    expected = a.astype("datetime64[m]").view(np.int64)
    assert first_nat == len(values) - 1
    np.testing.assert_array_equal(got, expected)
    # one tick outside the range: refused (by the fallback, which names the position)
    if unit != "ns":
        for outside in (lo - 1, hi + 1):
            with pytest.raises(cchc.ArgumentError, match="outside the supported dates"):
                _core._datetime64_minutes(np.array([0, outside], dtype=np.int64).view(f"datetime64[{unit}]"),
                                          np.array([0, outside], dtype=np.int64).view(f"datetime64[{unit}]"), "x")
