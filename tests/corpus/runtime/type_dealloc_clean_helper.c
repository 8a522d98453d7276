/* dealloc runs the type's clear, a helper of this file, which drops every
 * reference (the fields are cleared through a helper). */
#include <rc/rc.h>

typedef struct hnode {
    RC_OBJECT_HEAD;
    rc_object *data;
    struct hnode *next;
} hnode;

static int hnode_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    hnode *h = (hnode *)self;
    RC_VISIT(h->data);
    RC_VISIT(h->next);
    return 0;
}

static void hnode_clear(rc_object *self)
{
    hnode *h = (hnode *)self;
    RC_CLEAR(h->data);
    RC_CLEAR(h->next);
}

static void hnode_dealloc(rc_object *self)
{
    hnode_clear(self);
}

static const rc_type hnode_type = {
    "hnode", sizeof(hnode), hnode_dealloc, NULL, hnode_traverse, hnode_clear, 0
};

int main(void)
{
    hnode *h = RC_NEW(hnode, &hnode_type);
    if (h == NULL)
        return 1;
    h->data = rc_int_new(7);
    h->next = RC_NEW(hnode, &hnode_type);
    rc_decref(h);
    return 0;
}
