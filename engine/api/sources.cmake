# The entry points (include/circa/evaluate.h, analyze.h, render.h): the top
# stage, which runs the pipeline for a front end. docs/api.md.
target_sources(circa_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/select.cc
  ${CMAKE_CURRENT_LIST_DIR}/evaluate.cc
  ${CMAKE_CURRENT_LIST_DIR}/analyze.cc
  ${CMAKE_CURRENT_LIST_DIR}/render.cc)
