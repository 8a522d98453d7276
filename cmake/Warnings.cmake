# One warning set for every target of the project. RC_WERROR (on in the ci
# preset) makes them errors. Applied directory-wide so no target can forget it.
set(RC_WARNING_FLAGS -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
    -Wno-unused-parameter -Wformat=2 -Wvla)
if(RC_WERROR)
  list(APPEND RC_WARNING_FLAGS -Werror)
endif()
add_compile_options(${RC_WARNING_FLAGS})
