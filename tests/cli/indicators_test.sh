# cchc indicators on the Trần Đề 2023 example. Inputs are the seed report's own figures (19 of 50
# internal procedures reviewed; 118 of 119 commune cadres meeting the standard; district flow row:
# 13 676 early/on time, 343 late, 64 pending within deadline, 14 083 received); the expected
# percentages are computed here with Python's decimal module (ROUND_HALF_UP = half away from zero,
# ROUND_DOWN = toward zero), independently of cchc.
. "$(dirname "$0")/lib.sh"
REPORT="$SRC/examples/tran-de-2023/report.json"

pct() {  # pct NUM DEN MODE → the percentage at 2 decimals
  "$PYTHON" -c "from decimal import Decimal as D, ROUND_HALF_UP, ROUND_DOWN; print((D($1) * 100 / D($2)).quantize(D('0.01'), rounding=$3))"
}

run indicators "$REPORT" --format json
expect_exit 0
expect_json
ind() { echo "[i for i in j['indicators'] if i['id'] == '$1'][0]"; }
expect_json_true "$(ind procedures.internal_reviewed_share)['percent'] == '$(pct 19 50 ROUND_HALF_UP)'"
expect_json_true "($(ind procedures.internal_reviewed_share)['numerator'], $(ind procedures.internal_reviewed_share)['denominator']) == ('19', '50')"
expect_json_true "$(ind civil_service.commune_cadres_standard)['percent'] == '$(pct 118 119 ROUND_HALF_UP)'"
expect_json_true "$(ind one_stop.on_time.district.resolved_basis)['percent'] == '$(pct 13676 13676+343 ROUND_HALF_UP)'"
expect_json_true "$(ind one_stop.on_time.district.received_basis)['percent'] == '$(pct 13676+64 14083 ROUND_HALF_UP)'"
# Every indicator has a formula and a source; rates carry exact numerator and denominator strings.
expect_json_true "all(i['formula'] and i['source'] for i in j['indicators'])"
expect_json_true "all(isinstance(i['numerator'], str) for i in j['indicators'] if i['kind'] == 'rate')"
expect_json_true "j['scale'] == 2 and j['rounding'] == 'half_away_from_zero'"

# Truncation reproduces the report's printed 99,15 %.
run indicators "$REPORT" --rounding toward_zero --id civil_service.commune_cadres --format json
expect_exit 0
expect_json_true "$(ind civil_service.commune_cadres_standard)['percent'] == '$(pct 118 119 ROUND_DOWN)' == '99.15'"
expect_json_true "all(i['id'].startswith('civil_service.commune_cadres') for i in j['indicators'])"

# The table: Vietnamese number style by default, formula and source shown.
run indicators "$REPORT"
expect_exit 0
expect_out "procedures.internal_reviewed_share"
expect_out "38,00%"
expect_out "19 / 50"
run indicators "$REPORT" --lang en --scale 1
expect_exit 0
expect_out "38.0%"
expect_out "Source: "
run indicators "$REPORT" --format csv
expect_exit 0
expect_out "id,kind,numerator,denominator,percent,value,unit,label_vi,label_en,formula,source,inferred,path"
expect_out "procedures.internal_reviewed_share,rate,19,50,38.00,,"

run indicators "$REPORT" --rounding up
expect_exit 2
expect_err "--rounding"
run indicators "$REPORT" --scale x
expect_exit 2
expect_err "--scale"
run indicators "$TESTS/data/broken.json"
expect_exit 2
expect_err "broken.json:4:"

# --catalogue replaces the built-in catalogue: every zero-denominator policy, effective periods.
CAT="$SRC/tests/data/indicators/policies.cchc.json"
run indicators "$REPORT" --catalogue "$CAT" --format json
expect_exit 0
expect_json_true "j['catalogue'] == 'test.policies' and j['scale'] == 1 and j['rounding'] == 'half_even'"
expect_json_true "[i['id'] for i in j['indicators']] == ['z.undefined', 'z.zero', 'z.full', 'z.not_scored', 'period.ended', 'period.future', 'period.in_force', 'value.third']"
expect_json_true "$(ind z.undefined)['percent'] is None and ($(ind z.undefined)['numerator'], $(ind z.undefined)['denominator']) == ('23', '0')"
expect_json_true "$(ind z.zero)['percent'] == '0.0' and 'policy zero' in $(ind z.zero)['reason']"
expect_json_true "$(ind z.full)['percent'] == '100.0' and 'full_points' in $(ind z.full)['reason']"
expect_json_true "$(ind z.not_scored)['kind'] == 'not_scored' and 'percent' not in $(ind z.not_scored)"
expect_json_true "$(ind period.ended)['kind'] == 'not_applicable' and '2020-12-31' in $(ind period.ended)['reason']"
expect_json_true "$(ind period.future)['kind'] == 'not_applicable' and '2025-07-01' in $(ind period.future)['reason']"
expect_json_true "$(ind period.in_force)['percent'] == '38.0' and $(ind period.in_force)['source'] == '766/QĐ-TTg, 23/06/2022'"
expect_json_true "$(ind value.third)['value'] == '7.7' and 'no finite decimal expansion' in $(ind value.third)['reason']"
# --scale/--rounding override the catalogue's.
run indicators "$REPORT" --catalogue "$CAT" --scale 3 --rounding toward_zero --format json
expect_exit 0
expect_json_true "$(ind period.in_force)['percent'] == '38.000' and $(ind value.third)['value'] == '7.666'"
run indicators "$REPORT" --catalogue "$CAT" --lang en
expect_exit 0
expect_out "not applicable (in force 2015-01-01 – 2020-12-31, the period ends 2023-12-13)"
expect_out "Catalogue:"
# A broken catalogue is exit 2 with file:line:column and what was expected; a missing one too.
printf '{"format": "cchc.indicators", "version": 1, "id": "x",\n "indicators": [{"id": "a", "value": "1", "source": {"text": "s"}, "zero_denominator": "always"}]}\n' > "$WORK/bad.json"
run indicators "$REPORT" --catalogue "$WORK/bad.json"
expect_exit 2
expect_err "bad.json:2:"
expect_err "zero_denominator"
expect_err "expected undefined, zero, full_points or not_scored"
run indicators "$REPORT" --catalogue "$WORK/none.json"
expect_exit 2
expect_err "none.json"

pass
