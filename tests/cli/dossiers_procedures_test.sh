# cchc dossiers with a procedure catalogue, one-stop rules and --outcomes, on a hand-made log
# (tests/cli/data/procedures-2024.csv; March 2024 has no holiday, working days Monday–Friday). Worked
# by hand with the built-in catalogue (docs/procedures.md) and the rules of docs/dossiers.md §1:
#   A1 1.001193 (khai sinh: same day, cut-off 15:00), received Mon 04/03 10:00 → due Mon 04/03,
#      resolved Mon 04/03 16:00 → on time
#   A2 2.000815 (chứng thực: same day), received Tue 05/03 09:00 → due Tue 05/03, resolved Thu 07/03 → late
#   A3 P-OWN (not catalogued), its own 3.0 working days (pandas' float), received Tue 05/03 → due Fri
#      08/03, resolved Thu 07/03 → early
#   A4 X (not catalogued), promised Wed 20/03, open at the cut-off 15/03 → pending in time
#   A5 1.001193, ended 21/02, before the period → not counted
#   A6 P-OWN, 5 working days but 2.0 supplement requests → late (more than one request)
# Period 2024-03-01..2024-03-15: received 5, resolved 4 (early 1, on time 1, late 2), pending 1.
. "$(dirname "$0")/lib.sh"
LOG="$TESTS/data/procedures-2024.csv"
P="--period 2024-03-01..2024-03-15"

# Without a catalogue, A1 has neither a processing time nor a promised date: the row is an error.
run dossiers "$LOG" $P
expect_exit 2
expect_err "procedures-2024.csv:2:"
expect_err "no promised_at"

run dossiers "$LOG" $P --procedures builtin --outcomes "$WORK/outcomes.csv" --format json
expect_exit 0
expect_json_true "[r for r in j['flows'] if r['level'] == 'total'][0]['received'] == 5"
expect_json_true "[r for r in j['flows'] if r['level'] == 'total'][0]['resolved_early'] == 1"
expect_json_true "[r for r in j['flows'] if r['level'] == 'total'][0]['resolved_on_time'] == 1"
expect_json_true "[r for r in j['flows'] if r['level'] == 'total'][0]['resolved_late'] == 2"
expect_json_true "[r for r in j['flows'] if r['level'] == 'total'][0]['pending_in_time'] == 1"
expect_json_true "j['one_stop_rules'] == 'vn.one_stop.2018' and j['procedures'] == 'builtin'"
cp "$WORK/outcomes.csv" "$WORK/out"
expect_line "id,unit,level,procedure,field,channel,outcome_code,outcome,due_date,due_time,reason"
expect_line "A1,UBND xã Đại Ân 2,commune,1.001193,Hộ tịch,in_person,1,on_time,2024-03-04,,ended on the due day"
expect_line "A2,UBND xã Đại Ân 2,commune,2.000815,Chứng thực,online,2,late,2024-03-05,,ended after the due day"
expect_line "A3,UBND huyện Trần Đề,district,P-OWN,Đất đai,in_person,0,early,2024-03-08,,ended before the due day"
expect_line "A4,UBND huyện Trần Đề,district,X,Xây dựng,post,3,pending_in_time,2024-03-20,,\"not ended by the cut-off, which is not after the due day\""
expect_line "A5,UBND xã Đại Ân 2,commune,1.001193,Hộ tịch,in_person,,,,,not counted: ended before the period"
expect_line "A6,UBND huyện Trần Đề,district,P-OWN,Đất đai,online,2,late,2024-03-11,,more than one supplement request (Decision 766: late)"
[ "$(wc -l < "$WORK/outcomes.csv")" -eq 7 ] || fail "expected a header and 6 rows in --outcomes"

# A user's catalogue is merged over the built-in one: X gets 2 working days (received Mon 11/03 →
# due Wed 13/03; the promised date still wins for A4), P-OWN keeps its rows' own times.
cat > "$WORK/mine.json" <<'JSON'
{"format": "cchc.procedures", "version": 1, "procedures": [
  {"code": "X", "name_vi": "Thủ tục X", "processing": {"amount": 2, "unit": "working_days"},
   "source": {"document": "test", "confirmed": false}}]}
JSON
run dossiers "$LOG" $P --procedures "$WORK/mine.json" --format json
expect_exit 0
expect_json_true "j['procedures'] == '$WORK/mine.json'"

# The one-stop rules: chosen by the period's last day, or named.
run dossiers "$LOG" --period 2025-07-01..2025-07-31 --procedures builtin --format json
expect_exit 0
expect_json_true "j['one_stop_rules'] == 'vn.one_stop.2025'"
run dossiers "$LOG" $P --procedures builtin --one-stop-rules vn.one_stop.2025 --format json
expect_exit 0
expect_json_true "j['one_stop_rules'] == 'vn.one_stop.2025'"
run dossiers "$LOG" $P --procedures builtin --one-stop-rules vn.one_stop.2025
expect_exit 0
expect_out "vn.one_stop.2025 (do người dùng chọn)"

# Errors: each exits 2 and names what is wrong.
run dossiers "$LOG" $P --one-stop-rules vn.one_stop.1999
expect_exit 2
expect_err "--one-stop-rules"
expect_err "vn.one_stop.2018, vn.one_stop.2025"
printf '{"format": "cchc.one_stop_rules", "version": 1, "id": 7}' > "$WORK/rules.json"
run dossiers "$LOG" $P --one-stop-rules "$WORK/rules.json"
expect_exit 2
expect_err "rules.json"
expect_err "\$.id"
run dossiers "$LOG" $P --procedures "$WORK/missing.json"
expect_exit 2
expect_err "missing.json"
printf '{"format": "cchc.procedures", "version": 1, "procedures": [{"code": "A"}]}' > "$WORK/bad.json"
run dossiers "$LOG" $P --procedures "$WORK/bad.json"
expect_exit 2
expect_err "bad.json:1:"
expect_err "\$.procedures[0]"
run dossiers "$LOG" $P --procedures builtin --outcomes "$WORK/no/such/dir/o.csv"
expect_exit 2
expect_err "o.csv"
expect_err "cannot open the outcomes file"

# --outcomes needs a period: an empty log without --period has none.
printf 'id,channel,received_at,processing_time\n' > "$WORK/empty.csv"
run dossiers "$WORK/empty.csv" --outcomes "$WORK/o.csv"
expect_exit 2
expect_err "--outcomes needs a period"

# 1.5 where a count is expected: a located error.
printf 'id,channel,received_at,processing_time\nB1,online,2024-03-04,1.5\n' > "$WORK/floats.csv"
run dossiers "$WORK/floats.csv" $P
expect_exit 2
expect_err "floats.csv:2:"
expect_err "not a whole number"

pass
