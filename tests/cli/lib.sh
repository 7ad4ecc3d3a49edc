# Shared helpers for the CLI tests (POSIX sh). Each *_test.sh script is run by CTest as
#   sh tests/cli/<name>_test.sh <path-to-cchc> <source-dir> <build-dir>
# and sources this file. A test fails at the first failed expectation, printing what was expected,
# the command line and what it printed.
set -u
CCHC=$1
SRC=$2
BUILD=$3
TESTS="$SRC/tests/cli"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cchc-cli-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PYTHON=/usr/bin/python3
LAST_CMD=""
LAST_RC=0

fail() {
  echo "FAIL: $*" >&2
  echo "  command: $LAST_CMD" >&2
  echo "  exit code: $LAST_RC" >&2
  echo "  --- stdout ---" >&2
  sed 's/^/  | /' "$WORK/out" >&2
  echo "  --- stderr ---" >&2
  sed 's/^/  | /' "$WORK/err" >&2
  exit 1
}

# run ARGS... : runs cchc with ARGS, keeps stdout in $WORK/out, stderr in $WORK/err, code in LAST_RC.
run() {
  LAST_CMD="cchc $*"
  "$CCHC" "$@" >"$WORK/out" 2>"$WORK/err"
  LAST_RC=$?
}

expect_exit() {
  [ "$LAST_RC" -eq "$1" ] || fail "expected exit code $1"
}

# expect_line TEXT : stdout has a line equal to TEXT once surrounding blanks are trimmed.
expect_line() {
  sed 's/^[[:space:]]*//; s/[[:space:]]*$//' "$WORK/out" | grep -qxF -- "$1" || fail "expected the line '$1' in stdout"
}

# expect_out TEXT / expect_err TEXT : stdout / stderr contains TEXT (fixed string).
expect_out() { grep -qF -- "$1" "$WORK/out" || fail "expected '$1' in stdout"; }
expect_err() { grep -qF -- "$1" "$WORK/err" || fail "expected '$1' in stderr"; }
expect_no_out() { ! grep -qF -- "$1" "$WORK/out" || fail "did not expect '$1' in stdout"; }
expect_empty_out() { [ ! -s "$WORK/out" ] || fail "expected an empty stdout"; }
expect_empty_err() { [ ! -s "$WORK/err" ] || fail "expected an empty stderr"; }

# expect_same FILE : stdout is exactly the content of FILE (an expected-output file under tests/cli).
expect_same() {
  diff -u "$1" "$WORK/out" >"$WORK/diff" 2>&1 || { cat "$WORK/diff" >&2; fail "stdout differs from $1"; }
}

# expect_json : stdout parses as JSON.
expect_json() {
  "$PYTHON" -c 'import json,sys; json.load(sys.stdin)' <"$WORK/out" 2>"$WORK/pyerr" ||
    { cat "$WORK/pyerr" >&2; fail "stdout is not valid JSON"; }
}

# json_eval EXPR : evaluates a Python expression over the parsed stdout (bound to `j`), prints it.
json_eval() {
  "$PYTHON" -c "import json,sys; j=json.load(sys.stdin); print($1)" <"$WORK/out"
}

# expect_json_true EXPR : a Python expression over the parsed stdout (`j`) is true.
expect_json_true() {
  result=$(json_eval "bool($1)" 2>&1) || fail "cannot evaluate '$1' on stdout: $result"
  [ "$result" = "True" ] || fail "expected ($1) to hold on the JSON output"
}

pass() { echo "ok"; exit 0; }
