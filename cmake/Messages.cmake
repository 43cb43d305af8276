# The message catalogues (docs/translating.md): engine/explain/messages/
# <lang>.txt, ICU resource bundles, compiled by genrb into .res files,
# packed by icupkg into one ICU common-data package and embedded in the
# binary as a byte array (messages_data.cc, made by cmake/EmbedFile.cmake).
# Needs icu-devtools (genrb, icupkg) at build time and libicu at run time.
find_program(CIRCA_GENRB genrb REQUIRED)
find_program(CIRCA_ICUPKG icupkg PATHS /usr/sbin /usr/local/sbin REQUIRED)

set(CIRCA_MESSAGE_LANGUAGES en nl fr)
set(_msg_src ${PROJECT_SOURCE_DIR}/engine/explain/messages)
set(_msg_out ${PROJECT_BINARY_DIR}/messages)
set(_msg_txt "")
set(_msg_res "")
foreach(lang IN LISTS CIRCA_MESSAGE_LANGUAGES)
  list(APPEND _msg_txt ${_msg_src}/${lang}.txt)
  list(APPEND _msg_res ${_msg_out}/res/${lang}.res)
endforeach()
list(JOIN CIRCA_MESSAGE_LANGUAGES ".res\n" _msg_list)
file(MAKE_DIRECTORY ${_msg_out}/res)
file(WRITE ${_msg_out}/list.txt "${_msg_list}.res\n")
add_custom_command(
  OUTPUT ${_msg_res}
  COMMAND ${CIRCA_GENRB} -q -e UTF-8 -d ${_msg_out}/res ${_msg_txt}
  DEPENDS ${_msg_txt}
  COMMENT "genrb: message catalogues"
  VERBATIM)
add_custom_command(
  OUTPUT ${_msg_out}/circamsg.dat
  COMMAND ${CMAKE_COMMAND} -E rm -f ${_msg_out}/circamsg.dat
  COMMAND ${CIRCA_ICUPKG} -tl -s ${_msg_out}/res -a ${_msg_out}/list.txt
          new ${_msg_out}/circamsg.dat
  DEPENDS ${_msg_res}
  COMMENT "icupkg: message package"
  VERBATIM)
add_custom_command(
  OUTPUT ${_msg_out}/messages_data.cc
  COMMAND ${CMAKE_COMMAND} -DINPUT=${_msg_out}/circamsg.dat
          -DOUTPUT=${_msg_out}/messages_data.cc
          -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
  DEPENDS ${_msg_out}/circamsg.dat ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
  COMMENT "embedding the message package"
  VERBATIM)
set(CIRCA_MESSAGE_DATA_SOURCE ${_msg_out}/messages_data.cc)
