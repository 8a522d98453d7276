" Vim compiler file for refcheck (integrations/editor/vim/compiler/).
"
" Install: put this folder on 'runtimepath' (or copy compiler/refcheck.vim to
" ~/.vim/compiler/), make refcheck-lint reachable on PATH, then
"     :compiler refcheck
"     :make            " analyses the current file, findings in the quickfix list
" Notes (the steps of a finding's path) become entries of their own, typed
" 'n'. For ALE, see README.md.
if exists("current_compiler")
  finish
endif
let current_compiler = "refcheck"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

CompilerSet makeprg=refcheck-lint\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
                       \%f:%l:%c:\ %tarning:\ %m,
                       \%f:%l:%c:\ %tote:\ %m,
                       \%-G%.%#
