/*
 * text.c — the compiler-style renderer (see text.h).
 */
#include "report/text.h"

#include "report/source.h"

#include <string.h>

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

static const char *severity_color(enum rule_severity s)
{
	switch (s) {
	case SEV_ERROR: return C_RED;
	case SEV_NOTE: return C_CYAN;
	default: return C_MAGENTA;
	}
}

static void print_loc(FILE *out, const struct finding_loc *loc, const struct text_options *o)
{
	fprintf(out, "%s%s:%u:%u:%s ", o->color ? C_BOLD : "", loc->file, loc->line,
	        loc->col ? loc->col : 1, o->color ? C_RESET : "");
}

void report_text_note(FILE *out, const struct finding_loc *loc, const char *text,
                      const struct text_options *o)
{
	print_loc(out, loc, o);
	fprintf(out, "%snote:%s %s\n", o->color ? C_CYAN : "", o->color ? C_RESET : "", text);
}

/* The source line with a caret (and tildes to the end of the range). */
static void print_caret(FILE *out, const struct finding_loc *loc, const struct text_options *o,
                        struct source_cache *sc)
{
	size_t len;
	const char *line = sc ? source_line(sc, loc->file, loc->line, &len) : NULL;
	if (!line)
		return;
	fprintf(out, "%5u | %.*s\n", loc->line, (int)len, line);
	fprintf(out, "      | ");
	uint32_t col = loc->col ? loc->col : 1;
	for (uint32_t i = 1; i < col && i <= len; i++)
		fputc(line[i - 1] == '\t' ? '\t' : ' ', out);
	fputs(o->color ? C_GREEN "^" : "^", out);
	if (loc->end_line == loc->line && loc->end_col > col + 1)
		for (uint32_t i = col + 1; i < loc->end_col && i <= len; i++)
			fputc('~', out);
	fputs(o->color ? C_RESET "\n" : "\n", out);
}

void report_text_finding(FILE *out, const struct finding *f, const struct text_options *o,
                         struct source_cache *sc)
{
	if (f->suppressed && !o->show_suppressed)
		return;
	enum rule_severity sev = rule_severity(f->rule);
	print_loc(out, &f->loc, o);
	fprintf(out, "%s%s:%s %s [%s]%s\n", o->color ? severity_color(sev) : "",
	        rule_severity_name(sev), o->color ? C_RESET : "", f->message, rule_name(f->rule),
	        f->suppressed ? " (suppressed)" : "");
	if (o->caret)
		print_caret(out, &f->loc, o, sc);
	for (uint32_t i = 0; i < f->nsteps; i++) {
		const struct finding_step *s = &f->steps[i];
		if (s->kind == STEP_EVENT)
			continue;   /* the diagnostic line itself */
		report_text_note(out, &s->loc, s->msg, o);
	}
}

void report_text_summary(FILE *out, unsigned files, const struct analyze_stats *st)
{
	fprintf(out, "refcheck: %u file%s, %u function%s analysed", files, files == 1 ? "" : "s",
	        st->analysed, st->analysed == 1 ? "" : "s");
	if (st->partial)
		fprintf(out, ", %u partially analysed", st->partial);
	if (st->skipped)
		fprintf(out, ", %u skipped", st->skipped);
	fprintf(out, ", %u finding%s", st->findings, st->findings == 1 ? "" : "s");
	const char *sep = " (";
	for (int i = 0; i < RULE__COUNT; i++) {
		if (!st->by_rule[i])
			continue;
		fprintf(out, "%s%u %s", sep, st->by_rule[i], rule_name(i));
		sep = ", ";
	}
	if (sep[0] == ',')
		fputc(')', out);
	if (st->suppressed)
		fprintf(out, ", %u suppressed", st->suppressed);
	fputc('\n', out);
}
