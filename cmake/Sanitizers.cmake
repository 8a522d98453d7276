# RC_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer for every target,
# with -fno-sanitize-recover=all so that any UBSan report fails the test run
# (STYLE §11). Applied directory-wide, like the warning set.
if(RC_SANITIZE)
  set(RC_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
      -fno-omit-frame-pointer)
  add_compile_options(${RC_SANITIZER_FLAGS})
  add_link_options(${RC_SANITIZER_FLAGS})
endif()
