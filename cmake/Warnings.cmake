# Warnings apply to our own targets only, never to dependencies' headers.
function(vanban_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(VANBAN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
