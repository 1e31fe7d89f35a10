// @mentions in comments, pure (the server resolves them, the drawer renders them).
// The syntax is "@" followed by a person's full name, as the mention picker inserts it:
// "@Dev Delivery can you check?". Names match case-insensitively and must end at a word
// boundary; longer names win, so "@Ann Lee" is Ann Lee, not Ann.

export type Mentionable = { id: string; name: string }

const wordChar = /[\p{L}\p{N}_]/u

/** Where each mentioned person's "@Name" sits in the text (first occurrence per person). */
export function mentionRanges(body: string, people: Mentionable[]): { id: string; start: number; end: number }[] {
  const sorted = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length)
  let haystack = body.toLowerCase()
  const found: { id: string; start: number; end: number }[] = []
  for (const person of sorted) {
    const needle = `@${person.name.toLowerCase()}`
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const next = haystack[at + needle.length]
      if (next !== undefined && wordChar.test(next)) continue
      found.push({ id: person.id, start: at, end: at + needle.length })
      // Blank out the match so a shorter name inside it ("@Ann" in "@Ann Lee") does not match.
      haystack = haystack.slice(0, at) + '\u0000'.repeat(needle.length) + haystack.slice(at + needle.length)
      break
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The ids of the people a comment mentions, in order of appearance, each once. */
export function findMentions(body: string, people: Mentionable[]): string[] {
  return [...new Set(mentionRanges(body, people).map((r) => r.id))]
}
