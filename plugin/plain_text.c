// SPDX-License-Identifier: GPL-2.0
/*
 * A finding's message as plain text, for its JSON record (report=).
 *
 * The diagnostic itself goes through GCC's formatter (mp_report()); the
 * record needs the same words as a string, which GCC's diagnostic
 * functions do not hand back.  So the same literal format and arguments
 * are formatted here as well, for the few directives the plugin's
 * messages use, with GCC's own quotes (open_quote/close_quote, as %q
 * prints them).  An unknown directive is a bug in a message: it asserts.
 */
#include "mmap_prepare.h"

char *mp_quote(const char *s)
{
	return xasprintf("%s%s%s", open_quote, s, close_quote);
}

static const char *decl_name(tree decl)
{
	if (decl && DECL_P(decl) && DECL_NAME(decl))
		return IDENTIFIER_POINTER(DECL_NAME(decl));
	return "<anonymous>";
}

/* Appends one directive's text at P (just after the '%') to OUT. */
static const char *directive(const char *p, va_list *ap, struct obstack *out)
{
	bool quoted = *p == 'q';
	char buf[32];
	const char *text;

	if (quoted)
		p++;
	switch (*p) {
	case 's':
		text = va_arg(*ap, const char *);
		break;
	case 'D':
		text = decl_name(va_arg(*ap, tree));
		break;
	case 'd':
	case 'i':
		snprintf(buf, sizeof(buf), "%d", va_arg(*ap, int));
		text = buf;
		break;
	case 'u':
		snprintf(buf, sizeof(buf), "%u", va_arg(*ap, unsigned int));
		text = buf;
		break;
	case '<':
		text = open_quote;
		break;
	case '>':
		text = close_quote;
		break;
	case '%':
		text = "%";
		break;
	default:
		gcc_unreachable();
	}
	if (quoted)
		obstack_grow(out, open_quote, strlen(open_quote));
	obstack_grow(out, text, strlen(text));
	if (quoted)
		obstack_grow(out, close_quote, strlen(close_quote));
	return p + 1;
}

char *mp_plain_text(const char *gmsgid, ...)
{
	struct obstack out;
	const char *p = gmsgid;
	va_list ap;
	char *text;

	obstack_init(&out);
	va_start(ap, gmsgid);
	while (*p) {
		const char *pct = strchr(p, '%');

		if (!pct) {
			obstack_grow(&out, p, strlen(p));
			break;
		}
		obstack_grow(&out, p, pct - p);
		p = directive(pct + 1, &ap, &out);
	}
	va_end(ap);
	obstack_1grow(&out, '\0');
	text = xstrdup((char *)obstack_finish(&out));
	obstack_free(&out, NULL);
	return text;
}
