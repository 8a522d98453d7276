/*
 * Clean: nested loops building a list of lists.
 *
 * grid() builds each row in an inner loop, appends it to the outer list
 * and releases it; every failure releases the row in progress and the
 * grid. main() builds a 2x3 grid.
 */
#include <rc/rc.h>

static rc_object *make_row(size_t cols, size_t r)
{
    rc_object *row = rc_list_new(cols);
    size_t c;

    if (row == NULL)
        return NULL;
    for (c = 0; c < cols; c++) {
        rc_object *cell = rc_int_new((long)(r * cols + c));
        int rc;

        if (cell == NULL) {
            rc_decref(row);
            return NULL;
        }
        rc = rc_list_append(row, cell);
        rc_decref(cell);
        if (rc < 0) {
            rc_decref(row);
            return NULL;
        }
    }
    return row;
}

static rc_object *grid(size_t rows, size_t cols)
{
    rc_object *g = rc_list_new(rows);
    size_t r;

    if (g == NULL)
        return NULL;
    for (r = 0; r < rows; r++) {
        rc_object *row = make_row(cols, r);

        if (row == NULL)
            goto fail;
        if (rc_list_append(g, row) < 0) {
            rc_decref(row);
            goto fail;
        }
        rc_decref(row);
    }
    return g;
fail:
    rc_decref(g);
    return NULL;
}

int main(void)
{
    rc_object *g = grid(2, 3);

    rc_xdecref(g);
    return 0;
}
