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

pass
