/*
 * A NULL check placed one line too late.
 *
 * entry_make() writes e->key before testing e: the check does not protect
 * the first use. The finding stands at the write.
 */
#include <rc/rc.h>

typedef struct entry {
    RC_OBJECT_HEAD;
    long key;
} entry;

static const rc_type entry_type = { "entry", sizeof(entry), NULL, NULL, NULL, NULL, 0 };

entry *entry_make(long key)
{
    entry *e = RC_NEW(entry, &entry_type);

    e->key = key; // expect: refcount-unchecked-null
    if (e == NULL)
        return NULL;
    return e;
}
