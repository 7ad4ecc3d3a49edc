# cchc flows TABLE.csv: a published flow table checked without a report. Expected rates are computed
# here with Python's fractions (independently of cchc) where the test asserts a reproduction.
. "$(dirname "$0")/lib.sh"
D="$TESTS/data/flows"

pct() {  # pct NUM DEN MODE → NUM/DEN in percent at 2 decimals with Python's decimal MODE
  "$PYTHON" -c "from decimal import Decimal as D, $3; print((D($1) * 100 / D($2)).quantize(D('0.01'), rounding=$3))"
}

# The seed: both rows add up, 97,55 is resolved_basis, 99,69 four conventions; exit 0.
run flows "$D/seed.csv" --format json
expect_exit 0
expect_json
expect_json_true "j['summary'] == {'error': 0, 'warning': 0, 'info': 0}"
expect_json_true "j['rows'][0]['flow'] == {'received': 14083, 'resolved_in_time': 13676, 'resolved_late': 343, 'pending_in_time': 64, 'pending_overdue': 0}"
expect_json_true "j['figures'][0]['printed'] == '97.55' == '$(pct 13676 14019 ROUND_HALF_UP)'"
expect_json_true "j['figures'][0]['printed_text'] == '97,55 %'"
expect_json_true "j['figures'][0]['bases']['resolved_basis'] == {'numerator': '13676', 'denominator': '14019'}"
expect_json_true "{m['basis'] for m in j['figures'][0]['matches']} == {'resolved_basis'}"
expect_json_true "len(j['figures'][0]['matches']) == 5"
expect_json_true "{m['basis'] for m in j['figures'][1]['matches']} == {'resolved_basis', 'received_basis', 'late_complement', 'portal_timeliness'}"
expect_empty_err

run flows "$D/seed.csv" --lang en
expect_exit 0
expect_out "resolved_basis@2: half_away_from_zero, half_even, half_toward_zero, toward_zero, floor"
expect_out "no findings"

# Mixed roundings: a warning (exit 0), with each row's modes.
run flows "$D/mixed.csv" --format json
expect_exit 0
expect_json_true "[f['rule'] for f in j['findings']] == ['flow_table.mixed_rounding']"
expect_json_true "j['findings'][0]['numbers']['row Xã A'] == 'toward_zero, floor'"
expect_json_true "{(m['scale'], m['rounding']) for m in j['figures'][2]['matches']} >= {(0, 'half_even'), (1, 'ceiling')}"
run flows "$D/mixed.csv" --separator ';' --max-scale 0 --format json
expect_exit 0
# a figure is still tried at its printed scale; --max-scale only bounds the larger ones ("78 %")
expect_json_true "[m['scale'] for m in j['figures'][0]['matches']] == [2, 2]"
expect_json_true "[m['scale'] for m in j['figures'][2]['matches']] == [0] * 5"

# A gap and a figure nothing reproduces: findings of error severity, exit 1.
run flows "$D/findings.csv" --format json
expect_exit 1
expect_json_true "[f['rule'] for f in j['findings']] == ['flow.balance_identity', 'flow_table.not_reproduced']"
expect_json_true "j['findings'][0]['where']['line'] == 2 and j['findings'][0]['numbers']['difference'] == '5'"
expect_json_true "j['findings'][1]['numbers']['resolved_basis'] == '19/50'"
run flows "$D/findings.csv" --format csv
expect_exit 1
expect_out "row,column,printed,bases,reproduced_by"

# The same answer from Python (when the package is built): figures and findings equal the CLI's.
if [ -f "$BUILD/python/cchc/__init__.py" ]; then
  for t in seed mixed findings; do
    run flows "$D/$t.csv" --format json
    cp "$WORK/out" "$WORK/cli.json"
    PYTHONPATH="$BUILD/python" "$PYTHON" - "$D/$t.csv" "$WORK/cli.json" <<'PY' >"$WORK/out" 2>"$WORK/err" || fail "Python's check_flows differs from the CLI on $t.csv"
import json, sys
import cchc
cli = json.load(open(sys.argv[2]))
res = cchc.check_flows(sys.argv[1])
py = [[list(m) for m in ms] for ms in res.figures["matches"]]
assert py == [[[m["basis"], m["scale"], m["rounding"]] for m in f["matches"]] for f in cli["figures"]], py
assert list(res.findings["id"]) == [f["rule"] for f in cli["findings"]]
PY
  done
fi

# Errors: exit 2 with file:line:column, the column and what was expected.
run flows "$D/bad.csv"
expect_exit 2
expect_err "cchc flows: error: $D/bad.csv:3:12: received: expected a count, found \"abc\""
run flows "$D/missing.csv"
expect_exit 2
expect_err "cchc flows: error: "
run flows "$D/seed.csv" --separator x
expect_exit 2
expect_err "--separator"
run flows "$D/seed.csv" --max-scale 21
expect_exit 2
expect_err "--max-scale"
run flows "$D/seed.csv" --separator ';'
expect_exit 2
expect_err "unknown column"
pass
