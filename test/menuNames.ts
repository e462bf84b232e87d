/** Every function name the menu calls (tests check each is a top-level function of the bundle). */
import { MENU, SAFE_ITEMS, TAIL_ITEMS } from '../src/entry/menu';

export function menuFunctionNames(): string[] {
  const names = new Set<string>();
  for (const i of [...SAFE_ITEMS, ...TAIL_ITEMS]) names.add(i.fn);
  for (const g of MENU) for (const i of g.items) if (i) names.add(i.fn);
  return Array.from(names);
}
