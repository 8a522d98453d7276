/* clear drops the name but leaves the array of children holding theirs. */
#include <rc/rc.h>

typedef struct folder {
    RC_OBJECT_HEAD;
    rc_object *name;
    size_t n;
    rc_object *children[8]; // expect: cycle-clear-incomplete
} folder;

static int folder_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    folder *f = (folder *)self;
    RC_VISIT(f->name);
    for (size_t i = 0; i < f->n; i++)
        RC_VISIT(f->children[i]);
    return 0;
}

static void folder_clear(rc_object *self)
{
    RC_CLEAR(((folder *)self)->name);
}

static void folder_dealloc(rc_object *self)
{
    folder *f = (folder *)self;
    RC_CLEAR(f->name);
    for (size_t i = 0; i < f->n; i++)
        RC_CLEAR(f->children[i]);
}

const rc_type folder_type = { "folder", sizeof(folder), folder_dealloc, NULL, folder_traverse, folder_clear, 0 };
