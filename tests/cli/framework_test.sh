# The framework: version, help, unknown commands and options, exit codes of usage errors.
. "$(dirname "$0")/lib.sh"

run --version
expect_exit 0
expect_out "cchc 0."

run --help
expect_exit 0
expect_out "usage: cchc"
expect_out "exit codes:"

run help
expect_exit 0
expect_out "commands:"

# No command: the general help goes to stderr, exit 2.
run
expect_exit 2
expect_empty_out
expect_err "usage: cchc"

run frobnicate
expect_exit 2
expect_err "unknown command 'frobnicate'"
expect_err "usage: cchc"

run --format xml help
expect_exit 2
expect_err "--format"
expect_err "'xml'"

run --lang fr help
expect_exit 2
expect_err "--lang"

run --bogus
expect_exit 2
expect_err "'--bogus'"

run help frobnicate
expect_exit 2
expect_err "unknown command 'frobnicate'"

# Global options before the command, and --opt=value.
run --format=json --lang en calendar 2024
expect_exit 0
expect_json
run calendar 2024 --format=csv --lang=en
expect_exit 0
expect_out "date,weekday,kind"

# Every command has a help (exit 0, usage line first) through both spellings.
for c in check indicators dossiers calendar due; do
  run "$c" --help
  expect_exit 0
  head -1 "$WORK/out" | grep -q "^usage: cchc $c" || fail "the help of $c must start with its usage line"
  run help "$c"
  expect_exit 0
  expect_out "usage: cchc $c"
done
# -h and --help win over missing arguments.
run due -h
expect_exit 0
expect_out "usage: cchc due"

pass
