#!/bin/sh
# check_annotations.sh CLANG INCLUDE_DIR USAGE_C - the annotation strings the
# analyzer depends on (runtime/include/rc/annotate.h) must appear verbatim
# in clang's AST of usage.c and of the runtime headers.
set -eu
clang=$1 inc=$2 src=$3
ast=$("$clang" -std=c99 -fsyntax-only -Xclang -ast-dump -I"$inc" "$src")
status=0
for s in 'rc:returns_new' 'rc:returns_borrowed' 'rc:may_fail' 'rc:steals(3)' \
         'rc:steals_on_success(1)' 'rc:out_new(2)' 'rc:out_borrowed(2)' 'rc:runs_code' 'rc:callback(1)' 'rc:callback(2)' \
         'rc:trusted' 'rc:borrowed_field' 'rc:weak_field' 'rc:incref' 'rc:xincref' 'rc:decref' 'rc:xdecref' \
         'rc:newref' 'rc:xnewref' 'rc:out_borrowed(3)' 'rc:out_borrowed(4)'; do
  if ! printf '%s\n' "$ast" | grep -F "AnnotateAttr" | grep -qF "\"$s\""; then
    echo "missing annotation \"$s\"" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "all annotation strings present"
exit $status
