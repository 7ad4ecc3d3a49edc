# cchc score --units (names, levels, the tree of a day, parents rolled up before scoring), markdown
# output, cchc rank --bands, and cchc check on several reports. Expected numbers are worked out
# here: C1 90/100, C2 45/50, C3 30/40; before 1/7/2025 D1 = C1 + C2 = 135/150 and D2 = C3 = 30/40,
# P = 165/190; vn.766's timeliness leaf is worth 20 × rate, 2 decimals half away from zero.
. "$(dirname "$0")/lib.sh"
D="$TESTS/data/units"
CARD="$WORK/card.json"
cat >"$CARD" <<'JSON'
{"format": "cchc.scorecard", "version": 1, "id": "t.on-time", "max_points": 20,
 "groups": [{"id": "timeliness", "max_points": 20, "children": [
   {"id": "ON_TIME", "max_points": 20, "rule": "linear", "value": "ratio(totalOnTime, totalReceived)"}]}]}
JSON

# Before the reform: three tiers; parents are scored from their children's summed counts.
run score --scorecard "$CARD" --figures "$D/communes.csv" --units "$D/units.csv" --on 2025-06-30 --format json
expect_exit 0
expect_json
u() { echo "[u for u in j['units'] if u['unit'] == '$1'][0]"; }
expect_json_true "$(u D1)['points'] == '18.00' and $(u D1)['level'] == 'district' and $(u D1)['name'] == 'Huyện D1'"
expect_json_true "$(u D2)['points'] == '15.00'"
expect_json_true "$(u P)['points'] == '17.37'"   # 20 × 165/190 = 17.368…
# Ranked within their level: C1 and C2 (18) share rank 1, C3 (15) is 3; D1 1, D2 2; P alone 1.
expect_json_true "[$(u C1)['rank'], $(u C2)['rank'], $(u C3)['rank'], $(u D1)['rank'], $(u D2)['rank'], $(u P)['rank']] == [1, 1, 3, 1, 2, 1]"
# After the reform: two tiers, the districts are gone.
run score --scorecard "$CARD" --figures "$D/communes.csv" --units "$D/units.csv" --on 2025-07-01 --format json
expect_exit 0
expect_json_true "sorted(u['unit'] for u in j['units']) == ['C1', 'C2', 'C3', 'P'] and $(u P)['points'] == '17.37'"
# The ranking table names units and levels; markdown prints it as a pipe table.
run score --scorecard "$CARD" --figures "$D/communes.csv" --units "$D/units.csv" --on 2025-06-30 --format markdown --lang en
expect_exit 0
expect_out "| Rank | Unit | Name | Level | Points |"
expect_out "Huyện D1"
# The csv has exactly the columns of issue 11.
run score --scorecard "$CARD" --figures "$D/communes.csv" --units "$D/units.csv" --on 2025-06-30 --format csv
expect_exit 0
[ "$(head -n 1 "$WORK/out" | tr -d "\r")" = "unit,id,kind,points,max_points,rate,rule,grade,rank" ] || fail "csv header"
expect_out "D1,ON_TIME,leaf,18.00,20,90.00,linear: 20 × value,,"
# A dated units file needs --on; --on needs --units; a unit the tree does not know that day is refused.
run score --scorecard "$CARD" --figures "$D/communes.csv" --units "$D/units.csv"
expect_exit 2
expect_err "give --on DATE"
run score --scorecard "$CARD" --figures "$D/communes.csv" --on 2025-07-01
expect_exit 2
expect_err "give --units"
printf 'unit,totalOnTime,totalReceived\nD1,1,2\n' >"$WORK/districts.csv"
run score --scorecard "$CARD" --figures "$WORK/districts.csv" --units "$D/units.csv" --on 2025-07-01
expect_exit 2
expect_err "'D1', which the units file"
printf 'code,level,parent\nA,x,B\n' >"$WORK/bad-units.csv"
run score --scorecard "$CARD" --figures "$D/communes.csv" --units "$WORK/bad-units.csv"
expect_exit 2
expect_err "bad-units.csv:2:5"
expect_err "unknown parent 'B'"
run score --scorecard "$CARD" --units "$D/units.csv" --on 2025-07-01 "$SRC/examples/tran-de-2023/report.json"
expect_exit 2

# rank --markdown and --bands: A at or above 90 %, B at or above 80 %, C below.
run rank --figures "$D/communes.csv" --by "ratio(totalOnTime, totalReceived)" --bands "$D/bands.json" --format json
expect_exit 0
expect_json_true "[(r['unit'], r['rank'], r['band']) for r in j['ranking']] == [('C1', 1, 'A'), ('C2', 1, 'A'), ('C3', 3, 'C')]"
run rank --figures "$D/communes.csv" --by "ratio(totalOnTime, totalReceived)" --format markdown --lang en
expect_exit 0
expect_out "| Rank | Unit |"
printf '{"format": "cchc.bands", "version": 1, "bands": [{"band": "B", "at_or_above": "80%%"},\n {"band": "A", "at_or_above": "90%%"}]}\n' >"$WORK/bad-bands.json"
run rank --figures "$D/communes.csv" --by "totalOnTime" --bands "$WORK/bad-bands.json"
expect_exit 2
expect_err "bad-bands.json:2:2"
expect_err "highest bound down"

# check on several reports: one row per file, the worst exit status; an unreadable file is reported
# and the others are still checked; a commune report's empty sections are notes.
"$PYTHON" - "$SRC/examples/tran-de-2023/report.json" "$WORK/commune.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
for key in ("direction", "public_finance"):
    r[key] = {}
r["one_stop"] = {}
r["assessment"] = {}
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
run check "$WORK/commune.json" --format json
expect_json_true "sorted(f['where']['path'] for f in j['findings'] if f['rule'] == 'report.section_missing') == ['\$.assessment', '\$.direction', '\$.one_stop', '\$.public_finance']"
run check "$SRC/examples/tran-de-2023/report.json" "$WORK/commune.json" --format json
expect_exit 1
expect_json_true "[f['exit'] for f in j['files']] == [1, 1] and j['exit'] == 1"
run check "$WORK/commune.json" "$TESTS/data/broken.json" "$SRC/examples/tran-de-2023/report.json" --format json
expect_exit 2
expect_json_true "[f['exit'] for f in j['files']] == [1, 2, 1] and j['files'][1]['error'] is not None"
expect_err "broken.json"
run check "$SRC/examples/tran-de-2023/report.json" "$WORK/commune.json" --format csv
expect_exit 1
head -n 1 "$WORK/out" | grep -q '^file,' || fail "csv has a file column first"
run check "$SRC/examples/tran-de-2023/report.json" "$WORK/commune.json" --lang en
expect_exit 1
expect_out "Files"
expect_out "commune.json"
echo "units: ok"
