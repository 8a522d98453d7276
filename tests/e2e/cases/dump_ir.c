#include <rc/rc.h>

int first_item(rc_object *list, rc_object **out)
{
	rc_object *item = rc_list_get(list, 0);
	if (item == NULL)
		return -1;
	rc_incref(item);
	*out = item;
	return 0;
}

/*
 * check-name: dump-ir prints a function's CFG with locations (golden)
 * check-command: refcheck dump-ir --function first_item $file
 *
 * check-output-start
function first_item(list, out) -> int  @3:5
  var list: rc_object * (param, obj 1 rc_object)
  var out: rc_object ** (param, obj 2 rc_object)
  var item: rc_object * (local, obj 1 rc_object)
bb0:
  item = rc_list_get(list, 0)  @5:20
  branch (item == NULL) bb2 bb1  @6:6
bb1: <- bb0
  rc_incref_at(item, "dump_ir.c", 8) [macro rc_incref]  @8:2
  *out = item  @9:2
  return 0  @10:2
bb2: <- bb0
  return -1  @7:3
 * check-output-end
 */
