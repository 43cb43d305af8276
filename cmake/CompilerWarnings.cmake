# Warnings live on an INTERFACE target so every circa target opts in the same way
# (cpp-best-practices/cmake_template, cmake/CompilerWarnings.cmake).
add_library(circa_warnings INTERFACE)
target_compile_options(circa_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(CIRCA_WARNINGS_AS_ERRORS)
  target_compile_options(circa_warnings INTERFACE -Werror)
endif()
# GCC 12 reports false positives inside libstdc++ at -O2/-O3: -Wrestrict for
# `"literal" + std::string` (GCC bug 105651) and -Wmaybe-uninitialized for
# std::string members of aggregates built in place (GCC bug 107138). Both are
# off for GCC < 13; clang (the fuzz preset) and newer GCC keep them.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(circa_warnings INTERFACE -Wno-restrict -Wno-maybe-uninitialized)
endif()
