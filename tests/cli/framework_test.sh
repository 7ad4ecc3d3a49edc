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

pass
