/* The type table lives in another file: this one only uses the type, so
 * whether it is tracked is not known here and nothing is reported. */
#include <rc/rc.h>

typedef struct enode {
    RC_OBJECT_HEAD;
    struct enode *next;
} enode;

extern const rc_type enode_type;

void enode_link(enode *a, enode *b)
{
    RC_XSETREF(a->next, (enode *)rc_newref(b));
}
