/* A type that owns no references (numbers and a C string it frees). */
#include <rc/rc.h>
#include <stdlib.h>
#include <string.h>

typedef struct label {
    RC_OBJECT_HEAD;
    char *text;
    size_t len;
} label;

static void label_dealloc(rc_object *self)
{
    free(((label *)self)->text);
}

static const rc_type label_type = { "label", sizeof(label), label_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    label *l = RC_NEW(label, &label_type);
    if (l == NULL)
        return 1;
    l->text = malloc(6);
    if (l->text != NULL) {
        memcpy(l->text, "hello", 6);
        l->len = 5;
    }
    rc_decref(l);
    return 0;
}
