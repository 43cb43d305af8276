# Award-criteria exchange with eForms, TED and OCDS (docs/exchange.md).
target_sources(circa_exchange PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/xml_util.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/export.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/import.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/eforms_import.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/ted_import.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/eforms_results.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/ted_results.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/exchange/yaml_writer.cc)
