# The analysts' archive and batch comparison (docs/archive.md,
# docs/batch.md): the stage after engine/api, compiled into circa_engine
# like it. The batch words are an engine/explain file.
find_package(SQLite3 REQUIRED)
# Global, so that targets made elsewhere from circa_engine's link libraries
# (tests/fuzz's instrumented copy) resolve it too.
set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_GLOBAL TRUE)
target_sources(circa_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/archive.cc
  ${CMAKE_CURRENT_LIST_DIR}/compact.cc
  ${CMAKE_CURRENT_LIST_DIR}/scenario.cc
  ${CMAKE_CURRENT_LIST_DIR}/batch.cc
  ${CMAKE_CURRENT_LIST_DIR}/batch_render.cc
  ${CMAKE_CURRENT_LIST_DIR}/notice_store.cc
  ${CMAKE_CURRENT_LIST_DIR}/notice_themes.cc
  ${CMAKE_CURRENT_LIST_DIR}/market.cc
  ${CMAKE_CURRENT_LIST_DIR}/market_render.cc)
target_sources(circa_explain PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../explain/batch_words.cc
  ${CMAKE_CURRENT_LIST_DIR}/../explain/market_words.cc)
target_link_libraries(circa_engine PRIVATE SQLite::SQLite3)
