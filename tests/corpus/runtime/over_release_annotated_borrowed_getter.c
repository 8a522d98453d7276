/*
 * The result of a getter annotated RC_RETURNS_BORROWED, released.
 *
 * config_name() returns the struct's own reference, borrowed.
 * print_config() releases it: the over-release stands at that rc_decref.
 * main() then clears the field, releasing a freed object: abort.
 */
#include <rc/rc.h>
#include <stdio.h>

struct config {
    rc_object *name;
};

static RC_RETURNS_BORROWED rc_object *config_name(const struct config *c);

static rc_object *config_name(const struct config *c)
{
    return c->name;
}

static void print_config(const struct config *c)
{
    rc_object *name = config_name(c);

    if (name == NULL)
        return;
    printf("config %s\n", rc_str_value(name));
    rc_decref(name); // expect: refcount-over-release
}

int main(void)
{
    struct config c;

    c.name = rc_str_new("prod");
    if (c.name == NULL)
        return 0;
    print_config(&c);
    RC_CLEAR(c.name);
    return 0;
}
