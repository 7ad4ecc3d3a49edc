# Builds and runs the consumer programs with nothing but `pkg-config cchc` (no CMake), as a Makefile
# project would: sh pkg_config_build.sh CXX PKG_CONFIG PREFIX LIBDIR SOURCE_DIR WORK_DIR
# With the static library, `pkg-config --static` must bring cchc's private dependencies (utf8proc).
set -eu
CXX=$1 PKG_CONFIG=$2 PREFIX=$3 LIBDIR=$4 SRC=$5 WORK=$6
export PKG_CONFIG_PATH="$PREFIX/$LIBDIR/pkgconfig"
mkdir -p "$WORK"
static=""
[ -e "$PREFIX/$LIBDIR/libcchc.a" ] && static="--static"
flags=$("$PKG_CONFIG" --print-errors $static --cflags --libs cchc)
echo "pkg-config $static --cflags --libs cchc: $flags"
for prog in main log; do
  # shellcheck disable=SC2086  # the flags are words
  "$CXX" "$SRC/$prog.cpp" -o "$WORK/$prog" $flags -Wl,-rpath,"$PREFIX/$LIBDIR"
  "$WORK/$prog"
done
