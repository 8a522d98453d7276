/*
 * usage.c - every public macro and annotation used the way user code uses
 * them, compiled as C99 with -pedantic by gcc and clang. Under clang the
 * AST dump of this file must contain each annotation string exactly as
 * the analyzer expects (check_annotations.sh).
 */
#include <rc/rc.h>

typedef struct node {
    RC_OBJECT_HEAD;
    rc_object *left;
    rc_object *right;
    rc_object *parent RC_BORROWED_FIELD;
    rc_object *owner_ref RC_WEAK_FIELD;
} node;

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg)
{
    node *n = (node *)self;
    RC_VISIT(n->left);
    RC_VISIT(n->right);
    return 0;
}

static void node_clear(rc_object *self)
{
    node *n = (node *)self;
    RC_CLEAR(n->left);
    RC_CLEAR(n->right);
}

static const rc_type node_type = { "node", sizeof(node), node_clear, NULL, node_traverse, node_clear, 0 };

RC_RETURNS_NEW RC_MAY_FAIL rc_object *usage_make(void);
RC_RETURNS_BORROWED rc_object *usage_peek(rc_object *o);
RC_STEALS(3) int usage_steal(rc_object *a, int b, rc_object *c);
RC_STEALS_ON_SUCCESS(1) int usage_steal_ok(rc_object *a);
RC_OUT_NEW(2) int usage_out(int k, rc_object **out);
RC_OUT_BORROWED(2) int usage_out_b(int k, rc_object **out);
RC_RUNS_CODE void usage_run(void);
RC_CALLBACK(1) void usage_later(void (*fn)(rc_object *));
RC_TRUSTED void usage_trusted(rc_object *o);

rc_object *usage_make(void)
{
    node *n = RC_NEW(node, &node_type);
    if (n == NULL)
        return NULL;
    n->left = rc_newref(rc_xnewref(NULL) ? NULL : rc_new(&node_type));
    if (n->left)
        rc_decref(n->left);
    RC_XSETREF(n->right, rc_new(&node_type));
    if (n->right)
        RC_SETREF(n->right, rc_newref(n->right));
    rc_xincref(n->left);
    rc_xdecref(n->left);
    rc_incref(n);
    rc_decref(n);
    return &n->ob_base;
}

rc_object *usage_peek(rc_object *o) { return o; }
int usage_steal(rc_object *a, int b, rc_object *c) { (void)a, (void)b; rc_decref(c); return 0; }
int usage_steal_ok(rc_object *a) { rc_decref(a); return 0; }
int usage_out(int k, rc_object **out) { *out = rc_int_new(k); return *out ? 0 : -1; }
int usage_out_b(int k, rc_object **out) { (void)k; *out = NULL; return 0; }
void usage_run(void) {}
void usage_trusted(rc_object *o) { (void)o; }
