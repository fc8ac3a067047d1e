// Fits a document of sections into a character budget by lowering the detail of one section at a time, in a
// fixed order. Each section level is rendered at most once and sizes are summed, so a 10,000-resource plan
// costs a handful of renders, never a re-render of the whole document per step.

export interface FitSection {
  id: string
  /**
   * Renders the section at `level`, or returns undefined as soon as it would be longer than `room` (so a
   * too-detailed level of a huge plan costs no more than `room` characters of work).
   */
  render(level: number, room: number): string | undefined
  /** Levels at which the section fills the room the others leave (rendered once, when the step is taken). */
  fillLevels?: readonly number[]
}

export interface FitStep {
  section: string
  level: number
  /** what the reader is told was shortened; a later step of the same section replaces the note */
  note: string
}

export interface FitResult {
  /** non-empty section texts in order, the footer last */
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
  const cache = new Map<string, string | undefined>()
  const key = (s: FitSection): string => `${s.id}\u0000${levels.get(s.id)}`
  const text = (s: FitSection): string | undefined => {
    const k = key(s)
    if (!cache.has(k)) cache.set(k, s.render(levels.get(s.id)!, maxChars))
    return cache.get(k)
  }
  const notes = new Map<string, string>()
  const shortened = (): string[] => [...notes.values()]
  const sizeOf = (t: string | undefined): number =>
    t === undefined ? Infinity : t === '' ? 0 : t.length + SEPARATOR.length
  const total = (): number => sections.reduce((n, s) => n + sizeOf(text(s)), sizeOf(footer(shortened())))

  let current = total()
  for (const step of steps) {
    if (current <= maxChars) break
    const section = sections.find(s => s.id === step.section)
    if (!section || levels.get(section.id)! >= step.level) continue
    const before = text(section)
    levels.set(section.id, step.level)
    const previousNote = notes.get(section.id)
    notes.set(section.id, step.note)
    if (section.fillLevels?.includes(step.level)) {
      // Give this section whatever the others (and the footer) leave.
      const others = sections.reduce((n, s) => (s === section ? n : n + sizeOf(text(s))), sizeOf(footer(shortened())))
      cache.set(key(section), section.render(step.level, maxChars - others - SEPARATOR.length))
    }
    const after = text(section)
    if (after === before && before !== undefined) {
      // Nothing changed (e.g. an empty section): do not claim it was shortened.
      if (previousNote === undefined) notes.delete(section.id)
      else notes.set(section.id, previousNote)
    }
    current = total()
  }
  const parts = sections.map(s => text(s) ?? '').filter(t => t !== '')
  const foot = footer(shortened())
  if (foot !== '') parts.push(foot)
  return { parts, shortened: shortened(), levels: Object.fromEntries(levels) }
}

export function joinParts(parts: readonly string[]): string {
  return parts.join(SEPARATOR) + '\n'
}
