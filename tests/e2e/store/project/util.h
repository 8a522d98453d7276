/* util.h — helpers defined in util.c, used by main.c (cross-file summaries). */
#ifndef UTIL_H
#define UTIL_H
#include <rc/rc.h>

/* No annotation: what it returns is known only from util.c's body. */
rc_object *first_item(rc_object *list);

#endif
