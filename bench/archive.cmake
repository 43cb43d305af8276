# The archive and batch benchmarks (bench/RESULTS.md, "Archive and batch"),
# and the end-to-end builder bench/archive_e2e.sh drives.
target_sources(circa_bench PRIVATE ${CMAKE_CURRENT_LIST_DIR}/archive_benchmark.cc)
add_executable(circa_archive_e2e ${CMAKE_CURRENT_LIST_DIR}/archive_e2e.cc)
target_link_libraries(circa_archive_e2e PRIVATE circa::engine circa_warnings)
