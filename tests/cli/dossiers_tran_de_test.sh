# cchc dossiers on the generated Trần Đề 2023 log (<build>/examples/tran-de-2023/dossiers.csv, made
# by the bulk area's generator at build time) against the table the district published in the seed
# report (section II.2.2, period 15/12/2022 – 13/12/2023):
#   district: received 14 083, online 999, early + on time 13 676, late 343, pending within 64, overdue 0, 97,55 %
#   commune:  received 80 878, online 747, early + on time 80 629, late 249, pending 0, 99,69 %
# The numbers below are the seed's, typed from the report, not cchc's output.
. "$(dirname "$0")/lib.sh"
LOG="$BUILD/examples/tran-de-2023/dossiers.csv"
REPORT="$SRC/examples/tran-de-2023/report.json"
if [ ! -f "$LOG" ]; then
  echo "SKIP: $LOG not generated (build the target cchc_tran_de_2023_dossiers)"
  exit 77
fi

run dossiers "$LOG" --period 2022-12-15..2023-12-13 --format json
expect_exit 0
expect_json
row() { echo "[r for r in j['flows'] if r['level'] == '$1'][0]"; }
expect_json_true "$(row district)['received'] == 14083 and $(row district)['received_online'] == 999"
expect_json_true "$(row district)['resolved_early'] + $(row district)['resolved_on_time'] == 13676 and $(row district)['resolved_late'] == 343"
expect_json_true "$(row district)['pending_in_time'] == 64 and $(row district)['pending_overdue'] == 0 and $(row district)['on_time_rate'] == '97.55'"
expect_json_true "$(row commune)['received'] == 80878 and $(row commune)['received_online'] == 747"
expect_json_true "$(row commune)['resolved_early'] + $(row commune)['resolved_on_time'] == 80629 and $(row commune)['resolved_late'] == 249"
expect_json_true "$(row commune)['on_time_rate'] == '99.69'"

# The defaults the README's demo relies on: no --period → the log's receipt span, which is the
# report's period; --compare → every published figure matches.
run dossiers "$LOG" --compare "$REPORT" --format json
expect_exit 0
expect_json_true "j['period_first'] == '2022-12-15' and j['period_last'] == '2023-12-13'"
expect_json_true "len(j['comparison']) >= 12 and all(r['difference'] == 0 for r in j['comparison'])"
run dossiers "$LOG"
expect_exit 0
expect_out "15/12/2022"
expect_out "13/12/2023"
expect_out "97,55%"
run dossiers "$LOG" --compare "$REPORT" --lang en
expect_exit 0
expect_out "Every published figure matches the recomputed one."

# --by unit: the units' rows add up to the same total.
run dossiers "$LOG" --period 2022-12-15..2023-12-13 --by unit --format json
expect_exit 0
expect_json_true "[r for r in j['flows'] if r['unit'] == 'total'][0]['received'] == 94961"
expect_json_true "sum(r['received'] for r in j['flows'] if r['unit'] != 'total') == 94961"

# The progress line appears on a terminal (the log is over 8 MiB): run under script(1) when present.
if command -v script >/dev/null 2>&1; then
  script -qc "'$CCHC' dossiers '$LOG' --format csv >/dev/null" /dev/null >"$WORK/tty" 2>&1 </dev/null
  grep -q " %, " "$WORK/tty" || { LAST_CMD="script -qc 'cchc dossiers LOG'"; cp "$WORK/tty" "$WORK/err"; fail "expected a progress line on the terminal"; }
fi

pass
