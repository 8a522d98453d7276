/* An object owning a chain of plain C entries, each holding a reference:
 * dealloc, traverse and clear walk the chain. Every entry has the same
 * place in the type model, so the walks are complete. */
#include <rc/rc.h>
#include <stdlib.h>

typedef struct chain {
    rc_object *item;
    struct chain *next;
} chain;

typedef struct stack {
    RC_OBJECT_HEAD;
    chain *top;
} stack;

static int stack_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    for (chain *c = ((stack *)self)->top; c != NULL; c = c->next)
        RC_VISIT(c->item);
    return 0;
}

static void stack_clear(rc_object *self)
{
    stack *s = (stack *)self;
    chain *c = s->top;
    s->top = NULL;
    while (c != NULL) {
        chain *next = c->next;
        rc_decref(c->item);
        free(c);
        c = next;
    }
}

static const rc_type stack_type = { "stack", sizeof(stack), stack_clear, NULL, stack_traverse, stack_clear, 0 };

static int stack_push(stack *s, rc_object *item)
{
    chain *c = malloc(sizeof(*c));
    if (c == NULL)
        return -1;
    c->item = rc_newref(item);
    c->next = s->top;
    s->top = c;
    return 0;
}

int main(void)
{
    stack *s = RC_NEW(stack, &stack_type);
    if (s == NULL)
        return 1;
    rc_object *one = rc_int_new(1);
    if (one != NULL) {
        stack_push(s, one);
        rc_decref(one);
    }
    stack_push(s, (rc_object *)s);
    rc_decref(s);
    return 0;
}
