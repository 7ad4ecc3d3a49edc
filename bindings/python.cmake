# Chooses the Python interpreter for the cchc module and its tests (included by bindings/ and
# tests/python/, whichever CMake reads first).
#
# Debian's python3 (with numpy, pandas, ...) is the interpreter the tests and users run; a pyenv shim
# earlier in PATH would otherwise win and give a module for the wrong interpreter. An explicit
# -DPython3_EXECUTABLE (the pip backend passes the running interpreter) always wins.
if(NOT DEFINED Python3_EXECUTABLE AND NOT DEFINED CACHE{Python3_EXECUTABLE} AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python interpreter for the cchc module")
endif()
find_package(Python3 3.8 REQUIRED COMPONENTS Interpreter Development.Module)
