// Matching of list and set elements, as Terraform's renderer does it: lists by longest common subsequence
// (an element removed from the middle is one removal, not a cascade of changes), sets by value. Since
// Terraform 1.8 a list whose length did not change and that is not a reordering is compared element by element
// (hashicorp/terraform#34677): there an edited element reads as a change, not as a removal plus an addition.

/** A pair of matched positions; -1 on one side means the element exists only on the other side. */
export interface Match {
  before: number
  after: number
}

/** Beyond this many cells the quadratic LCS table is not built: the middle is paired by position instead. */
export const MAX_LCS_CELLS = 250_000

/**
 * Aligns two lists of element keys (equal keys = equal elements). Elements in the longest common subsequence
 * are paired; between two common elements, removed elements come first, then added ones, except that when
 * `pairable` says both sides are objects, a removed and an added element at the same step are paired (an
 * object changed in place, shown with its nested changes).
 */
export function matchList(
  before: readonly string[],
  after: readonly string[],
  pairable: (b: number, a: number) => boolean = () => false
): Match[] {
  if (before.length === after.length && !isReorder(before, after))
    return before.map((_, i) => ({ before: i, after: i }))
  const common = lcsPairs(before, after)
  const out: Match[] = []
  let b = 0
  let a = 0
  for (const [cb, ca] of [...common, [before.length, after.length] as const]) {
    while (b < cb) {
      if (a < ca && pairable(b, a)) out.push({ before: b++, after: a++ })
      else out.push({ before: b++, after: -1 })
    }
    while (a < ca) out.push({ before: -1, after: a++ })
    if (cb < before.length) out.push({ before: b++, after: a++ })
  }
  return out
}

/** Whether every element before is still there after (only the order changed, or nothing). */
function isReorder(before: readonly string[], after: readonly string[]): boolean {
  const present = new Set(after)
  return before.every(k => present.has(k))
}

/** Index pairs of a longest common subsequence; common prefix and suffix are matched without the table. */
function lcsPairs(before: readonly string[], after: readonly string[]): [number, number][] {
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let endB = before.length
  let endA = after.length
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--
    endA--
  }
  const pairs: [number, number][] = []
  for (let i = 0; i < start; i++) pairs.push([i, i])
  const n = endB - start
  const m = endA - start
  if (n > 0 && m > 0) {
    if (n * m <= MAX_LCS_CELLS) pairs.push(...lcsTable(before, after, start, n, m))
    else {
      // Too large for the table: equal elements at the same offset still match, the rest are changes.
      for (let i = 0; i < Math.min(n, m); i++)
        if (before[start + i] === after[start + i]) pairs.push([start + i, start + i])
    }
  }
  for (let i = 0; endB + i < before.length; i++) pairs.push([endB + i, endA + i])
  return pairs
}

function lcsTable(before: readonly string[], after: readonly string[], start: number, n: number, m: number) {
  // lengths[i][j] = LCS length of before[start+i..] and after[start+j..], in one flat array.
  const width = m + 1
  const lengths = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * width + j] =
        before[start + i] === after[start + j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (before[start + i] === after[start + j]) {
      pairs.push([start + i, start + j])
      i++
      j++
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++
    else j++
  }
  return pairs
}

/** Set elements: each before element is paired with an equal after element; the rest are removed or added. */
export function matchSet(before: readonly string[], after: readonly string[]): Match[] {
  const free = new Map<string, number[]>()
  for (let j = after.length - 1; j >= 0; j--) {
    const list = free.get(after[j])
    if (list) list.push(j)
    else free.set(after[j], [j])
  }
  const out: Match[] = []
  const taken = new Set<number>()
  for (let i = 0; i < before.length; i++) {
    const j = free.get(before[i])?.pop()
    if (j === undefined) out.push({ before: i, after: -1 })
    else {
      taken.add(j)
      out.push({ before: i, after: j })
    }
  }
  for (let j = 0; j < after.length; j++) if (!taken.has(j)) out.push({ before: -1, after: j })
  return out
}
