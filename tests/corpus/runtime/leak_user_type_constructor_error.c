/*
 * A constructor of a user type that returns NULL without releasing the
 * half-built object.
 *
 * person_new() allocates a person and fills its two fields. When the first
 * field fails it releases the object (its dealloc clears the fields); when
 * the second fails it returns NULL still owning p: the leak stands there.
 * The type is complete (dealloc, traverse, clear). main() passes a NULL
 * email, which rc_str_new refuses.
 */
#include <rc/rc.h>

typedef struct person {
    RC_OBJECT_HEAD;
    rc_object *name;
    rc_object *email;
} person;

static void person_dealloc(rc_object *self)
{
    person *p = (person *)self;

    RC_CLEAR(p->name);
    RC_CLEAR(p->email);
}

static int person_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    person *p = (person *)self;

    RC_VISIT(p->name);
    RC_VISIT(p->email);
    return 0;
}

static void person_clear(rc_object *self)
{
    person *p = (person *)self;

    RC_CLEAR(p->name);
    RC_CLEAR(p->email);
}

static const rc_type person_type = {
    "person", sizeof(person), person_dealloc, NULL, person_traverse, person_clear, 0,
};

static rc_object *person_new(const char *name, const char *email)
{
    person *p = RC_NEW(person, &person_type);

    if (p == NULL)
        return NULL;
    p->name = rc_str_new(name);
    if (p->name == NULL) {
        rc_decref(p);
        return NULL;
    }
    p->email = rc_str_new(email);
    if (p->email == NULL)
        return NULL; // expect: refcount-leak
    return (rc_object *)p;
}

int main(void)
{
    rc_object *p = person_new("ada", NULL);

    if (p == NULL)
        rc_error_clear();
    else
        rc_decref(p);
    return 0;
}
