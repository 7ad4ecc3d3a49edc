# Regression: `cchc indicators` on the seed report gives, byte for byte, the output captured from the
# C++ indicator list before the indicators became data (tests/cli/data/indicators-golden/README.md says
# how and when). Run from the golden directory so that the file path printed is the captured one.
. "$(dirname "$0")/lib.sh"
GOLDEN="$TESTS/data/indicators-golden"
REPORT=../../../../examples/tran-de-2023/report.json
case $CCHC in /*) ;; *) CCHC="$PWD/$CCHC" ;; esac  # the test changes directory
cd "$GOLDEN" || fail "no golden directory $GOLDEN"
same() {  # same GOLDEN_FILE ARGS... : the output of cchc ARGS equals GOLDEN_FILE
  golden=$1
  shift
  run "$@"
  expect_exit 0
  cmp -s "$WORK/out" "$golden" || { diff "$golden" "$WORK/out" | head -20 >&2; fail "output differs from $golden"; }
}
same seed.table.vi.txt indicators "$REPORT" --format table
same seed.markdown.vi.txt indicators "$REPORT" --format markdown
same seed.json.vi.txt indicators "$REPORT" --format json
same seed.csv.vi.txt indicators "$REPORT" --format csv
same seed.table.en.txt indicators "$REPORT" --lang en
same seed.json.en.s4.txt indicators "$REPORT" --lang en --format json --scale 4 --rounding toward_zero
# The built-in catalogue named as a file gives the same indicators (the catalogue fact aside).
run indicators "$REPORT" --format csv --catalogue "$SRC/data/indicators/vn.cchc.json"
expect_exit 0
cmp -s "$WORK/out" seed.csv.vi.txt || fail "the built-in catalogue loaded from its file differs from the golden csv"
pass
