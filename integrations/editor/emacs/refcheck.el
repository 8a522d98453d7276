;;; refcheck.el --- refcheck in Emacs: M-x compile and flymake  -*- lexical-binding: t -*-

;; Install: (load "/path/to/integrations/editor/emacs/refcheck.el") with
;; refcheck-lint on PATH (or set `refcheck-lint-program').
;;
;; M-x refcheck-compile runs refcheck-lint on the current file in
;; compilation-mode: its built-in `gnu' regexp reads file:line:col, warning
;; lines are warnings and note: lines info.
;;
;; (add-hook 'c-mode-hook #'refcheck-flymake-setup) adds a flymake backend
;; that lints the file on save.

(require 'compile)
(require 'flymake)

(defgroup refcheck nil "Reference-counting bug finder." :group 'tools)

(defcustom refcheck-lint-program "refcheck-lint"
  "The refcheck-lint wrapper (integrations/editor/refcheck-lint)."
  :type 'string :group 'refcheck)

(defun refcheck-compile ()
  "Analyse the current file with refcheck; findings in a compilation buffer."
  (interactive)
  (compile (concat refcheck-lint-program " " (shell-quote-argument (buffer-file-name)))))

(defvar-local refcheck--flymake-proc nil)

(defun refcheck-flymake (report-fn &rest _args)
  "Flymake backend: run refcheck-lint on the saved file, report its findings."
  (when (process-live-p refcheck--flymake-proc)
    (kill-process refcheck--flymake-proc))
  (let ((source (current-buffer))
        (file (buffer-file-name)))
    (setq refcheck--flymake-proc
          (make-process
           :name "refcheck-flymake" :noquery t :connection-type 'pipe
           :buffer (generate-new-buffer " *refcheck-flymake*")
           :command (list refcheck-lint-program file)
           :sentinel
           (lambda (proc _event)
             (when (memq (process-status proc) '(exit signal))
               (unwind-protect
                   (with-current-buffer (process-buffer proc)
                     (goto-char (point-min))
                     (let (diags)
                       (while (re-search-forward
                               "^\\([^:\n]+\\):\\([0-9]+\\):\\([0-9]+\\): \\(error\\|warning\\|note\\): \\(.*\\)$"
                               nil t)
                         (let ((line (string-to-number (match-string 2)))
                               (col (string-to-number (match-string 3)))
                               (kind (match-string 4))
                               (msg (match-string 5)))
                           (when (string= (file-truename (match-string 1)) (file-truename file))
                             (with-current-buffer source
                               (let ((reg (flymake-diag-region source line col)))
                                 (push (flymake-make-diagnostic
                                        source (car reg) (cdr reg)
                                        (pcase kind ("error" :error) ("warning" :warning) (_ :note))
                                        msg)
                                       diags))))))
                       (funcall report-fn (nreverse diags))))
                 (kill-buffer (process-buffer proc)))))))))

(defun refcheck-flymake-setup ()
  "Use refcheck as a flymake backend in this buffer."
  (add-hook 'flymake-diagnostic-functions #'refcheck-flymake nil t)
  (flymake-mode 1))

(provide 'refcheck)
;;; refcheck.el ends here
