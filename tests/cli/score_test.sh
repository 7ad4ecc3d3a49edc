# cchc score / cchc rank on a figures table under the portal feed's names. Expected points are
# computed here with Python's fractions and decimal (ROUND_HALF_UP per metric, then summed),
# independently of cchc; the last part checks that Python's Scorecard.score gives the CLI's numbers.
. "$(dirname "$0")/lib.sh"
T="$TESTS/data/score/portal.csv"

r2() {  # r2 EXPR → EXPR (a Python expression over Fraction F) rounded to 2 decimals half up
  "$PYTHON" -c "from fractions import Fraction as F; from decimal import Decimal as D, ROUND_HALF_UP
x = F($1); print((D(x.numerator) / D(x.denominator)).quantize(D('0.01'), rounding=ROUND_HALF_UP))"
}

run score --scorecard vn.766 --figures "$T" --format json
expect_exit 0
expect_json
node() { echo "[n for u in j['units'] if u['unit'] == '$1' for n in u['nodes'] if n['id'] == '$2'][0]"; }
expect_json_true "$(node PT PUBLISH_ON_TIME)['points'] == '$(r2 '6*F(45,50)')'"
expect_json_true "$(node PT PUBLIC_CONTENT_FULL)['points'] == '$(r2 '2*F(7,9)')'"
expect_json_true "$(node PT DOSSIER_SYNC)['points'] == '$(r2 '6*F(98,100)')'"
expect_json_true "$(node PT ON_TIME)['points'] == '$(r2 '20*F(13676,14019)')'"
expect_json_true "$(node PT ON_TIME)['inputs'] == {'totalOnTime': '13676', 'totalReceived': '14019'}"
# payment: each term rounded, then added
add() { "$PYTHON" -c "import sys; from decimal import Decimal as D; print(sum(D(a) for a in sys.argv[1:]))" "$@"; }
expect_json_true "$(node PT ONLINE_PAYMENT)['points'] == '$(add "$(r2 '6*F(37,50)')" "$(r2 'min(2, F(5,2)*F(9,10))')" "$(r2 'F(5,2)*F("3.3333")/10')")'"
# transparency 0/0: no score shown, the group keeps its maximum 18
expect_json_true "$(node VT PUBLISH_ON_TIME)['status'] == 'no_points' and $(node VT transparency)['max_points'] == '18'"
expect_json_true "$(node VT transparency)['points'] == '$(add "$(r2 '4*F(5,5)')" "$(r2 '2*F(1,2)')" "$(r2 '6*F(100,100)')")'"
# timeliness with totalReceived = 0 gives 0 points; the online group is unknown: totals are absent
expect_json_true "$(node LT ON_TIME)['points'] == '0.00'"
expect_json_true "$(node PT ONLINE_SERVICES)['status'] == 'unknown' and $(node PT vn.766)['points'] is None"
expect_json_true "$(node LT DOSSIER_SYNC)['status'] == 'absent'"

run score --scorecard vn.766 --figures "$T" --format csv
expect_exit 0
expect_out "unit,id,kind,points,max_points,rate,rule,grade,rank"
expect_out "PT,ON_TIME,leaf,19.51,20,97.55,linear: 20 × value,,"
expect_no_out "depth"
run score --scorecard vn.766 --figures "$T" --format csv --all-columns
expect_exit 0
expect_out "unit,id,kind,depth,status,points,max_points,partial_points,rate,value,rule,reason,grade,rank"
expect_out "PT,ON_TIME,leaf,2,scored,19.51,20,,97.55,13676/14019,linear: 20 × value,,,"

run score --scorecard vn.766 --figures "$T" --lang en
expect_exit 0
expect_out "Ranking"
expect_out "unknown rule: the scoring rule is not known"

# mistakes: unknown built-in / missing file / a bad cell named by file, line, column and unit
run score --scorecard vn.999 --figures "$T"
expect_exit 2
run score --scorecard vn.766
expect_exit 2
expect_err "missing --figures"
printf 'unit,totalOnTime,totalReceived\nA,12,x\n' >"$WORK/bad.csv"
run score --scorecard vn.766 --figures "$WORK/bad.csv"
expect_exit 2
expect_err "bad.csv:2:6"
expect_err "unit A"

# reports as units: the example district card on the Trần Đề report (points checked in
# tests/cpp/report_figures_test.cpp: 79.15, grade C)
run score --scorecard example.district-par "$SRC/examples/tran-de-2023/report.json" --format json
expect_exit 0
expect_json_true "j['units'][0]['points'] == '79.15' and j['units'][0]['grade'] == 'C'"
run score --scorecard example.district-par "$SRC/examples/tran-de-2023/report.json" --figures "$T"
expect_exit 2
expect_err "not both"

# rank: exact, ties explicit, missing last
printf 'unit,a,b\nX,1,3\nY,2,6\nZ,1,2\nW,,1\n' >"$WORK/rank.csv"
run rank --figures "$WORK/rank.csv" --by "a / b" --format json
expect_exit 0
expect_json
expect_json_true "[(r['unit'], r['rank']) for r in j['ranking']] == [('Z', 1), ('X', 2), ('Y', 2), ('W', None)]"
run rank --figures "$WORK/rank.csv" --by "a / b" --dense --lower-is-better --format json
expect_json_true "[(r['unit'], r['rank']) for r in j['ranking']] == [('X', 1), ('Y', 1), ('Z', 2), ('W', None)]"
run rank --figures "$WORK/rank.csv" --by "c"
expect_exit 2
expect_err "unknown figure 'c'"

# Same numbers from Python (when the module is built): Scorecard.score on the same table.
if [ -d "$BUILD/python/cchc" ]; then
  run score --scorecard vn.766 --figures "$T" --format csv
  cp "$WORK/out" "$WORK/cli.csv"
  PYTHONPATH="$BUILD/python" "$PYTHON" - "$T" "$WORK/cli.csv" <<'PY' || fail "Python's Scorecard.score differs from cchc score"
import csv, sys
from decimal import Decimal
import pandas as pd
import cchc
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False).replace("", None)
table = cchc.Scorecard.builtin("vn.766").score(frame)
py = {(r.unit, r.id): ("" if r.points is None else str(r.points)) for r in table.itertuples()}
cli = {(r["unit"], r["id"]): r["points"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
assert py == cli, {k: (py.get(k), cli.get(k)) for k in set(py) | set(cli) if py.get(k) != cli.get(k)}
PY
fi

# --dossiers: each level's flow over the period by the dossier kernel, scored by vn.766's timeliness.
# From the march-2023 log (cchc dossiers --by level): commune in time 0 + pending in time 1 = 1,
# late 1 + pending overdue 1 = 2 → 20 × 1/3 = 6.67; district 3 in time, nothing overdue → 20.00.
run score --scorecard vn.766 --dossiers "$TESTS/data/march-2023.csv" --period 2023-03-01..2023-03-31 --by level --format csv
expect_exit 0
expect_line "commune,ON_TIME,leaf,6.67,20,33.33,linear: 20 × value,,"
expect_line "district,ON_TIME,leaf,20.00,20,100.00,linear: 20 × value,,"
run score --scorecard vn.766 --dossiers "$TESTS/data/march-2023.csv"
expect_exit 2
expect_err "--period"
echo "score: ok"
