# cmake -DGENERATOR=prog -DEXPECTED=checked-in-file -DACTUAL=scratch-file -P compare_generated.cmake
# Runs a generator and fails unless its output equals the checked-in file (used for the lunar table).
execute_process(COMMAND ${GENERATOR} OUTPUT_FILE ${ACTUAL} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${EXPECTED} ${ACTUAL} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  execute_process(COMMAND diff -u ${EXPECTED} ${ACTUAL})
  message(FATAL_ERROR "the regenerated table ${ACTUAL} differs from ${EXPECTED}: this platform's "
                      "floating point computes another lunar calendar (see docs/lunar.md)")
endif()
