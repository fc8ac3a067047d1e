// Text from the plan (addresses, keys, values, diagnostics) must never become Markdown or HTML: everything that
// GFM or GitHub could interpret is written as an HTML character reference, and values go into <code> elements
// (a backtick code span cannot hold every string inside a table cell; an HTML-escaped <code> can).

/** Characters that Markdown, GFM tables, GitHub math or HTML could interpret, as character references. */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '`': '&#96;',
  '|': '&#124;',
  '*': '&#42;',
  _: '&#95;',
  ']': '&#93;',
  '~': '&#126;',
  '\\': '&#92;',
  $: '&#36;',
  '\n': '↵',
  '\r': '↵',
  '\r\n': '↵'
}
/** Zero-width space: keeps `@user` and `#123` from becoming mentions or issue links. */
const ZWSP = '&#8203;'
// One pass, so that inserted references are never escaped again. `_` between two letters cannot start or end
// emphasis, and `]` only matters before `(`, `[` or `:` (links), so addresses stay short and readable.
const SPECIAL = /[&<>`|*~\\$]|\r\n|[\r\n]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|\](?=[([:])|[@#](?=[A-Za-z0-9])/g
// C0/C1 controls and bidirectional overrides ("Trojan Source") are shown as escapes, never emitted raw.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Inline text: safe inside a paragraph, a table cell or a <code> element. Newlines are shown as ↵. */
export function escapeInline(s: string): string {
  return s
    .replace(INVISIBLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(SPECIAL, c => (c === '@' || c === '#' ? `${c}${ZWSP}` : ENTITIES[c]))
}

/** Cuts a value to at most `max` characters, saying how much was left out. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s
  // Do not split a surrogate pair.
  let cut = max
  const code = s.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  return `${s.slice(0, cut)}…(${s.length - cut} more chars)`
}

/** An inline code element for a raw (already redacted) string, truncated to `max` characters first. */
export function code(raw: string, max = 200): string {
  return `<code>${escapeInline(truncate(raw, max))}</code>`
}

/** A fenced code block that no line of `text` can close (the fence is longer than any backtick run). */
export function fencedBlock(text: string, info = ''): string {
  let longest = 0
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${text}\n${fence}`
}

/** Cuts every line of a block of text to `max` characters. */
export function truncateLines(text: string, max: number): string {
  if (text.length <= max) return text
  return text
    .split('\n')
    .map(l => truncate(l, max))
    .join('\n')
}
