# ctest driver for the find_package consumer test (fmt's find-package-test):
# install the current build into a fresh prefix, configure and build
# tests/package/consumer against that prefix only, run it and check what it
# prints. Run as:
#   cmake -DBUILD_DIR=... -DCONSUMER_DIR=... -DWORK_DIR=... -DGENERATOR=...
#         -DCXX_COMPILER=... -DCONFIG=... [-DCXX_FLAGS=...]
#         -DEXPECTED=... -P run_consumer.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR CONSUMER_DIR WORK_DIR GENERATOR CXX_COMPILER EXPECTED)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: -D${var}=... is required")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")
# Start from nothing so that a stale prefix cannot hide a missing file.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run step)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${step} failed (${rc}):\n${ARGN}\n"
      "--- stdout ---\n${out}\n--- stderr ---\n${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
endfunction()

set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()

run("install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
  ${config_args})

# Only the temporary prefix is searched for circa; its dependencies (Eigen)
# come from the system as they would for any user.
set(configure_args
  -S "${CONSUMER_DIR}" -B "${consumer_build}" -G "${GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_PREFIX_PATH=${prefix}"
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
if(CONFIG)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
if(CXX_FLAGS)
  # Sanitized builds of circa need the same runtime in the consumer.
  list(APPEND configure_args "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${CXX_FLAGS}")
endif()
run("configure consumer" "${CMAKE_COMMAND}" ${configure_args})
run("build consumer" "${CMAKE_COMMAND}" --build "${consumer_build}"
  ${config_args})

find_program(consumer_exe consumer
  PATHS "${consumer_build}" "${consumer_build}/${CONFIG}" NO_DEFAULT_PATH
  NO_CACHE)
if(NOT consumer_exe)
  message(FATAL_ERROR "consumer executable not found in ${consumer_build}")
endif()
run("run consumer" "${consumer_exe}")
string(STRIP "${run_out}" actual)
if(NOT actual STREQUAL EXPECTED)
  message(FATAL_ERROR "consumer printed\n  ${actual}\nexpected\n  ${EXPECTED}")
endif()
message(STATUS "consumer: ${actual}")
file(REMOVE_RECURSE "${WORK_DIR}")
