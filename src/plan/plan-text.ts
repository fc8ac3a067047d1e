// JSON.parse for the text of `terraform show -json`, without building what the renderer never reads:
// `planned_values.root_module` repeats every resource's planned values (nearly half of a large plan's bytes);
// only `planned_values.outputs` is read (sensitive outputs, for masking). Scanning 4 MB of JSON in JavaScript
// costs more than parsing it, so the end of `planned_values` is found the way Terraform writes it: outputs first,
// then root_module, then `},"<next top-level member>":`. That text cannot occur inside a string, and if it sits
// deeper in the object the spliced text does not parse (it closes too many brackets): the whole text is parsed.
// (The skipped text itself is not checked: a file broken only inside planned_values.root_module is accepted.)

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])
/** What Terraform writes after planned_values; the first found ends it (one native scan, not one per name). */
const AFTER =
  /\},"(resource_drift|resource_changes|deferred_changes|output_changes|prior_state|configuration|relevant_attributes|checks|timestamp|applyable|complete|errored)":/g
/** A key spelled with escapes could be "outputs": then nothing is skipped. */
const ESCAPED_OUTPUTS_LETTER = /\\u00(6f|75|74|70|73)/i

export function parsePlanText(text: string): unknown {
  const cut = plannedValuesCut(text)
  if (cut !== undefined) {
    try {
      return JSON.parse(text.slice(0, cut.start) + cut.replacement + text.slice(cut.end))
    } catch {
      // not where planned_values ends, or not JSON at all: JSON.parse says which
    }
  }
  return JSON.parse(text)
}

/** Where the top-level `planned_values` object is and what replaces it; undefined: parse the text as it is. */
function plannedValuesCut(text: string): { start: number; end: number; replacement: string } | undefined {
  const at = text.indexOf('"planned_values":')
  if (at < 0) return undefined
  // the members before it (format_version, terraform_version, variables: small) are read to be sure it is one
  let i = ws(text, 0)
  if (text.charCodeAt(i) !== 0x7b) return undefined // {
  i = ws(text, i + 1)
  while (i < at) {
    const member = text.charCodeAt(i) === 0x22 ? readMember(text, i) : undefined
    if (member === undefined) return undefined
    i = ws(text, member.end)
    if (text.charCodeAt(i) !== 0x2c) return undefined // ,
    i = ws(text, i + 1)
  }
  if (i !== at) return undefined
  const start = at + '"planned_values":'.length
  if (text.charCodeAt(start) !== 0x7b) return undefined
  AFTER.lastIndex = start
  const next = AFTER.exec(text)
  if (next === null) return undefined
  const end = next.index + 1
  if (text.startsWith('{"outputs":', start)) {
    const from = start + '{"outputs":'.length
    const outputsEnd = skipValue(text, from)
    if (outputsEnd < 0 || outputsEnd > end) return undefined
    return { start, end, replacement: `{"outputs":${text.slice(from, outputsEnd)}}` }
  }
  // no outputs first: then none at all, or this is not Terraform's layout
  const value = text.slice(start, end)
  if (!value.startsWith('{"root_module":') || value.includes('"outputs"') || ESCAPED_OUTPUTS_LETTER.test(value))
    return undefined
  return { start, end, replacement: '{}' }
}

/** `"key": value` from the quote at `i`: the decoded key and the value's span. */
function readMember(text: string, i: number): { key: string; start: number; end: number } | undefined {
  const keyEnd = skipString(text, i)
  if (keyEnd < 0) return undefined
  let key: unknown
  try {
    key = JSON.parse(text.slice(i, keyEnd))
  } catch {
    return undefined
  }
  let j = ws(text, keyEnd)
  if (text.charCodeAt(j) !== 0x3a) return undefined // :
  j = ws(text, j + 1)
  const end = skipValue(text, j)
  return end < 0 || typeof key !== 'string' ? undefined : { key, start: j, end }
}

function ws(text: string, i: number): number {
  while (WS.has(text.charCodeAt(i))) i++
  return i
}

/** The index after the string whose opening quote is at `i`, or -1. */
function skipString(text: string, i: number): number {
  for (let from = i + 1; ;) {
    const quote = text.indexOf('"', from)
    if (quote < 0) return -1
    let backslash = quote - 1
    while (text.charCodeAt(backslash) === 0x5c) backslash--
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1 // not escaped
    from = quote + 1
  }
}

/** The index after the value starting at `i` (a string, object, array or scalar), or -1. */
function skipValue(text: string, i: number): number {
  const open: number[] = []
  for (let j = i; j < text.length;) {
    const c = text.charCodeAt(j)
    if (c === 0x22) {
      j = skipString(text, j)
      if (j < 0 || open.length === 0) return j
      continue
    }
    if (c === 0x7b || c === 0x5b)
      open.push(c + 2) // the closing bracket: } is { + 2, ] is [ + 2
    else if (c === 0x7d || c === 0x5d || c === 0x2c) {
      if (open.length === 0) return j === i ? -1 : j // the end of a scalar
      if (c !== 0x2c) {
        if (open.pop() !== c) return -1
        if (open.length === 0) return j + 1
      }
    }
    j++
  }
  return open.length === 0 && text.length > i ? text.length : -1
}
