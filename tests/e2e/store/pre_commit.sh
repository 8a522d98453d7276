#!/bin/sh
# pre_commit.sh — the git pre-commit hook (integrations/pre-commit) in a
# real repository: a staged C file with a finding stops the commit, a fixed
# one goes through, a commit without C files is not analysed, and the hook
# uses the project's compile_commands.json when there is one.
. "$(dirname "$0")/lib.sh"
hook=$SRC/integrations/pre-commit/refcheck-pre-commit
export REFCHECK
repo=$WORK/repo
make_project repo
cd "$repo" || exit 1
git init -q . && git config user.email t@example.org && git config user.name tester
cp "$hook" .git/hooks/pre-commit
printf '.refcheck/\n' >.gitignore
git add .gitignore util.h util.c compile_commands.json
run git commit -q -m "util"
check "a clean C file is committed (status $status)" [ "$status" -eq 0 ]

git add other.c
run git commit -q -m "other"
check "a staged file with a leak stops the commit (status $status)" [ "$status" -ne 0 ]
# git sends a hook's standard output to standard error.
check "the finding is shown" has "other.c:10:9: warning: .*\[refcount-leak\]" "$WORK/err"
check "with what to do" has "the commit is refused" "$WORK/err"
check "nothing was committed" [ "$(git rev-list --count HEAD)" -eq 1 ]

# The real fix: release n on the error path of rc_list_append.
awk '/rc_list_append/ { print; getline; print "    {"; print "        rc_decref(n);"; print "        return -1;"; print "    }"; next } { print }' other.c >o.new && mv o.new other.c
git add other.c
run git commit -q -m "other, fixed"
check "the fixed file is committed (status $status)" [ "$status" -eq 0 ]

printf 'notes\n' >NOTES
git add NOTES
run git commit -q -m "notes"
check "a commit without C files passes" [ "$status" -eq 0 ]

# Framework style: files as arguments.
run "$hook" main.c
check "the hook takes files as arguments too (finds main.c's over-release)" has "main.c:9:5: error:" "$WORK/out"
check "$(basename "$hook") is listed in .pre-commit-hooks.yaml" has "entry: integrations/pre-commit/refcheck-pre-commit" "$SRC/integrations/pre-commit/.pre-commit-hooks.yaml"
finish
