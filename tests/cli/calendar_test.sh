# cchc calendar: the 2024 civil-service calendar against the golden list of CALENDAR.md
# (/work/shared/domain/CALENDAR.md, "Every official day off on a weekday for 2022–2024"), copied here
# by hand from that file, not from cchc's output.
. "$(dirname "$0")/lib.sh"

run calendar 2024 --format json
expect_exit 0
expect_json
weekday_off=$(json_eval "' '.join(d['date'] for d in j['days'] if not d['working'] and d['weekday'] not in ('Sat','Sun'))")
golden="2024-01-01 2024-02-08 2024-02-09 2024-02-12 2024-02-13 2024-02-14 2024-04-18 2024-04-29 2024-04-30 2024-05-01 2024-09-02 2024-09-03"
[ "$weekday_off" = "$golden" ] || fail "weekday days off of 2024: expected '$golden', found '$weekday_off'"
expect_json_true "[d['date'] for d in j['days'] if d['working']] == ['2024-05-04']"
expect_json_true "[d['kind'] for d in j['days'] if d['date'] == '2024-05-04'] == ['make_up_working_day']"
expect_json_true "j['weekday_days_off'] == 12 and j['make_up_working_days'] == 1"
# Every day names a document or law article.
expect_json_true "all(d['source']['document'] for d in j['days'])"

# 2022 and 2023 golden lists too (same source).
run calendar 2023 --format json
expect_exit 0
weekday_off=$(json_eval "' '.join(d['date'][5:] for d in j['days'] if not d['working'] and d['weekday'] not in ('Sat','Sun'))")
[ "$weekday_off" = "01-02 01-20 01-23 01-24 01-25 01-26 05-01 05-02 05-03 09-01 09-04" ] ||
  fail "weekday days off of 2023: found '$weekday_off'"
run calendar 2022 --format json
expect_exit 0
weekday_off=$(json_eval "' '.join(d['date'][5:] for d in j['days'] if not d['working'] and d['weekday'] not in ('Sat','Sun'))")
[ "$weekday_off" = "01-03 01-31 02-01 02-02 02-03 02-04 04-11 05-02 05-03 09-01 09-02" ] ||
  fail "weekday days off of 2022: found '$weekday_off'"

# The table (default format, Vietnamese): the make-up Saturday is shown with its date and kind.
run calendar 2024
expect_exit 0
expect_out "04/05/2024"
expect_out "Làm bù"
expect_out "Thứ Bảy"

# English, markdown and csv.
run calendar 2024 --lang en --format markdown
expect_exit 0
expect_out "| 2024-05-04 | Sat | Make-up working day |"
run calendar 2024 --format csv
expect_exit 0
expect_out "date,weekday,kind,working,reason,source,origin"
expect_out "2024-05-04,Sat,make_up_working_day,true,"

# A user schedule: an extra day off on Monday 25/11/2024 (e.g. a provincial decision).
cat >"$WORK/extra.csv" <<'CSV'
date,kind,document,issued,reason_vi,reason_en,inferred
2024-11-25,day_off,QĐ 1/QĐ-UBND,2024-11-01,Nghỉ thử,Test day off,
CSV
run calendar 2024 --schedule "$WORK/extra.csv" --format json
expect_exit 0
expect_json_true "[d['source']['document'] for d in j['days'] if d['date'] == '2024-11-25'] == ['QĐ 1/QĐ-UBND']"
expect_json_true "j['weekday_days_off'] == 13"

# Errors: bad year, year out of range, missing year, unreadable schedule.
run calendar 20x4
expect_exit 2
expect_err "YEAR"
expect_err "usage: cchc calendar"
run calendar 1800
expect_exit 2
expect_err "1900..2199"
run calendar
expect_exit 2
expect_err "missing argument YEAR"
run calendar 2024 --schedule "$WORK/does-not-exist.json"
expect_exit 2
expect_err "does-not-exist.json"

pass
