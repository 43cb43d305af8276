# Test circa_start_up_libraries (tests/cli/CMakeLists.txt, issue 18): the
# statically linked `circa` executable (CIRCA_STATIC_CLI) needs only libc
# and libm when it starts; libzip and libxlsxwriter, and libcrypto through
# them, are opened when first used (engine/cli/lazy_libraries.cc).
#   cmake -DBINARY=path/to/circa -DOBJDUMP=objdump -P CheckStartupLibraries.cmake
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${OBJDUMP} -p ${BINARY}
  OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} -p ${BINARY} failed (${rc})")
endif()
string(REGEX MATCHALL "NEEDED +[^ \n]+" entries "${dump}")
set(needed "")
foreach(entry IN LISTS entries)
  string(REGEX REPLACE "NEEDED +" "" library "${entry}")
  list(APPEND needed ${library})
endforeach()
if(NOT "libc.so.6" IN_LIST needed)
  message(FATAL_ERROR "no NEEDED libc.so.6 in ${OBJDUMP} -p ${BINARY}")
endif()
set(unexpected "")
foreach(library IN LISTS needed)
  if(NOT library MATCHES "^(libc|libm|ld-linux-[a-z0-9_-]+)\\.so")
    list(APPEND unexpected ${library})
  endif()
endforeach()
if(unexpected)
  message(FATAL_ERROR "circa loads at start: ${unexpected}; expected only "
    "libc and libm (${needed})")
endif()
message(STATUS "circa loads at start: ${needed}")
