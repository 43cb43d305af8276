# ASan + UBSan as an INTERFACE target; the asan preset turns CIRCA_SANITIZE on.
add_library(circa_sanitizers INTERFACE)
if(CIRCA_SANITIZE)
  set(_circa_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(circa_sanitizers INTERFACE ${_circa_san})
  target_link_options(circa_sanitizers INTERFACE ${_circa_san})
endif()
