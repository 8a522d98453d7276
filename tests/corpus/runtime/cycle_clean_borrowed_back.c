/* A document owns its paragraphs; each paragraph points back at the
 * document through a borrowed field. No cycle of ownership is built. */
#include <rc/rc.h>

struct doc;

typedef struct words {
    RC_OBJECT_HEAD;
    long count;
} words;

typedef struct para {
    RC_OBJECT_HEAD;
    struct doc *doc RC_BORROWED_FIELD;
    words *text;
} para;

typedef struct doc {
    RC_OBJECT_HEAD;
    para *first;
} doc;

static void para_dealloc(rc_object *self)
{
    RC_CLEAR(((para *)self)->text);
}

static void doc_dealloc(rc_object *self)
{
    RC_CLEAR(((doc *)self)->first);
}

static const rc_type words_type = { "words", sizeof(words), NULL, NULL, NULL, NULL, 0 };
static const rc_type para_type = { "para", sizeof(para), para_dealloc, NULL, NULL, NULL, 0 };
static const rc_type doc_type = { "doc", sizeof(doc), doc_dealloc, NULL, NULL, NULL, 0 };

int main(void)
{
    doc *d = RC_NEW(doc, &doc_type);
    if (d == NULL)
        return 1;
    para *p = RC_NEW(para, &para_type);
    if (p == NULL) {
        rc_decref(d);
        return 1;
    }
    p->text = RC_NEW(words, &words_type);
    d->first = p;
    p->doc = d;
    rc_decref(d);
    return 0;
}
