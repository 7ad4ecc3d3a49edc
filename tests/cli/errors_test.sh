# docs/errors.md, entry by entry: each error class of include/cchc/error.hpp that the CLI can meet,
# each exit code, and the shape of the message (who, "error:", where, what was expected). The entry
# names in the comments are the headings of docs/errors.md; keep the two in step.
. "$(dirname "$0")/lib.sh"
REPORTS="$SRC/tests/data/reports"
SCHEDULES="$SRC/tests/data/calendar"
LOGS="$SRC/tests/data/dossier_log"

# expect_error_line CMD PATTERN : stderr's first line is "cchc CMD: error: ..." and matches the
# extended regular expression PATTERN (anchored at the start of the text after "error: ").
expect_error_line() {
  first=$(head -1 "$WORK/err")
  case "$first" in
    "cchc $1: error: "*) ;;
    *) fail "expected stderr to start with 'cchc $1: error: '" ;;
  esac
  printf '%s\n' "${first#"cchc $1: error: "}" | grep -qE -- "^$2" || fail "expected the message to match '$2'"
}

# --- exit 0 ----------------------------------------------------------------------------------------
run calendar 2024
expect_exit 0
expect_empty_err

# --- exit 1: findings of error severity (check only) ---------------------------------------------
run check "$SRC/examples/tran-de-2023/report.json" --min-severity error
expect_exit 1
expect_out "percent.mismatch"
expect_empty_err
run flows "$TESTS/data/flows/findings.csv"
expect_exit 1
expect_out "flow_table.not_reproduced"
expect_empty_err

# --- exit 2, usage error ---------------------------------------------------------------------------
run due 2023-02-30 3
expect_exit 2
expect_empty_out
head -1 "$WORK/err" | grep -qxF "cchc due: invalid DATE: expected a date YYYY-MM-DD or dd/mm/yyyy, found '2023-02-30' (day 30 does not exist in February 2023 (28 days))" ||
  fail "expected the usage message naming DATE"
expect_err "usage: cchc due DATE N"
expect_err "Try 'cchc due --help' for more information."
run frobnicate
expect_exit 2
expect_err "cchc: unknown command 'frobnicate'"

# --- exit 2, io_error: a file that cannot be opened or read ---------------------------------------
run check "$WORK/missing.json"
expect_exit 2
expect_empty_out
expect_error_line check "$WORK/missing.json: cannot open the report file for reading$"
run calendar 2024 --schedule "$WORK/missing.csv"
expect_exit 2
expect_error_line calendar "$WORK/missing.csv: cannot open the schedule file for reading$"
run dossiers "$WORK/missing.csv"
expect_exit 2
expect_error_line dossiers "$WORK/missing.csv: cannot open the dossier log"
run dossiers "$TESTS/data/march-2023.csv" --procedures "$WORK/missing.json"
expect_exit 2
expect_error_line dossiers "$WORK/missing.json: cannot open the procedure catalogue$"

# --- exit 2, parse_error: malformed text, with file:line:column and the JSON path or column ------
run check "$TESTS/data/broken.json"
expect_exit 2
expect_error_line check "$TESTS/data/broken.json:4:24: \\\$\\.unit: invalid JSON: syntax error"
run check "$REPORTS/duplicate_key.json"
expect_exit 2
expect_error_line check "$REPORTS/duplicate_key.json:[0-9]+:[0-9]+: \\\$\\.direction\\.plan\\.tasks: duplicate key \"tasks\""
run check "$REPORTS/impossible_month.json"
expect_exit 2
expect_error_line check "$REPORTS/impossible_month.json:[0-9]+:[0-9]+: \\\$\\.period\\.to: expected a date"
run calendar 2027 --schedule "$SCHEDULES/bad_kind.json"
expect_exit 2
expect_error_line calendar "$SCHEDULES/bad_kind.json:1:[0-9]+: \\\$\\.days\\[0\\]\\.kind: kind: expected a kind of day .*found 'holyday'"
run calendar 2027 --schedule "$SCHEDULES/bad_feb29.csv"
expect_exit 2
expect_error_line calendar "$SCHEDULES/bad_feb29.csv:3:1: date: expected a date"
run dossiers "$TESTS/data/march-2023-bad.csv"
expect_exit 2
expect_error_line dossiers "$TESTS/data/march-2023-bad.csv:5:40: D8: channel: expected online, in_person or post"
run dossiers "$LOGS/bad_utf8.csv"
expect_exit 2
expect_error_line dossiers "$LOGS/bad_utf8.csv:[0-9]+"
run dossiers "$TESTS/data/march-2023.csv" --procedures "$SRC/tests/data/procedures/same_day_2.json"
expect_exit 2
expect_error_line dossiers "$SRC/tests/data/procedures/same_day_2.json:2:72: \\\$\\.procedures\\[0\\]\\.processing\\.amount: expected 0 or 1 for a same_day"
sed 's/"value": true/"value": false/' "$SRC/data/one_stop/vn.one_stop.2025.json" > "$WORK/rules.json"
run dossiers "$TESTS/data/march-2023.csv" --one-stop-rules "$WORK/rules.json"
expect_exit 2
expect_error_line dossiers "$WORK/rules.json:28:14: \\\$\\.day_off_receipt_moves_to_next_working_day\\.value: cchc's deadline rules implement only true"
run flows "$TESTS/data/flows/bad.csv"
expect_exit 2
expect_error_line flows "$TESTS/data/flows/bad.csv:3:12: received: expected a count, found \"abc\""
printf 'code,level,parent\nP,province,\nD,district,Q\n' >"$WORK/bad-units.csv"
printf 'unit,x\nP,1\n' >"$WORK/one.csv"
run score --scorecard vn.766 --figures "$WORK/one.csv" --units "$WORK/bad-units.csv"
expect_exit 2
expect_error_line score "$WORK/bad-units.csv:3:12: unit D: parent: unknown parent 'Q'"
printf '{"format": "cchc.bands", "version": 1, "bands": [{"band": "B", "at_or_above": "80%%"},\n {"band": "A", "at_or_above": "90%%"}]}\n' >"$WORK/bad-bands.json"
run rank --figures "$WORK/one.csv" --by x --bands "$WORK/bad-bands.json"
expect_exit 2
expect_error_line rank "$WORK/bad-bands.json:2:2: \\\$\\.bands\\[1\\]: the bands must run from the highest bound down"
# several reports: the worst exit, the unreadable one named, the others still checked
run check "$SRC/examples/tran-de-2023/report.json" "$WORK/missing.json"
expect_exit 2
expect_error_line check "$WORK/missing.json: cannot open the report file for reading$"
expect_out "percent.mismatch"

# --- exit 2, argument_error: a value the operation cannot take ----------------------------------
run calendar 2024 --schedule "$WORK/holidays.txt"
expect_exit 2
expect_error_line calendar "$WORK/holidays.txt: expected a schedule file ending in \\.json or \\.csv, found '\\.txt'$"
printf 'code,level,parent,valid_to\nP,province,,\nD1,district,P,2025-06-30\n' >"$WORK/units.csv"
printf 'unit,x\nD1,1\n' >"$WORK/districts.csv"
printf '{"format": "cchc.scorecard", "version": 1, "id": "t", "max_points": 1, "groups": [{"id": "g", "max_points": 1, "children": [{"id": "l", "max_points": 1, "rule": "formula", "value": "x"}]}]}\n' >"$WORK/card.json"
run score --scorecard "$WORK/card.json" --figures "$WORK/districts.csv" --units "$WORK/units.csv" --on 2025-07-01
expect_exit 2
expect_error_line score "$WORK/districts.csv:2: unit D1: unit: the figures table has unit 'D1', which the units file .* does not list as valid on 2025-07-01$"

# --- exit 2, range_error: outside what the library supports -------------------------------------
run due 2199-12-20 30
expect_exit 2
expect_error_line due "due: the due date falls outside the calendar's supported range 1900-01-01 … 2199-12-31"

# --- never exit 3: the CLI's own code throws nothing on any input ----------------------------------
# A schedule CSV whose reason has invalid UTF-8 bytes (0xFF, a lone 0xEA). The JSON writer used to
# throw nlohmann's type_error.316 (exit 3, "internal error"). Whatever the loader decides (accept the
# bytes: exit 0; refuse the file: exit 2 naming it), every format must be written or refused cleanly,
# and a JSON output must be valid JSON.
printf 'date,kind,document,issued,reason_vi,reason_en\n2027-03-08,day_off,QD 99,2026-12-01,Ngh\377 th\352m,Extra\n' \
  >"$WORK/bad_utf8_reason.csv"
for format in json csv markdown table; do
  run calendar 2027 --schedule "$WORK/bad_utf8_reason.csv" --format "$format"
  [ "$LAST_RC" -eq 0 ] || [ "$LAST_RC" -eq 2 ] || fail "expected exit 0 or 2 (never 3) with --format $format"
  if [ "$LAST_RC" -eq 2 ]; then
    expect_error_line calendar "$WORK/bad_utf8_reason.csv:2"
  elif [ "$format" = json ]; then
    expect_json
    expect_json_true "any(d['reason_vi'] == 'Ngh\ufffd th\ufffdm' for d in j['days'])"
  fi
done

# A number beyond any double (1e400) in a report or a schedule used to escape as nlohmann's
# out_of_range.406 (exit 3); now it is bad input at its line and column (exit 2).
printf '{"format": "cchc.report", "version": 1, "year": 1e400}\n' >"$WORK/huge.json"
run check "$WORK/huge.json"
expect_exit 2
expect_err "huge.json:1:"
printf '{"days": [{"date": 1e400, "kind": "day_off"}]}\n' >"$WORK/huge_schedule.json"
run calendar 2027 --schedule "$WORK/huge_schedule.json"
expect_exit 2
expect_err "huge_schedule.json:1:"

pass
