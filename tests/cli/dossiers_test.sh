# cchc dossiers: the flow table of a small hand-made log (tests/cli/data/march-2023.csv). The expected
# figures were worked out by hand from the log and the March 2023 calendar (no holiday in March;
# working days Monday–Friday), with the rules of cchc/dossier.hpp (Decision 766):
#   D1 district online,    received Wed 01/03, 3 wd → due Mon 06/03, resolved Fri 03/03  → early
#   D2 district in person, received Thu 02/03, 2 wd → due Mon 06/03, resolved Mon 06/03  → on time
#   D3 commune in person,  received Mon 06/03, 1 wd → due Tue 07/03, resolved Thu 09/03  → late
#   D4 commune online,     received Tue 28/03, 5 wd → due Tue 04/04, open at 31/03       → pending in time
#   D5 commune post,       received Mon 20/03, 2 wd → due Wed 22/03, open at 31/03       → pending overdue
#   D6 district in person, received Mon 27/02 (before the period), 10 wd → due Mon 13/03,
#                          resolved Fri 10/03 → carried over, early
#   D7 district in person, received Wed 15/03, returned Thu 16/03 → returned/withdrawn
# district: received 4 (online 1, in person/post 2, carried over 1), resolved 3 (early 2, on time 1,
#           late 0), pending 0, returned 1 → on-time rate 3/3 = 100.00
# commune:  received 3 (online 1, in person/post 2), resolved 1 (late 1), pending 2 (1 + 1) → 0.00
# total:    received 7, resolved 4, early 2, on time 1, late 1, pending 2, returned 1 → 3/4 = 75.00
. "$(dirname "$0")/lib.sh"
LOG="$TESTS/data/march-2023.csv"
BAD="$TESTS/data/march-2023-bad.csv"

run dossiers "$LOG" --period 2023-03-01..2023-03-31 --format json
expect_exit 0
expect_json
row() { echo "[r for r in j['flows'] if r['level'] == '$1'][0]"; }
expect_json_true "[r['level'] for r in j['flows']] == ['district', 'commune', 'total']"
expect_json_true "$(row district)['received'] == 4 and $(row district)['received_online'] == 1 and $(row district)['received_offline'] == 2 and $(row district)['carried_over'] == 1"
expect_json_true "$(row district)['resolved'] == 3 and $(row district)['resolved_early'] == 2 and $(row district)['resolved_on_time'] == 1 and $(row district)['resolved_late'] == 0"
expect_json_true "$(row district)['pending'] == 0 and $(row district)['returned_withdrawn'] == 1 and $(row district)['on_time_rate'] == '100.00'"
expect_json_true "$(row commune)['received'] == 3 and $(row commune)['resolved_late'] == 1 and $(row commune)['pending_in_time'] == 1 and $(row commune)['pending_overdue'] == 1"
expect_json_true "$(row commune)['on_time_rate'] == '0.00'"
expect_json_true "$(row total)['received'] == 7 and $(row total)['resolved'] == 4 and $(row total)['pending'] == 2 and $(row total)['on_time_rate'] == '75.00'"
expect_json_true "j['period_first'] == '2023-03-01' and j['period_last'] == '2023-03-31' and j['rows'] == 7 and j['rows_skipped'] == 0"

# dd/mm/yyyy in --period; the Vietnamese table.
run dossiers "$LOG" --period 01/03/2023..31/03/2023
expect_exit 0
expect_out "Cấp huyện"
expect_out "75,00%"
expect_out "Tổng cộng"

# Decree 09 period month:2023-03 = 15/02/2023 – 14/03/2023: D3 (resolved 09/03, due 07/03) is late,
# D4, D5 and D7 are after the period; D6 is received in the period.
run dossiers "$LOG" --period month:2023-03 --format json
expect_exit 0
expect_json_true "j['period_first'] == '2023-02-15' and j['period_last'] == '2023-03-14'"
expect_json_true "$(row total)['received'] == 4 and $(row total)['carried_over'] == 0"
# annual:2023 = 15/12/2022 – 14/12/2023.
run dossiers "$LOG" --period annual:2023 --format json
expect_exit 0
expect_json_true "j['period_first'] == '2022-12-15' and j['period_last'] == '2023-12-14'"

# --by channel: online D1 (early), D4 (pending); in person D2 (on time), D3 (late), D6 (carried
# over, early), D7 (returned); post D5 (overdue).
run dossiers "$LOG" --period 2023-03-01..2023-03-31 --by channel --format csv
expect_exit 0
expect_out "channel,received,"
expect_line "in_person,4,0,3,1,3,2,1,1,1,0,0,0,1,0,0,3,66.67"
expect_line "online,2,2,0,0,1,1,1,0,0,1,1,0,0,0,1,1,100.00"
expect_line "post,1,0,1,0,0,0,0,0,0,1,0,1,0,0,0,1,"

# --by channel,level: one row per combination, summing to the --by channel rows above (in person:
# the commune's D3 late + the district's 3 = 4, carried over 1).
run dossiers "$LOG" --period 2023-03-01..2023-03-31 --by channel,level --format csv
expect_exit 0
expect_out "channel,level,received,"
expect_line "in_person,commune,1,0,1,0,1,0,0,0,1,0,0,0,0,0,0,1,0.00"
expect_line "in_person,district,3,0,2,1,2,2,1,1,0,0,0,0,1,0,0,2,100.00"
expect_line "post,commune,1,0,1,0,0,0,0,0,0,1,0,1,0,0,0,1,"
expect_line "total,,7,2,4,1,4,3,2,1,1,2,1,1,1,0,1,5,75.00"
run dossiers "$LOG" --by channel,channel
expect_exit 2
expect_err "given twice"

# Markdown in English.
run dossiers "$LOG" --period 2023-03-01..2023-03-31 --lang en --format markdown
expect_exit 0
expect_out "| District | 4 | 1 | 2 | 1 | 3 | 2 | 1 | 0 | 0 | 0 | 0 | 1 | 100.00% |"

# A bad row stops the read (exit 2) with the file, line, column (in characters), dossier id and field…
run dossiers "$BAD" --period 2023-03-01..2023-03-31
expect_exit 2
expect_err "march-2023-bad.csv:5:40: D8: channel"
expect_empty_out
# …unless --skip-bad-rows: both bad rows are reported and counted; the others give the same table.
run dossiers "$BAD" --period 2023-03-01..2023-03-31 --skip-bad-rows --format json
expect_exit 0
expect_err "2 bad row(s) skipped"
expect_err "march-2023-bad.csv:5:40: D8: channel"
expect_err "march-2023-bad.csv:10:45: D9: received_at"
expect_json_true "j['rows'] == 9 and j['rows_skipped'] == 2"
expect_json_true "$(row total)['received'] == 7 and $(row total)['on_time_rate'] == '75.00'"

# A row that cannot be classified (its deadline falls after 2199-12-31, the calendar's end) is a bad
# row like any other: named by file, line and dossier id, or skipped and counted.
printf 'id,channel,received_at,processing_time\nA,online,2199-12-01,3\nFAR,online,2199-12-20,30\nC,online,2199-12-02,3\n' >"$WORK/far.csv"
run dossiers "$WORK/far.csv" --period 2199-12-01..2199-12-31
expect_exit 2
expect_err "far.csv:3: FAR: cannot classify the dossier"
run dossiers "$WORK/far.csv" --period 2199-12-01..2199-12-31 --skip-bad-rows --format json
expect_exit 0
expect_err "1 bad row(s) skipped"
expect_err "far.csv:3: FAR"
expect_json_true "j['rows'] == 3 and j['rows_skipped'] == 1 and j['flows'][0]['received'] == 2"

# The separator is detected from the header; given, a header that splits better under another says so.
tr ',' ';' <"$LOG" >"$WORK/semicolon.csv"
run dossiers "$WORK/semicolon.csv" --period 2023-03-01..2023-03-31 --format json
expect_exit 0
expect_json_true "$(row total)['received'] == 7 and $(row total)['on_time_rate'] == '75.00'"
run dossiers "$WORK/semicolon.csv" --period 2023-03-01..2023-03-31 --separator ,
expect_exit 2
expect_err "is the file semicolon-separated? pass --separator ';'"
run dossiers "$WORK/semicolon.csv" --period 2023-03-01..2023-03-31 --separator ';' --format json
expect_exit 0
run dossiers "$LOG" --separator '|'
expect_exit 2
expect_err "--separator"

# A header of 200 000 unknown (empty) names: one warning per distinct name and one total, not 200 000.
python3 -c 'import sys; print("".join(l.rstrip("\n") + "," * 200000 + "\n" for l in open(sys.argv[1], encoding="utf-8")), end="")' "$LOG" >"$WORK/wide.csv"
run dossiers "$WORK/wide.csv" --period 2023-03-01..2023-03-31 --format json
expect_exit 0
[ "$(grep -c warning "$WORK/err")" -eq 2 ] || fail "expected 2 warning lines, found $(grep -c warning "$WORK/err")"
expect_err "200000 header fields ignored in all"
expect_json_true "$(row total)['received'] == 7"

# No progress line when stderr is not a terminal, even when forced by CCHC_PROGRESS=1.
CCHC_PROGRESS=1 "$CCHC" dossiers "$LOG" --period 2023-03-01..2023-03-31 >"$WORK/out" 2>"$WORK/err"
LAST_RC=$?
expect_exit 0
expect_empty_err

# Without --period: the first to the last receipt day of the log (27/02 – 28/03/2023).
run dossiers "$LOG" --format json
expect_exit 0
expect_json_true "j['period_first'] == '2023-02-27' and j['period_last'] == '2023-03-28' and j['period_source'] == 'log_span'"

# Bad arguments and inputs.
run dossiers "$LOG" --period 2023-03-31..2023-03-01
expect_exit 2
expect_err "--period"
run dossiers "$LOG" --period annual:23
expect_exit 2
expect_err "--period"
run dossiers "$LOG" --by colour
expect_exit 2
expect_err "--by"
run dossiers "$WORK/missing.csv" --period annual:2023
expect_exit 2
expect_err "missing.csv"
run dossiers
expect_exit 2
expect_err "missing argument LOG.csv"

pass
