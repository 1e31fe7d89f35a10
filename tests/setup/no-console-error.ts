import { afterEach, beforeEach, vi } from 'vitest'

// A test that makes the code log an error fails, unless the test expects it by giving
// console.error an implementation (vi.mocked(console.error).mockImplementation(() => {})).
let spy: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  spy = vi.spyOn(console, 'error')
})
afterEach(() => {
  const expected = Boolean(spy.getMockImplementation())
  const calls = spy.mock.calls
  spy.mockRestore()
  if (!expected && calls.length) throw new Error(`console.error was called:\n${calls.map((c: unknown[]) => c.map(String).join(' ')).join('\n')}`)
})
