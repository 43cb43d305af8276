# ctest driver for the find_package consumer test (fmt's find-package-test):
# install the current build into a fresh prefix, configure and build
# tests/package/consumer (the example of docs/api.md) against that prefix
# only, once, then run it on every directory of samples/ and compare what it
# writes with the installed CLI's `circa score DIR -f json` and `-f md`,
# byte for byte. Run as:
#   cmake -DBUILD_DIR=... -DCONSUMER_DIR=... -DWORK_DIR=... -DGENERATOR=...
#         -DCXX_COMPILER=... -DCONFIG=... [-DCXX_FLAGS=...]
#         -DSOURCE_DIR=... -P run_consumer.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR CONSUMER_DIR WORK_DIR GENERATOR CXX_COMPILER SOURCE_DIR)
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
find_program(circa_exe circa PATHS "${prefix}/bin" NO_DEFAULT_PATH NO_CACHE)
if(NOT circa_exe)
  message(FATAL_ERROR "circa executable not found in ${prefix}/bin")
endif()

# Every sample directory, each as the CLI is run on it: from the source
# tree, with the path as written (paths appear in the reports).
file(GLOB samples LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}"
  "${SOURCE_DIR}/samples/*")
list(SORT samples)
set(compared 0)
set(failures "")
foreach(sample IN LISTS samples)
  if(NOT IS_DIRECTORY "${SOURCE_DIR}/${sample}")
    continue()
  endif()
  foreach(format json md)
    set(cli_out "${WORK_DIR}/cli.${format}")
    set(consumer_out "${WORK_DIR}/consumer.${format}")
    file(REMOVE "${cli_out}" "${consumer_out}")
    execute_process(COMMAND "${circa_exe}" score "${sample}" -f ${format}
        -o "${cli_out}"
      WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE cli_rc
      OUTPUT_QUIET ERROR_QUIET)
    if(format STREQUAL "json")
      execute_process(COMMAND "${consumer_exe}" "${sample}"
        WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE consumer_rc
        OUTPUT_FILE "${consumer_out}" ERROR_VARIABLE consumer_err)
    else()
      execute_process(COMMAND "${consumer_exe}" "${sample}" "${consumer_out}"
        WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE consumer_rc
        OUTPUT_QUIET ERROR_VARIABLE consumer_err)
    endif()
    if(NOT cli_rc EQUAL 0)
      # A directory the CLI cannot score: the consumer must refuse it too.
      if(consumer_rc EQUAL 0)
        string(APPEND failures "  ${sample} (${format}): the CLI failed "
          "(${cli_rc}), the consumer did not\n")
      endif()
      message(STATUS "not scored by the CLI (${cli_rc}): ${sample}")
      break()
    endif()
    if(NOT consumer_rc EQUAL 0)
      string(APPEND failures "  ${sample} (${format}): the consumer failed "
        "(${consumer_rc}): ${consumer_err}\n")
      continue()
    endif()
    file(READ "${cli_out}" expected)
    file(READ "${consumer_out}" actual)
    if(NOT actual STREQUAL expected)
      string(APPEND failures "  ${sample} (${format}): the consumer's output "
        "differs from circa score -f ${format}\n")
    else()
      math(EXPR compared "${compared} + 1")
    endif()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "consumer and CLI disagree:\n${failures}")
endif()
if(compared EQUAL 0)
  message(FATAL_ERROR "no sample directory was compared")
endif()
message(STATUS "consumer: ${compared} outputs equal to the CLI's")
file(REMOVE_RECURSE "${WORK_DIR}")
