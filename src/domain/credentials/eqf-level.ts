/**
 * An EQF level (1..8) from an ELM EQF concept URI (`http://data.europa.eu/snb/eqf/6`), a number,
 * a digit string, or a label such as `"EQF level 4"` / `"Level 6"`.
 *
 * @example
 * toEqfLevel('http://data.europa.eu/snb/eqf/6') // 6
 * toEqfLevel('EQF level 4') // 4
 * toEqfLevel(9) // undefined
 */
export function toEqfLevel(value: unknown): number | undefined {
  let level: number | undefined;
  if (typeof value === 'number') level = value;
  else if (typeof value === 'string') {
    const match = /^\s*(\d)\s*$/.exec(value) ?? /\/eqf\/(\d)\/?\s*$/i.exec(value) ?? /\blevel\s*(\d)\b/i.exec(value);
    level = match?.[1] === undefined ? undefined : Number(match[1]);
  }
  return level !== undefined && Number.isInteger(level) && level >= 1 && level <= 8 ? level : undefined;
}
