# Shared compile settings for every SwarmWatch target: warnings, sanitizers, no implicit string casts.
add_library(swarmwatch_options INTERFACE)
target_compile_options(swarmwatch_options INTERFACE -Wall -Wextra -Wpedantic)
if(SWARMWATCH_WERROR)
  target_compile_options(swarmwatch_options INTERFACE -Werror)
endif()
if(SWARMWATCH_SANITIZE)
  target_compile_options(swarmwatch_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(swarmwatch_options INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(swarmwatch_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_KEYWORDS
  QT_NO_FOREACH QT_USE_QSTRINGBUILDER)
