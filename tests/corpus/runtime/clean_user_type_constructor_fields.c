/*
 * Clean: a user type (dealloc, traverse, clear) whose constructor stores
 * new references into the object's fields.
 *
 * person_new() releases the half-built object on every failure (dealloc
 * clears whatever fields were set) and returns it on success; the field
 * stores hand the strs over to the object. main() makes one good person
 * and one with a NULL email.
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
    if (p->name == NULL)
        goto fail;
    p->email = rc_str_new(email);
    if (p->email == NULL)
        goto fail;
    return (rc_object *)p;
fail:
    rc_decref(p);
    return NULL;
}

int main(void)
{
    rc_object *p = person_new("ada", "ada@example.org");

    rc_xdecref(p);
    p = person_new("bob", NULL);
    if (p == NULL)
        rc_error_clear();
    rc_xdecref(p);
    return 0;
}
