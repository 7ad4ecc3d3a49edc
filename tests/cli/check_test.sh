# cchc check on the Trần Đề 2023 example report. The findings a checker must make are listed in
# /work/shared/domain/METHODOLOGY.md §9 from reading the seed report, not from cchc's output:
#   - internal procedures reviewed: 19 of 50 printed as "đạt 30 %" (19/50 = 38 %) → an error;
#   - commune cadres meeting the standard: 118/119 printed as 99,15 % (truncated; rounded is 99,16 %)
#     → reproduced only by truncation: reported, but not an error.
# So the exit code is 1 (findings of error severity).
. "$(dirname "$0")/lib.sh"
REPORT="$SRC/examples/tran-de-2023/report.json"

run check "$REPORT" --format json
expect_exit 1
expect_json
f() { echo "[f for f in j['findings'] if f['where'].get('path') == '$1']"; }
expect_json_true "[(x['rule'], x['severity']) for x in $(f '$.procedures.internal_review.rate')] == [('percent.mismatch', 'error')]"
expect_json_true "[(x['numbers']['numerator'], x['numbers']['denominator'], x['numbers']['reported']) for x in $(f '$.procedures.internal_review.rate')] == [('19', '50', '30')]"
expect_json_true "[x['severity'] for x in $(f '$.civil_service.commune_cadres_standard.rate')] == ['warning']"
expect_json_true "[(x['numbers']['numerator'], x['numbers']['denominator'], x['numbers']['reported']) for x in $(f '$.civil_service.commune_cadres_standard.rate')] == [('118', '119', '99.15')]"
expect_json_true "'toward_zero' in $(f '$.civil_service.commune_cadres_standard.rate')[0]['numbers']['reproduced_by']"
expect_json_true "j['summary']['error'] == len([x for x in j['findings'] if x['severity'] == 'error']) >= 1"
# Grouped by severity: errors first, then warnings, then notes.
expect_json_true "[x['severity'] for x in j['findings']] == sorted([x['severity'] for x in j['findings']], key=['error', 'warning', 'info'].index)"
# The district's on-time rate 97,55 % (13 676 / 14 019) is reproduced, so it is no error.
expect_json_true "all(x['severity'] != 'error' for x in $(f '$.one_stop.flows[0].on_time_rate'))"

# The table: grouped by severity, errors first, in Vietnamese by default.
run check "$REPORT"
expect_exit 1
expect_out "Lỗi (1)"
expect_out "percent.mismatch  \$.procedures.internal_review.rate"
expect_out "19/50"
[ "$(grep -n '^Lỗi (' "$WORK/out" | cut -d: -f1)" -lt "$(grep -n '^Cảnh báo (' "$WORK/out" | cut -d: -f1)" ] ||
  fail "errors must come before warnings"
run check "$REPORT" --lang en --min-severity error
expect_exit 1
expect_out "Errors (1)"
expect_no_out "Warnings ("
expect_out "30% is printed for 19/50"

# csv: one flat table, errors first; markdown.
run check "$REPORT" --format csv
expect_exit 1
expect_out "severity,rule,where,path,message_vi,message_en,numbers"
[ "$(sed -n 2p "$WORK/out" | cut -d, -f1-2)" = "error,percent.mismatch" ] || fail "the first csv row must be the error"
run check "$REPORT" --format markdown --lang en
expect_exit 1
expect_out "### Errors (1)"

# A report without error findings exits 0: the example with the internal-review rate corrected to
# the 38 % that 19/50 gives.
"$PYTHON" - "$REPORT" "$WORK/fixed.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
j["procedures"]["internal_review"]["rate"] = {"text": "38%", "value": "38"}
json.dump(j, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
run check "$WORK/fixed.json" --format json
expect_exit 0
expect_json_true "j['summary']['error'] == 0 and j['summary']['warning'] >= 1"

# Broken input → exit 2, nothing on stdout, the message names the file, line, column / JSON path.
run check "$TESTS/data/broken.json"
expect_exit 2
expect_empty_out
expect_err "broken.json:4:"
expect_err "invalid JSON"
"$PYTHON" - "$REPORT" "$WORK/typed.json" "$WORK/unknown.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
j["year"] = "2023"
json.dump(j, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
j["year"] = 2023
j["one_stop"]["flows"][0]["colour"] = "blue"
json.dump(j, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
run check "$WORK/typed.json"
expect_exit 2
expect_err "typed.json:"
expect_err "\$.year"
# Unknown fields: an error by default (exit 2)…
run check "$WORK/unknown.json"
expect_exit 2
expect_err "\$.one_stop.flows[0].colour"
# …or a warning finding with --unknown-fields warn (the report's own error still gives exit 1).
run check "$WORK/unknown.json" --unknown-fields warn --format json
expect_exit 1
expect_json_true "[x['severity'] for x in $(f '$.one_stop.flows[0].colour')] == ['warning']"
run check "$WORK/unknown.json" --unknown-fields maybe
expect_exit 2
expect_err "--unknown-fields"
run check "$WORK/no-such-report.json"
expect_exit 2
expect_err "no-such-report.json"
run check
expect_exit 2
expect_err "missing argument REPORT.json"

pass
