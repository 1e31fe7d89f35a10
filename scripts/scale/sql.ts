// SQL expression builders for generating rows inside PostgreSQL (INSERT ... SELECT FROM
// generate_series). Every "random" value is a hash of the row number and a salt, so the
// same options always produce the same data, and nothing is shipped row by row from Node.

/** A SQL string literal. */
export const lit = (text: string) => `'${text.replaceAll("'", "''")}'`

/** A deterministic pseudo-random number in [0, 1) for row `n` (a SQL expression); `salt` picks an independent stream. */
export const rnd = (n: string, salt: number) => `((hashint8extended((${n})::int8, ${salt}) & 9223372036854775807)::float8 / 9223372036854775808.0)`

/** One item of a list, uniformly. */
export const pick = (list: readonly string[], r: string) => `(ARRAY[${list.map(lit).join(',')}]::text[])[1 + floor(${r} * ${list.length})::int]`

/** One value by weight: [[sqlValue, weight], ...]; `r` is a number in [0, 1). */
export function weighted(choices: readonly (readonly [string, number])[], r: string) {
  const total = choices.reduce((sum, [, w]) => sum + w, 0)
  let acc = 0
  const arms = choices.slice(0, -1).map(([value, w]) => {
    acc += w
    return `WHEN ${r} < ${acc / total} THEN ${value}`
  })
  return `(CASE ${arms.join(' ')} ELSE ${choices.at(-1)![0]} END)`
}

/**
 * A deterministic uuid for the n-th row of a kind within the organization in parameter $1,
 * shaped as a version-4 uuid (zod's z.uuid() accepts it). Rows refer to each other by number
 * (contact n -> company k) without lookups.
 */
export const uid = (kind: string, n: string) => `(overlay(overlay(md5($1::text || ${lit(`:${kind}:`)} || (${n})::text) placing '4' from 13) placing '8' from 17))::uuid`

/** An index 1..size skewed towards small numbers (some owners and companies get more than others). */
export const skewed = (r: string, size: number | string, power = 1.6) => `(1 + floor(power(${r}, ${power}) * ${size})::int)`
