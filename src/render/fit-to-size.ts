// Fits a document of sections into a character budget by lowering the detail of one section at a time, in a
// fixed order. Each section level is rendered at most once and sizes are summed, so a 10,000-resource plan
// costs a handful of renders, never a re-render of the whole document per step.

export interface FitSection {
  id: string
  /** Renders the section at `level`; `room` is the space left for it (for sections that fill what is left). */
  render(level: number, room: number): string
  /** From this level on, the section is rendered once, with the room the others leave. */
  roomDependentFrom?: number
}

export interface FitStep {
  section: string
  level: number
  /** what the reader is told was shortened */
  note: string
}

export interface FitResult {
  /** non-empty section texts in order */
  parts: string[]
  shortened: string[]
  levels: Record<string, number>
}

const SEPARATOR = '\n\n'

export function fitToSize(
  sections: readonly FitSection[],
  steps: readonly FitStep[],
  maxChars: number,
  footer: (shortened: readonly string[]) => string
): FitResult {
  const levels = new Map(sections.map(s => [s.id, 0]))
  const cache = new Map<string, string>()
  const text = (s: FitSection, room: number): string => {
    const level = levels.get(s.id)!
    const key = `${s.id}\u0000${level}`
    let t = cache.get(key)
    if (t === undefined) {
      t = s.render(level, room)
      cache.set(key, t)
    }
    return t
  }
  const shortened: string[] = []
  const sizeOf = (t: string): number => (t === '' ? 0 : t.length + SEPARATOR.length)
  const total = (): number => {
    let n = sizeOf(footer(shortened))
    for (const s of sections) n += sizeOf(text(s, Infinity))
    return n
  }

  let current = total()
  for (const step of steps) {
    if (current <= maxChars) break
    const section = sections.find(s => s.id === step.section)
    if (!section || levels.get(section.id)! >= step.level) continue
    const before = text(section, Infinity)
    levels.set(section.id, step.level)
    if (!shortened.includes(step.note)) shortened.push(step.note)
    if (section.roomDependentFrom !== undefined && step.level >= section.roomDependentFrom) {
      // Give this section whatever the others (and the footer) leave.
      const others = current - sizeOf(before) - sizeOf(footer(shortened.slice(0, -1))) + sizeOf(footer(shortened))
      const room = maxChars - others - SEPARATOR.length
      const t = section.render(step.level, room)
      cache.set(`${section.id}\u0000${step.level}`, t)
    }
    current = total()
  }
  const parts = sections.map(s => text(s, Infinity)).filter(t => t !== '')
  const foot = footer(shortened)
  if (foot !== '') parts.push(foot)
  return { parts, shortened, levels: Object.fromEntries(levels) }
}

export function joinParts(parts: readonly string[]): string {
  return parts.join(SEPARATOR) + '\n'
}
