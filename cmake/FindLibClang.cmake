# Locate Debian's libclang 19 (package libclang-19-dev) without
# find_package(Clang), whose config file needs the full LLVM development
# packages. Defines the imported target libclang::libclang.
#
# We need LLVM 17 or newer for the operator-kind queries
# (clang_getCursorBinaryOperatorKind) and 19.1 for a correct
# clang_getSpellingLocation; the symbol check below is the guard, because the
# CINDEX minor version is the same from 17 on.
set(LIBCLANG_ROOT /usr/lib/llvm-19 CACHE PATH "Prefix of the libclang installation")
find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h PATHS ${LIBCLANG_ROOT}/include NO_DEFAULT_PATH)
find_library(LIBCLANG_LIBRARY NAMES clang PATHS ${LIBCLANG_ROOT}/lib NO_DEFAULT_PATH)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang
  REQUIRED_VARS LIBCLANG_LIBRARY LIBCLANG_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "install libclang-19-dev (scripts/bootstrap)")

if(LibClang_FOUND AND NOT TARGET libclang::libclang)
  include(CheckSymbolExists)
  include(CMakePushCheckState)
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_INCLUDES ${LIBCLANG_INCLUDE_DIR})
  set(CMAKE_REQUIRED_LIBRARIES ${LIBCLANG_LIBRARY})
  check_symbol_exists(clang_getCursorBinaryOperatorKind clang-c/Index.h RC_HAVE_CLANG_OPKIND)
  cmake_pop_check_state()
  if(NOT RC_HAVE_CLANG_OPKIND)
    message(FATAL_ERROR "libclang at ${LIBCLANG_ROOT} lacks clang_getCursorBinaryOperatorKind: "
                        "libclang 17 or newer is required (apt-get install libclang-19-dev)")
  endif()
  add_library(libclang::libclang UNKNOWN IMPORTED)
  set_target_properties(libclang::libclang PROPERTIES
    IMPORTED_LOCATION "${LIBCLANG_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBCLANG_INCLUDE_DIR}")
endif()
