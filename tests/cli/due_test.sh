# cchc due: due dates on the civil-service calendar. Expected dates are counted by hand from the
# 2023–2024 days off of /work/shared/domain/CALENDAR.md (the Civil Code rule: the day of receipt is
# not counted), not taken from cchc's output.
. "$(dirname "$0")/lib.sh"

# Thu 19/01/2023 + 3 working days across Tết 2023 (off Fri 20/01, Mon 23 – Thu 26/01, weekends):
# Fri 27/01 (1), Mon 30/01 (2), Tue 31/01 (3).
run due 2023-01-19 3 --format json
expect_exit 0
expect_json
expect_json_true "j['due'] == '2023-01-31'"
expect_json_true "j['working_days_counted'] == 3"
# The days not counted are listed: 20/01 to 26/01 (Tết and the weekend) and the weekend 28-29/01.
expect_json_true "[d['date'][5:] for d in j['days_off']] == ['01-20','01-21','01-22','01-23','01-24','01-25','01-26','01-28','01-29']"
run due 19/01/2023 3 --lang en
expect_exit 0
expect_out "2023-01-31"
run due 2023-01-19 3
expect_exit 0
expect_out "31/01/2023"

# Received on Saturday 04/03/2023 (a plain weekend). cchc/deadline.hpp's documented rule: a dossier
# received on a day off counts as received on the next working day (Mon 06/03), which is then not
# counted: Tue 07/03 is the 1st working day, Wed 08/03 the 2nd.
run due 2023-03-04 2 --format json
expect_exit 0
expect_json_true "j['receipt_day'] == '2023-03-06'"
expect_json_true "j['due'] == '2023-03-08'"
expect_json_true "[d['date'] for d in j['days_off']] == ['2023-03-04', '2023-03-05']"
run due 2023-03-04 2 --lang en
expect_exit 0
expect_out "Wed 2023-03-08"
expect_out "Weekly rest day"

# The cut-off: received Friday 03/03/2023 at 15:30 with a 15:00 cut-off counts as received on
# Monday 06/03; same_day → due that Monday. Without --cutoff it is due on Friday itself.
run due 2023-03-03 1 --unit same_day --time 15:30 --cutoff 15:00 --format json
expect_exit 0
expect_json_true "j['due'] == '2023-03-06'"
run due 2023-03-03 1 --unit same_day --time 15:30 --format json
expect_exit 0
expect_json_true "j['due'] == '2023-03-03'"

# Friday 03/05/2024 + 1: Saturday 04/05/2024 is a make-up working day (CV 2450/VPCP-KGVX).
run due 2024-05-03 1 --format json
expect_exit 0
expect_json_true "j['due'] == '2024-05-04'"

# Calendar days: 19/01/2023 + 3 calendar days = Sun 22/01, a day off, so the period ends at the end
# of the next working day (Civil Code Art. 148): Fri 27/01/2023.
run due 2023-01-19 3 --unit calendar_days --format json
expect_exit 0
expect_json_true "j['due'] == '2023-01-27'"

# Bad arguments: exit 2, the message names the argument, and the usage line follows.
run due 2023-02-30 3
expect_exit 2
expect_err "DATE"
expect_err "usage: cchc due"
# The one date parser's message: what was expected and what was found, with the reason.
run due 29/02/2023 3
expect_exit 2
expect_err "invalid DATE: expected a date YYYY-MM-DD or dd/mm/yyyy, found '29/02/2023' (day 29 does not exist in February 2023 (28 days))"
run due 2023-03-02T08:15 3
expect_exit 2
expect_err "invalid DATE: expected a date YYYY-MM-DD or dd/mm/yyyy, found '2023-03-02T08:15' (a date with a time)"
run due 0023-01-19 3
expect_exit 2
expect_err "expected a year 1900-2199, found 23"
run due 2024-02-29 1 --format json
expect_exit 0
expect_json_true "j['due'] == '2024-03-01'"
run due 2023-01-19 three
expect_exit 2
expect_err "invalid N"
run due 2023-01-19
expect_exit 2
expect_err "missing argument N"
run due 2023-01-19 3 --unit fortnights
expect_exit 2
expect_err "--unit"
run due 2023-01-19 3 --time 25:00
expect_exit 2
expect_err "--time"
run due 2023-01-19 3 --frobnicate
expect_exit 2
expect_err "'--frobnicate'"
run due 2023-01-19 3 extra
expect_exit 2
expect_err "unexpected argument 'extra'"
run due 2023-01-19 3 --format
expect_exit 2
expect_err "--format"

pass
