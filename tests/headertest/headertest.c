/*
 * headertest.c - compiled once per public header and compiler by
 * tests/headertest/CMakeLists.txt, with RC_HEADER naming the header: each
 * header must compile alone (and twice: include guards) under
 * -std=c99 -Wall -Wextra -pedantic -Werror.
 */
#include RC_HEADER
#include RC_HEADER

int rc_headertest_symbol;
